// API keys for mutations. Keys are configured hashed (sha256 hex) with their scopes, e.g.
// RG_API_KEYS="3f1c…e9:ingest,compute;7a2b…10:*". With no keys configured, mutations are open
// (a single-user local install); with keys, every mutation needs one with the mutation's scope.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { BadUserInputError, PlatformError } from "../compute/errors.js";

export type Scope = "ingest" | "compute" | "analysis" | "cohort";
export const SCOPES: readonly Scope[] = ["ingest", "compute", "analysis", "cohort"];

export interface ApiKeyEntry {
  readonly hash: Buffer;
  readonly scopes: ReadonlySet<Scope> | "all";
}

export function hashApiKey(key: string): Buffer {
  return createHash("sha256").update(key, "utf8").digest();
}

/** Parses `hash:scope,scope;hash:*`; a malformed entry is a configuration error, reported at start. */
export function parseApiKeys(config: string | undefined): ApiKeyEntry[] {
  if (!config?.trim()) return [];
  return config.split(";").filter(Boolean).map((entry) => {
    const [hex, scopes] = entry.trim().split(":");
    if (!hex || !/^[0-9a-f]{64}$/i.test(hex) || !scopes)
      throw new BadUserInputError(`RG_API_KEYS entry '${entry.slice(0, 12)}…' must be <sha256 hex of the key>:<scopes or *>`);
    if (scopes === "*") return { hash: Buffer.from(hex, "hex"), scopes: "all" as const };
    const list = scopes.split(",").map((s) => s.trim()) as Scope[];
    const unknown = list.filter((s) => !SCOPES.includes(s));
    if (unknown.length) throw new BadUserInputError(`RG_API_KEYS: unknown scopes ${unknown.join(", ")}; use ${SCOPES.join(", ")} or *`);
    return { hash: Buffer.from(hex, "hex"), scopes: new Set(list) };
  });
}

/** A new random key and the RG_API_KEYS entry that grants it the scopes. */
export function createApiKey(scopes: readonly Scope[] | "all"): { key: string; entry: string } {
  const key = `rg_${randomBytes(24).toString("base64url")}`;
  return { key, entry: `${hashApiKey(key).toString("hex")}:${scopes === "all" ? "*" : scopes.join(",")}` };
}

/** What the caller of one request may do. */
export class RequestAuthority {
  constructor(
    private readonly keys: readonly ApiKeyEntry[],
    private readonly presented: string | undefined,
  ) {}

  /** Throws UNAUTHENTICATED (no or unknown key) or FORBIDDEN (key without the scope). */
  require(scope: Scope): void {
    if (!this.keys.length) return;
    if (!this.presented) throw new PlatformError("UNAUTHENTICATED", `this mutation needs an API key with scope '${scope}': send it as the x-api-key header`);
    const hash = hashApiKey(this.presented);
    const entry = this.keys.find((k) => k.hash.length === hash.length && timingSafeEqual(k.hash, hash));
    if (!entry) throw new PlatformError("UNAUTHENTICATED", "the API key is not valid (revoked or mistyped)");
    if (entry.scopes !== "all" && !entry.scopes.has(scope)) throw new PlatformError("FORBIDDEN", `the API key lacks scope '${scope}'`);
  }
}
