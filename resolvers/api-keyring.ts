// Every API key the server knows: the fixed ones from RG_API_KEYS and those of the key file, which is
// re-read whenever it changes (checked on each request by a stat: revocation needs no restart).
// Fails closed: a key file named explicitly (serve --keys, --key-file, RG_API_KEY_FILE) must be
// readable at start, and a key file that was in use and then goes missing, unreadable or invalid
// makes every check that needs a key refuse (mutations, reads under RG_READ_ACCESS=key) until it is
// restored; it never falls back to "no keys, all open".
import { statSync } from "node:fs";
import { PlatformError } from "../compute/errors.js";
import type { ApiKeyEntry } from "./api-keys.js";
import { readKeyFile, toKeyEntries } from "./api-key-file.js";

export interface KeyringSnapshot {
  /** The keys as of now (revoked ones included, marked); the last good ones while the file is broken. */
  readonly keys: readonly ApiKeyEntry[];
  /** Set while the key file is missing or broken: requests that need a key are refused with it. */
  readonly failure?: PlatformError;
}

export interface ApiKeyringOptions {
  /** The file was named explicitly: it must exist and be valid from the start. */
  required?: boolean;
}

export class ApiKeyring {
  private fileEntries: readonly ApiKeyEntry[] = [];
  /** undefined: not looked at yet. */
  private fileVersion?: string;
  /** The file has been read once: from then on, losing it fails closed. */
  private fileInUse = false;
  private failure?: PlatformError;
  private failureCause?: Error;

  constructor(
    private readonly fixed: readonly ApiKeyEntry[] = [],
    /** The key file; none: only the fixed keys. */
    readonly file?: string,
    private readonly options: ApiKeyringOptions = {},
  ) {}

  /** At start: throws when a required key file is missing, or any key file is unreadable or invalid. */
  assertUsable(): void {
    const { failure } = this.snapshot();
    if (failure) throw this.failureCause instanceof PlatformError ? this.failureCause : failure;
  }

  /** The keys as of now; throws while the key file is missing or broken (fail closed). */
  current(): readonly ApiKeyEntry[] {
    const { keys, failure } = this.snapshot();
    if (failure) throw this.failureCause instanceof PlatformError ? this.failureCause : failure;
    return keys;
  }

  /** The keys and, while the key file is missing or broken, why requests needing a key are refused. */
  snapshot(): KeyringSnapshot {
    if (this.file) this.refresh(this.file);
    const keys = this.fileEntries.length ? [...this.fixed, ...this.fileEntries] : this.fixed;
    return this.failure ? { keys, failure: this.failure } : { keys };
  }

  /** True when no key is configured anywhere (and none was lost): mutations are open. */
  isEmpty(): boolean {
    const { keys, failure } = this.snapshot();
    return keys.length === 0 && !failure;
  }

  private refresh(file: string): void {
    try {
      const version = this.versionOfFile(file);
      if (version === this.fileVersion && !this.failure) return;
      if (!version && !this.fileInUse && !this.options.required) {
        this.fileEntries = [];
        this.fileVersion = "";
        return;
      }
      if (!version) throw Object.assign(new Error("the file does not exist"), { code: "ENOENT" });
      this.fileEntries = toKeyEntries(readKeyFile(file), file);
      this.fileVersion = version;
      this.fileInUse = true;
      this.failure = this.failureCause = undefined;
    } catch (error) {
      this.fail(file, error as Error);
    }
  }

  private fail(file: string, cause: Error): void {
    const code = (cause as NodeJS.ErrnoException).code;
    const what = code === "ENOENT" ? "is missing" : code === "EACCES" ? "is not readable" : "is not valid";
    this.failureCause = code === "ENOENT" || code === "EACCES" || !(cause instanceof PlatformError)
      ? new PlatformError("FORBIDDEN", `the API key file ${file} ${what} (${cause.message}): restore it (\`radiogenomics api-key create\` writes a new one)`, { reason: what })
      : cause;
    // What a client is told: no path (the operator's log and start-up message have it).
    this.failure = new PlatformError(
      "FORBIDDEN",
      `the server's API key file ${what}, so nothing that needs a key is allowed until the operator restores it (the server fails closed)`,
      { reason: what },
    );
    this.fileVersion = "";
  }

  /** Changes with every rewrite (the CLI replaces the file by a rename: a new inode); "" when absent. */
  private versionOfFile(file: string): string {
    try {
      const stat = statSync(file, { bigint: true });
      return `${stat.ino}:${stat.mtimeNs}:${stat.size}`;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return "";
      throw error;
    }
  }
}
