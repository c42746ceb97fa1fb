// The API key file (default <data dir>/api-keys.json, env RG_API_KEY_FILE): hashed keys with scopes,
// written by `radiogenomics api-key create|revoke`, re-read by the server when it changes, so a key can
// be revoked without a restart. A revoked key stays listed (with revokedAt) so its caller is told why.
import { readFileSync, renameSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { NotFoundError, PlatformError } from "../compute/errors.js";
import { createApiKey, parseScopes, type ApiKeyEntry, type Scope } from "./api-keys.js";

export interface StoredApiKey {
  id: string;
  /** sha256 hex of the key; the key itself is never stored. */
  hash: string;
  scopes: string[] | "*";
  label?: string;
  createdAt: string;
  revokedAt?: string;
}

interface KeyFileContent {
  version: 1;
  keys: StoredApiKey[];
}

export function defaultKeyFile(dataDir: string): string {
  return process.env.RG_API_KEY_FILE ?? path.join(path.resolve(dataDir), "api-keys.json");
}

/** The file's keys; a missing file holds none. A malformed file is an error (never: "no keys, all open"). */
export function readKeyFile(file: string): StoredApiKey[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  try {
    const content = JSON.parse(text) as KeyFileContent;
    if (!Array.isArray(content.keys)) throw new Error("no 'keys' list");
    return content.keys;
  } catch (error) {
    throw new PlatformError("INTERNAL", `the API key file ${file} is not valid (${(error as Error).message}): fix it, or restore it from a backup`);
  }
}

export function toKeyEntries(keys: readonly StoredApiKey[], file: string): ApiKeyEntry[] {
  return keys.map((k) => ({ hash: Buffer.from(k.hash, "hex"), id: k.id, revokedAt: k.revokedAt, scopes: parseScopes(k.scopes, `API key file ${file}`) }));
}

/** Replaces the file in one rename, so the server never reads half of it; readable by its owner only. */
function writeKeyFile(file: string, keys: StoredApiKey[]): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ version: 1, keys } satisfies KeyFileContent, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
}

/** Adds a new key with the scopes; returns the key (shown once) and its id. */
export function addKeyToFile(file: string, scopes: readonly Scope[] | "all", label?: string, now = new Date()): { key: string; id: string } {
  const keys = readKeyFile(file);
  const { key, id, entry } = createApiKey(scopes);
  keys.push({ id, hash: entry.split(":")[0]!, scopes: scopes === "all" ? "*" : [...scopes], label, createdAt: now.toISOString() });
  writeKeyFile(file, keys);
  return { key, id };
}

/** Marks the key (by id, or by the key's own text) revoked; the running server refuses it from its next request. */
export function revokeKeyInFile(file: string, idOrHash: string, now = new Date()): StoredApiKey {
  const keys = readKeyFile(file);
  const key = keys.find((k) => k.id === idOrHash || k.hash === idOrHash);
  if (!key) throw new NotFoundError("API key", idOrHash);
  key.revokedAt ??= now.toISOString();
  writeKeyFile(file, keys);
  return key;
}
