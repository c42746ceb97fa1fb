// The keyring: fixed keys plus the key file, re-read when the file changes; failing closed on a
// broken file; revoked keys refused with a message saying so.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addKeyToFile, readKeyFile, revokeKeyInFile } from "../../resolvers/api-key-file.js";
import { ApiKeyring } from "../../resolvers/api-keyring.js";
import { createApiKey, hashApiKey, parseApiKeys, RequestAuthority } from "../../resolvers/api-keys.js";
import type { PlatformError } from "../../compute/errors.js";

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "rg-keyring-"));
  file = path.join(dir, "api-keys.json");
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function refusal(keyring: ApiKeyring, key: string | undefined, scope: "read" | "ingest"): string | undefined {
  try {
    new RequestAuthority(keyring.current(), key).require(scope);
    return undefined;
  } catch (error) {
    return `${(error as PlatformError).code}: ${(error as Error).message}`;
  }
}

describe("API keyring", () => {
  it("stores only the sha256 of a key, under an id taken from that hash", () => {
    const { key, id } = addKeyToFile(file, ["ingest"], "pipeline");
    const [stored] = readKeyFile(file);
    expect(stored).toMatchObject({ id, hash: hashApiKey(key).toString("hex"), scopes: ["ingest"], label: "pipeline" });
    expect(JSON.stringify(readKeyFile(file))).not.toContain(key);
    expect(id).toBe(stored!.hash.slice(0, 12));
  });

  it("is open with no keys anywhere, and closed as soon as the file holds one", () => {
    const keyring = new ApiKeyring([], file);
    expect(keyring.isEmpty()).toBe(true);
    expect(refusal(keyring, undefined, "ingest")).toBeUndefined();
    const { key } = addKeyToFile(file, ["ingest"]);
    expect(refusal(keyring, undefined, "ingest")).toMatch(/^UNAUTHENTICATED: this mutation needs an API key with scope 'ingest'/);
    expect(refusal(keyring, key, "ingest")).toBeUndefined();
    expect(refusal(keyring, key, "read")).toMatch(/^FORBIDDEN: .*lacks scope 'read'.*api-key create --scopes read/);
  });

  it("refuses a key revoked in the file from the next check, saying it was revoked", () => {
    const keyring = new ApiKeyring([], file);
    const { key, id } = addKeyToFile(file, "all");
    const other = addKeyToFile(file, ["read"]);
    expect(refusal(keyring, key, "ingest")).toBeUndefined();
    revokeKeyInFile(file, id);
    expect(refusal(keyring, key, "ingest")).toMatch(new RegExp(`^UNAUTHENTICATED: the API key ${id} was revoked at `));
    expect(refusal(keyring, other.key, "read")).toBeUndefined();
    revokeKeyInFile(file, other.id);
    expect(keyring.isEmpty()).toBe(false); // only revoked keys left: still closed, never open
    expect(refusal(keyring, undefined, "ingest")).toMatch(/^UNAUTHENTICATED/);
  });

  it("combines RG_API_KEYS with the file", () => {
    const fixed = createApiKey(["read"]);
    const keyring = new ApiKeyring(parseApiKeys(fixed.entry), file);
    const { key } = addKeyToFile(file, ["ingest"]);
    expect(refusal(keyring, fixed.key, "read")).toBeUndefined();
    expect(refusal(keyring, key, "ingest")).toBeUndefined();
    expect(refusal(keyring, "rg_mistyped", "read")).toMatch(/^UNAUTHENTICATED: the API key is not valid/);
  });

  it("fails closed on a broken key file, naming it", async () => {
    const keyring = new ApiKeyring([], file);
    addKeyToFile(file, ["ingest"]);
    keyring.current();
    await writeFile(file, "{ not json");
    expect(() => keyring.current()).toThrow(new RegExp(`API key file ${file} is not valid`));
  });
});
