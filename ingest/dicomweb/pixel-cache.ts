// A content-addressed, size-bounded on-disk cache of retrieved instances (Part-10 bytes), so feature
// computation does not fetch pixels twice. Key: sha256 of study/series/instance UIDs. Writes go to a
// temporary file renamed into place (atomic: a reader sees the whole file or none); the least recently
// used files are evicted when the total passes the bound. Several processes may share one directory:
// a file vanishing under us (evicted elsewhere) is a miss, never an error.
import { createHash, randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { InstanceLocator } from "./dicom-archive.js";

export interface PixelCacheOptions {
  readonly directory: string;
  /** Upper bound on the bytes kept; least recently used files go first. */
  readonly maxBytes: number;
}

export interface PixelCacheStats {
  hits: number;
  misses: number;
  evictions: number;
}

interface Entry {
  size: number;
  lastUsed: number;
}

const TEMP_DIRECTORY = "tmp";
/** Temporary files older than this were left by a writer that died; they are removed on scan. */
const ABANDONED_TEMP_MS = 60 * 60 * 1000;

export class PixelCache {
  readonly stats: PixelCacheStats = { hits: 0, misses: 0, evictions: 0 };
  private entries?: Map<string, Entry>;
  private readonly inFlight = new Map<string, Promise<Uint8Array>>();
  private clock = 0;

  constructor(readonly options: PixelCacheOptions) {}

  /** The cached bytes of the instance, or undefined. */
  async get(instance: InstanceLocator): Promise<Uint8Array | undefined> {
    const key = cacheKey(instance);
    const entries = await this.index();
    try {
      const bytes = new Uint8Array(await readFile(this.pathOf(key)));
      this.stats.hits++;
      await this.touch(key, bytes.byteLength, entries);
      return bytes;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      entries.delete(key);
      this.stats.misses++;
      return undefined;
    }
  }

  /** Stores the bytes atomically, then evicts least recently used files beyond the bound. */
  async put(instance: InstanceLocator, bytes: Uint8Array): Promise<void> {
    const key = cacheKey(instance);
    const entries = await this.index();
    const temporary = join(this.options.directory, TEMP_DIRECTORY, `${key}.${randomUUID()}`);
    await writeFile(temporary, bytes);
    await mkdir(join(this.options.directory, key.slice(0, 2)), { recursive: true });
    await rename(temporary, this.pathOf(key));
    entries.set(key, { size: bytes.byteLength, lastUsed: this.now() });
    await this.evict(entries, key);
  }

  /** Cached bytes, or fetched once (concurrent callers for the same instance share one fetch) and cached. */
  async getOrFetch(instance: InstanceLocator, fetch: () => Promise<Uint8Array>): Promise<Uint8Array> {
    const key = cacheKey(instance);
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const loading = (async () => {
      const cached = await this.get(instance);
      if (cached) return cached;
      const bytes = await fetch();
      await this.put(instance, bytes);
      return bytes;
    })();
    this.inFlight.set(key, loading);
    try {
      return await loading;
    } finally {
      this.inFlight.delete(key);
    }
  }

  /** Bytes currently held, by this process's view of the directory. */
  async totalBytes(): Promise<number> {
    return [...(await this.index()).values()].reduce((total, entry) => total + entry.size, 0);
  }

  async has(instance: InstanceLocator): Promise<boolean> {
    return (await this.index()).has(cacheKey(instance));
  }

  private pathOf(key: string): string {
    return join(this.options.directory, key.slice(0, 2), key);
  }

  // Recency survives restarts through the files' mtimes; within a process a counter orders uses exactly.
  private now(): number {
    return Date.now() * 1000 + (this.clock++ % 1000);
  }

  private async touch(key: string, size: number, entries: Map<string, Entry>): Promise<void> {
    entries.set(key, { size, lastUsed: this.now() });
    const time = new Date();
    await utimes(this.pathOf(key), time, time).catch(() => undefined); // evicted meanwhile by another process: fine
  }

  private async evict(entries: Map<string, Entry>, keep: string): Promise<void> {
    let total = [...entries.values()].reduce((sum, entry) => sum + entry.size, 0);
    if (total <= this.options.maxBytes) return;
    const oldestFirst = [...entries.entries()].filter(([key]) => key !== keep).sort((a, b) => a[1].lastUsed - b[1].lastUsed);
    for (const [key, entry] of oldestFirst) {
      if (total <= this.options.maxBytes) break;
      await rm(this.pathOf(key), { force: true });
      entries.delete(key);
      total -= entry.size;
      this.stats.evictions++;
    }
  }

  private async index(): Promise<Map<string, Entry>> {
    if (!this.entries) this.entries = await this.scan();
    return this.entries;
  }

  private async scan(): Promise<Map<string, Entry>> {
    await mkdir(join(this.options.directory, TEMP_DIRECTORY), { recursive: true });
    await this.removeAbandonedTemporaries();
    const entries = new Map<string, Entry>();
    const shards = await readdir(this.options.directory, { withFileTypes: true });
    for (const shard of shards.filter((s) => s.isDirectory() && s.name !== TEMP_DIRECTORY)) {
      for (const name of await readdir(join(this.options.directory, shard.name))) {
        const info = await stat(join(this.options.directory, shard.name, name)).catch(() => undefined);
        if (info) entries.set(name, { size: info.size, lastUsed: info.mtimeMs * 1000 });
      }
    }
    return entries;
  }

  // Only old ones: a fresh temporary file may be another process's write in progress.
  private async removeAbandonedTemporaries(): Promise<void> {
    const directory = join(this.options.directory, TEMP_DIRECTORY);
    for (const name of await readdir(directory)) {
      const info = await stat(join(directory, name)).catch(() => undefined);
      if (info && Date.now() - info.mtimeMs > ABANDONED_TEMP_MS) await rm(join(directory, name), { force: true });
    }
  }
}

/** sha256 of the instance's study, series and SOP instance UIDs (hex). */
export function cacheKey(instance: InstanceLocator): string {
  return createHash("sha256").update(`${instance.studyUid}/${instance.seriesUid}/${instance.sopInstanceUid}`).digest("hex");
}
