// Every API key the server knows: the fixed ones from RG_API_KEYS and those of the key file, which is
// re-read whenever it changes (checked on each request by a stat: revocation needs no restart).
import { statSync } from "node:fs";
import type { ApiKeyEntry } from "./api-keys.js";
import { readKeyFile, toKeyEntries } from "./api-key-file.js";

export class ApiKeyring {
  private fileEntries: readonly ApiKeyEntry[] = [];
  private fileVersion = "";

  constructor(
    private readonly fixed: readonly ApiKeyEntry[] = [],
    /** The key file; none: only the fixed keys. */
    readonly file?: string,
  ) {}

  /** The keys as of now (revoked ones included, marked). */
  current(): readonly ApiKeyEntry[] {
    if (!this.file) return this.fixed;
    const version = this.versionOfFile(this.file);
    if (version !== this.fileVersion) {
      this.fileEntries = version ? toKeyEntries(readKeyFile(this.file), this.file) : [];
      this.fileVersion = version;
    }
    return this.fileEntries.length ? [...this.fixed, ...this.fileEntries] : this.fixed;
  }

  /** True when no key is configured anywhere: mutations are open. */
  isEmpty(): boolean {
    return this.current().length === 0;
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
