// Ascending sort of Float64Array keys with a Uint32Array payload, in expected O(n) for spread-out keys:
// a counting pass scatters the keys into n buckets of equal width between min and max (the bucket index
// is monotone in the key, so buckets are in order), then each bucket is sorted on its own — insertion
// sort when small, the introsort of sort-with-index.ts otherwise, so skewed data (one crowded bucket)
// stays O(n log n). Equal keys (and ±0) share a bucket, so tie runs stay adjacent. Keys must not be NaN;
// ±Infinity or a single value fall back to the introsort.
import { insertionSortWithIndex, sortWithIndex } from "./sort-with-index.js";

const INSERTION_MAX = 24;
/** Above this, a first pass scatters into n/512 buckets (their write fronts fit in L2), each then sorted in cache. */
const TWO_LEVEL_MIN = 1 << 14;

let counts = new Uint32Array(0);
let keysScratch = new Float64Array(0);
let idxScratch = new Uint32Array(0);

/** This thread's scratch, grown to n (the sort is synchronous: one caller at a time per thread). */
function scratch(n: number): void {
  if (keysScratch.length >= n) return;
  const size = Math.max(n, 2 * keysScratch.length);
  counts = new Uint32Array(size + 1);
  keysScratch = new Float64Array(size);
  idxScratch = new Uint32Array(size);
}

/** Counting scatter of keys[0..n) into `buckets` equal-width buckets from `min` (c: buckets + 1 counters): k2/i2 hold
 * the keys bucket by bucket, and c[b] ends as the end of bucket b. */
function scatter(keys: Float64Array, idx: Uint32Array, n: number, min: number, range: number, buckets: number, c: Uint32Array, k2: Float64Array, i2: Uint32Array): void {
  const scale = buckets / range;
  c.fill(0, 0, buckets + 1);
  for (let i = 0; i < n; i++) c[Math.min(buckets - 1, Math.floor((keys[i]! - min) * scale)) + 1]!++;
  for (let b = 1; b <= buckets; b++) c[b]! += c[b - 1]!; // c[b] = start of bucket b
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    const at = c[Math.min(buckets - 1, Math.floor((k - min) * scale))]!++;
    k2[at] = k;
    i2[at] = idx[i]!;
  }
}

/** Sorts keys[0..n) ascending and applies the same permutation to idx[0..n). */
export function bucketSortWithIndex(keys: Float64Array, idx: Uint32Array, n: number, depth = 0): void {
  if (n <= INSERTION_MAX) return insertionSortWithIndex(keys, idx, 0, n - 1);
  let min = keys[0]!;
  let max = min;
  for (let i = 1; i < n; i++) {
    const k = keys[i]!;
    if (k < min) min = k;
    else if (k > max) max = k;
  }
  const range = max - min;
  if (!(range > 0) || !Number.isFinite(range)) return sortWithIndex(keys, idx, n); // one value, or ±Infinity
  if (n >= TWO_LEVEL_MIN) {
    // a coarse bucket as crowded as the whole (keys spanning many decades, e.g. tiny p) recurses; cap it
    if (depth >= 3) return sortWithIndex(keys, idx, n);
    return twoLevel(keys, idx, n, min, range, depth);
  }
  scratch(n);
  const buckets = n;
  const k2 = keysScratch;
  const i2 = idxScratch;
  const c = counts;
  scatter(keys, idx, n, min, range, buckets, c, k2, i2);
  // after the scatter c[b] is the end of bucket b (= start of b + 1)
  let start = 0;
  for (let b = 0; b < buckets; b++) {
    const end = c[b]!;
    const size = end - start;
    if (size > 1) {
      if (size <= INSERTION_MAX) insertionSortWithIndex(k2, i2, start, end - 1);
      else sortWithIndex(k2.subarray(start, end), i2.subarray(start, end), size);
    }
    start = end;
  }
  keys.set(k2.subarray(0, n));
  idx.set(i2.subarray(0, n));
}

/** Large arrays (a BH family): one scatter into n/512 coarse buckets, then the one-level sort per bucket. */
function twoLevel(keys: Float64Array, idx: Uint32Array, n: number, min: number, range: number, depth: number): void {
  const buckets = n >>> 9;
  const c = new Uint32Array(buckets + 1);
  const k2 = new Float64Array(n);
  const i2 = new Uint32Array(n);
  scatter(keys, idx, n, min, range, buckets, c, k2, i2);
  let start = 0;
  for (let b = 0; b < buckets; b++) {
    const end = c[b]!;
    if (end - start > 1) bucketSortWithIndex(k2.subarray(start, end), i2.subarray(start, end), end - start, depth + 1);
    start = end;
  }
  keys.set(k2);
  idx.set(i2);
}
