// API keys. Only sha256 hashes of keys are configured: in RG_API_KEYS ("3f1c…e9:ingest,compute;7a2b…10:*")
// and in the key file that `radiogenomics api-key create|revoke` manages (see api-key-file.ts). With no
// keys configured at all, mutations are open (a single-user local install); with keys, every mutation
// needs one with the mutation's scope, and reads need the `read` scope when RG_READ_ACCESS=key.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { BadUserInputError, PlatformError } from "../compute/errors.js";

export type Scope = "read" | "ingest" | "compute" | "analysis" | "cohort";
export const SCOPES: readonly Scope[] = ["read", "ingest", "compute", "analysis", "cohort"];

export interface ApiKeyEntry {
  readonly hash: Buffer;
  readonly scopes: ReadonlySet<Scope> | "all";
  /** Short public id (the hash's first 12 hex digits), used to name and revoke the key. */
  readonly id?: string;
  /** Set when the key was revoked: it is still known, so its caller is told so. */
  readonly revokedAt?: string;
}

export function hashApiKey(key: string): Buffer {
  return createHash("sha256").update(key, "utf8").digest();
}

export function keyIdOf(hash: Buffer): string {
  return hash.toString("hex").slice(0, 12);
}

export function parseScopes(scopes: readonly string[] | "*", where: string): ReadonlySet<Scope> | "all" {
  if (scopes === "*" || scopes.includes("*")) return "all";
  const unknown = scopes.filter((s) => !SCOPES.includes(s as Scope));
  if (unknown.length) throw new BadUserInputError(`${where}: unknown scopes ${unknown.join(", ")}; use ${SCOPES.join(", ")} or *`);
  return new Set(scopes as Scope[]);
}

/** Parses `hash:scope,scope;hash:*`; a malformed entry is a configuration error, reported at start. */
export function parseApiKeys(config: string | undefined): ApiKeyEntry[] {
  if (!config?.trim()) return [];
  return config.split(";").filter(Boolean).map((entry) => {
    const [hex, scopes] = entry.trim().split(":");
    if (!hex || !/^[0-9a-f]{64}$/i.test(hex) || !scopes)
      throw new BadUserInputError(`RG_API_KEYS entry '${entry.slice(0, 12)}…' must be <sha256 hex of the key>:<scopes or *>`);
    const hash = Buffer.from(hex, "hex");
    return { hash, id: keyIdOf(hash), scopes: parseScopes(scopes === "*" ? "*" : scopes.split(",").map((s) => s.trim()), "RG_API_KEYS") };
  });
}

/** A new random key and the RG_API_KEYS entry that grants it the scopes. */
export function createApiKey(scopes: readonly Scope[] | "all"): { key: string; entry: string; id: string } {
  const key = `rg_${randomBytes(24).toString("base64url")}`;
  const hash = hashApiKey(key);
  return { key, id: keyIdOf(hash), entry: `${hash.toString("hex")}:${scopes === "all" ? "*" : scopes.join(",")}` };
}

const HOW_TO_SEND = "send it as the x-api-key header (on a WebSocket: connectionParams.apiKey)";

/** What the caller of one request may do. */
export class RequestAuthority {
  constructor(
    private readonly keys: readonly ApiKeyEntry[],
    private readonly presented: string | undefined,
    /** Set while the key file is missing or broken: everything that needs a key is refused with it. */
    private readonly keyFileFailure?: PlatformError,
  ) {}

  /** True when no key is configured (and none was lost): everything is open. */
  get open(): boolean {
    return this.keys.length === 0 && !this.keyFileFailure;
  }

  /** The presented key's entry; undefined for an anonymous caller. A presented key that is unknown or revoked is UNAUTHENTICATED. */
  caller(): ApiKeyEntry | undefined {
    if (!this.presented || this.open) return undefined;
    const hash = hashApiKey(this.presented);
    const entry = this.keys.find((k) => k.hash.length === hash.length && timingSafeEqual(k.hash, hash) && !k.revokedAt)
      ?? this.keys.find((k) => k.hash.length === hash.length && timingSafeEqual(k.hash, hash));
    if (!entry) throw new PlatformError("UNAUTHENTICATED", "the API key is not valid (mistyped, or not configured on this server): check it, or ask for a new one (`radiogenomics api-key create`)");
    if (entry.revokedAt)
      throw new PlatformError("UNAUTHENTICATED", `the API key ${entry.id ?? ""} was revoked at ${entry.revokedAt}: ask for a new one (\`radiogenomics api-key create\`)`, { keyId: entry.id });
    return entry;
  }

  /** Throws UNAUTHENTICATED (no, unknown or revoked key) or FORBIDDEN (key without the scope). */
  require(scope: Scope, what = "this mutation"): void {
    if (this.open) return;
    if (this.keyFileFailure) throw this.keyFileFailure;
    if (!this.presented) throw new PlatformError("UNAUTHENTICATED", `${what} needs an API key with scope '${scope}': ${HOW_TO_SEND}`, { scope });
    const entry = this.caller()!;
    if (entry.scopes !== "all" && !entry.scopes.has(scope))
      throw new PlatformError("FORBIDDEN", `the API key ${entry.id ?? ""} lacks scope '${scope}' (it has ${[...entry.scopes].join(", ")}): use a key with that scope (\`radiogenomics api-key create --scopes ${scope}\`)`, { scope, keyId: entry.id });
  }
}
