// Part-10 bytes of instances, through the pixel cache when the archive is remote. A series whose
// instances are not all cached comes from the archive in one request when it can (WADO-RS series
// retrieval: one answer instead of one round trip per slice), else a few instances at a time.
import type { DicomArchive, InstanceLocator, SeriesLocator } from "./dicom-archive.js";
import type { PixelCache } from "./pixel-cache.js";
import { isNativeTransferSyntax, sopInstanceUidOf, transferSyntaxOf } from "./transfer-syntax.js";

export interface InstanceLoader {
  /** One instance's bytes. */
  instance(locator: InstanceLocator): Promise<Uint8Array>;
  /** The listed instances of one series, in the order given. */
  series(series: SeriesLocator, sopInstanceUids: readonly string[]): Promise<Uint8Array[]>;
}

const PARALLEL_INSTANCE_FETCHES = 6;

export function instanceLoader(archive: DicomArchive, cache?: PixelCache): InstanceLoader {
  const cached = cache && archive.remote ? cache : undefined;
  const instance = cached
    ? (locator: InstanceLocator) => cached.getOrFetch(locator, () => archive.instanceBytes(locator))
    : (locator: InstanceLocator) => archive.instanceBytes(locator);
  const oneByOne = (series: SeriesLocator, uids: readonly string[]) => mapLimited(uids, PARALLEL_INSTANCE_FETCHES, (uid) => instance({ ...series, sopInstanceUid: uid }));
  return {
    instance,
    series: async (series, uids) => {
      if (!archive.seriesInstanceBytes || uids.length < 2 || (cached && (await allCached(cached, series, uids)))) return oneByOne(series, uids);
      const byUid = nativeParts(await archive.seriesInstanceBytes(series));
      return mapLimited(uids, PARALLEL_INSTANCE_FETCHES, async (uid) => {
        const locator = { ...series, sopInstanceUid: uid };
        const bytes = byUid.get(uid);
        if (!bytes) return instance(locator); // not in the answer, or compressed: the instance path transcodes
        await cached?.put(locator, bytes);
        return bytes;
      });
    },
  };
}

function nativeParts(parts: readonly Uint8Array[]): Map<string, Uint8Array> {
  const byUid = new Map<string, Uint8Array>();
  for (const part of parts) {
    const uid = sopInstanceUidOf(part);
    if (uid && isNativeTransferSyntax(transferSyntaxOf(part))) byUid.set(uid, part);
  }
  return byUid;
}

async function allCached(cache: PixelCache, series: SeriesLocator, uids: readonly string[]): Promise<boolean> {
  for (const uid of uids) if (!(await cache.has({ ...series, sopInstanceUid: uid }))) return false;
  return true;
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
