// The on-disk instance cache: content-addressed keys, hit/miss, atomic writes, LRU eviction by size,
// persistence across instances, and several caches sharing one directory concurrently.
import { mkdir, mkdtemp, readdir, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PixelCache, cacheKey, type InstanceLocator } from "../../../ingest/dicomweb/index.js";

let directory: string;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), "rg-pixel-cache-"));
});

afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

const instance = (n: number): InstanceLocator => ({ studyUid: "2.25.1", seriesUid: "2.25.2", sopInstanceUid: `2.25.3.${n}` });
const bytes = (n: number, size = 1000) => new Uint8Array(size).fill(n);

async function filesIn(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe("PixelCache", () => {
  it("keys files by the sha256 of the study, series and instance UIDs", async () => {
    expect(cacheKey(instance(1))).toMatch(/^[0-9a-f]{64}$/);
    expect(cacheKey(instance(1))).not.toBe(cacheKey(instance(2)));
    const cache = new PixelCache({ directory, maxBytes: 10_000 });
    await cache.put(instance(1), bytes(1));
    const key = cacheKey(instance(1));
    expect((await filesIn(directory)).map((p) => p.slice(directory.length))).toEqual([join("/", key.slice(0, 2), key)]);
  });

  it("counts a miss, then a hit with the same bytes", async () => {
    const cache = new PixelCache({ directory, maxBytes: 10_000 });
    expect(await cache.get(instance(1))).toBeUndefined();
    await cache.put(instance(1), bytes(7));
    expect(await cache.get(instance(1))).toEqual(bytes(7));
    expect(cache.stats).toEqual({ hits: 1, misses: 1, evictions: 0 });
  });

  it("fetches once for concurrent requests of the same instance", async () => {
    const cache = new PixelCache({ directory, maxBytes: 10_000 });
    let fetches = 0;
    const fetch = async () => {
      fetches++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return bytes(3);
    };
    const results = await Promise.all(Array.from({ length: 5 }, () => cache.getOrFetch(instance(1), fetch)));
    expect(fetches).toBe(1);
    results.forEach((result) => expect(result).toEqual(bytes(3)));
    expect(await cache.getOrFetch(instance(1), fetch)).toEqual(bytes(3));
    expect(fetches).toBe(1);
  });

  it("evicts the least recently used files once the size bound is passed", async () => {
    const cache = new PixelCache({ directory, maxBytes: 3500 });
    for (const n of [1, 2, 3]) await cache.put(instance(n), bytes(n));
    await cache.get(instance(1)); // 1 is now more recent than 2
    await cache.put(instance(4), bytes(4));
    expect(cache.stats.evictions).toBe(1);
    expect(await cache.has(instance(2))).toBe(false);
    expect(await cache.get(instance(2))).toBeUndefined();
    for (const n of [1, 3, 4]) expect(await cache.get(instance(n))).toEqual(bytes(n));
    expect(await cache.totalBytes()).toBeLessThanOrEqual(3500);
  });

  it("keeps a file larger than the bound only until the next put", async () => {
    const cache = new PixelCache({ directory, maxBytes: 500 });
    await cache.put(instance(1), bytes(1));
    expect(await cache.get(instance(1))).toEqual(bytes(1));
    await cache.put(instance(2), bytes(2, 400));
    expect(await cache.has(instance(1))).toBe(false);
    expect(await cache.get(instance(2))).toEqual(bytes(2, 400));
  });

  it("leaves no temporary files behind and survives a restart (recency from file times)", async () => {
    const first = new PixelCache({ directory, maxBytes: 10_000 });
    for (const n of [1, 2, 3]) await first.put(instance(n), bytes(n));
    expect(await readdir(join(directory, "tmp"))).toEqual([]);
    const second = new PixelCache({ directory, maxBytes: 10_000 });
    expect(await second.totalBytes()).toBe(3000);
    expect(await second.get(instance(2))).toEqual(bytes(2));
    expect(second.stats.hits).toBe(1);
  });

  it("removes temporary files abandoned by a dead writer, but not fresh ones", async () => {
    await mkdir(join(directory, "tmp"), { recursive: true });
    await writeFile(join(directory, "tmp", "abandoned"), "x");
    await writeFile(join(directory, "tmp", "in-progress"), "x");
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(join(directory, "tmp", "abandoned"), twoHoursAgo, twoHoursAgo);
    await new PixelCache({ directory, maxBytes: 10_000 }).totalBytes();
    expect(await readdir(join(directory, "tmp"))).toEqual(["in-progress"]);
  });

  it("stays consistent when several caches share one directory concurrently", async () => {
    const caches = Array.from({ length: 3 }, () => new PixelCache({ directory, maxBytes: 6000 }));
    await Promise.all(
      caches.flatMap((cache) => Array.from({ length: 8 }, (_, n) => cache.getOrFetch(instance(n), async () => bytes(n)))),
    );
    // Whatever each one evicted, every file present is whole, and a reader sees whole files or a miss.
    for (const path of await filesIn(directory)) expect((await stat(path)).size).toBe(1000);
    for (let n = 0; n < 8; n++) {
      const read = await caches[0]!.get(instance(n));
      if (read) expect(read).toEqual(bytes(n));
    }
    expect(await readdir(join(directory, "tmp"))).toEqual([]);
  });
});
