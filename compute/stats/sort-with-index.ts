// In-place ascending sort of Float64Array keys carrying a Uint32Array payload (an argsort).
// Introsort: quicksort with median-of-three pivot and Hoare partition (robust to many equal keys,
// e.g. zero expression), insertion sort below 16 elements, heapsort for a range that recursed too
// deep, so the worst case stays O(n log n). Keys must not contain NaN.

const SMALL = 16;

/** Insertion sort of keys[lo..hi] (inclusive) carrying idx; the fastest for a few elements. */
export function insertionSortWithIndex(keys: Float64Array, idx: Uint32Array, lo: number, hi: number): void {
  for (let i = lo + 1; i <= hi; i++) {
    const k = keys[i]!;
    const v = idx[i]!;
    let j = i - 1;
    while (j >= lo && keys[j]! > k) {
      keys[j + 1] = keys[j]!;
      idx[j + 1] = idx[j]!;
      j--;
    }
    keys[j + 1] = k;
    idx[j + 1] = v;
  }
}

function swap(keys: Float64Array, idx: Uint32Array, a: number, b: number): void {
  const k = keys[a]!;
  keys[a] = keys[b]!;
  keys[b] = k;
  const v = idx[a]!;
  idx[a] = idx[b]!;
  idx[b] = v;
}

/** Median of keys[lo], keys[mid], keys[hi] (reordering them). */
function medianOfThree(keys: Float64Array, idx: Uint32Array, lo: number, hi: number): number {
  const mid = (lo + hi) >>> 1;
  if (keys[mid]! < keys[lo]!) swap(keys, idx, mid, lo);
  if (keys[hi]! < keys[lo]!) swap(keys, idx, hi, lo);
  if (keys[hi]! < keys[mid]!) swap(keys, idx, hi, mid);
  return keys[mid]!;
}

/** Restores the max-heap property below node i of the heap keys[lo .. lo+size). */
function siftDown(keys: Float64Array, idx: Uint32Array, lo: number, i: number, size: number): void {
  for (;;) {
    let largest = i;
    const left = 2 * i + 1;
    const right = left + 1;
    if (left < size && keys[lo + left]! > keys[lo + largest]!) largest = left;
    if (right < size && keys[lo + right]! > keys[lo + largest]!) largest = right;
    if (largest === i) return;
    swap(keys, idx, lo + i, lo + largest);
    i = largest;
  }
}

function heapSort(keys: Float64Array, idx: Uint32Array, lo: number, hi: number): void {
  const size = hi - lo + 1;
  for (let i = (size >>> 1) - 1; i >= 0; i--) siftDown(keys, idx, lo, i, size);
  for (let end = size - 1; end > 0; end--) {
    swap(keys, idx, lo, lo + end);
    siftDown(keys, idx, lo, 0, end);
  }
}

/** Sorts keys[0..n) ascending and applies the same permutation to idx[0..n). */
export function sortWithIndex(keys: Float64Array, idx: Uint32Array, n: number): void {
  if (n < 2) return;
  const depthLimit = 2 * Math.ceil(Math.log2(n));
  const stack: number[] = [0, n - 1, 0]; // (lo, hi, depth) triples
  while (stack.length > 0) {
    const depth = stack.pop()!;
    const hi = stack.pop()!;
    const lo = stack.pop()!;
    if (hi - lo < SMALL) {
      if (hi > lo) insertionSortWithIndex(keys, idx, lo, hi);
      continue;
    }
    if (depth > depthLimit) {
      heapSort(keys, idx, lo, hi);
      continue;
    }
    const pivot = medianOfThree(keys, idx, lo, hi);
    let i = lo - 1;
    let j = hi + 1;
    for (;;) {
      do i++;
      while (keys[i]! < pivot);
      do j--;
      while (keys[j]! > pivot);
      if (i >= j) break;
      swap(keys, idx, i, j);
    }
    // [lo, j] ≤ pivot ≤ [j+1, hi]; push the larger part first so the stack stays O(log n)
    if (j - lo > hi - j - 1) stack.push(lo, j, depth + 1, j + 1, hi, depth + 1);
    else stack.push(j + 1, hi, depth + 1, lo, j, depth + 1);
  }
}
