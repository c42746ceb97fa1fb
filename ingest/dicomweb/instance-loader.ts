// Part-10 bytes of instances, through the pixel cache when the archive is remote, a few at a time.
import type { DicomArchive, InstanceLocator } from "./dicom-archive.js";
import type { PixelCache } from "./pixel-cache.js";

export type InstanceLoader = (instance: InstanceLocator) => Promise<Uint8Array>;

export function instanceLoader(archive: DicomArchive, cache?: PixelCache): InstanceLoader {
  if (!cache || !archive.remote) return (instance) => archive.instanceBytes(instance);
  return (instance) => cache.getOrFetch(instance, () => archive.instanceBytes(instance));
}

/** Maps with at most `limit` calls under way; results keep the input order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
