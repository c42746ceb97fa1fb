// Centred average ranks of a row restricted to a subset of its columns, from the row sorted once.
//
// A row is sorted once on its own present columns (values ascending, with their positions). For a
// subset S of those positions (m = |S|), walking the sorted row and counting kept values gives each
// kept value's average rank within S without sorting again:
//   r = (#kept values below the tie run) + (#kept in the run + 1) / 2,
// and the kernel uses the doubled centred rank 2r − (m+1) = 2·below + kept − m, an integer.
// One pass, O(width) per row and subset, whatever the number of removed columns.
import type { Matrix } from "./matrix.js";
import { bucketSortWithIndex } from "./bucket-sort-with-index.js";

/** Rows sorted on a column set: row r occupies [r·width, (r+1)·width) of both arrays. */
export interface SortedRows {
  readonly width: number;
  /** Values ascending within each row. */
  readonly sorted: Float64Array;
  /** order[r·width + k] = position (index into the column set) of the k-th smallest value. */
  readonly order: Uint32Array;
  /** 1 where the row has tied values. */
  readonly hasTies: Uint8Array;
}

/** Sorts rows[from..to) of src restricted to `cols` (which must hold no NaN for these rows). */
export function sortRows(src: Matrix, rows: readonly number[], from: number, to: number, cols: Uint32Array): SortedRows {
  const width = cols.length;
  const sorted = new Float64Array((to - from) * width);
  const order = new Uint32Array((to - from) * width);
  const hasTies = new Uint8Array(to - from);
  for (let r = from; r < to; r++) {
    const base = rows[r]! * src.cols;
    const o = (r - from) * width;
    for (let k = 0; k < width; k++) {
      sorted[o + k] = src.data[base + cols[k]!]!;
      order[o + k] = k;
    }
    bucketSortWithIndex(sorted.subarray(o, o + width), order.subarray(o, o + width), width);
    for (let k = o + 1; k < o + width; k++) if (sorted[k] === sorted[k - 1]) hasTies[r - from] = 1;
  }
  return { width, sorted, order, hasTies };
}

/** Which positions of a column set are kept in a subset, and where each lands in the subset. */
export interface SubsetPlan {
  readonly m: number;
  /** keepIndex[position] = index in the subset, or −1 when the position is removed. */
  readonly keepIndex: Int32Array;
}

/** Plan for keeping `sub` (ascending) out of `cols` (ascending, ⊇ sub). */
export function subsetPlan(cols: Uint32Array, sub: Uint32Array): SubsetPlan {
  const keepIndex = new Int32Array(cols.length).fill(-1);
  let s = 0;
  for (let p = 0; p < cols.length && s < sub.length; p++) {
    if (sub[s] === cols[p]) keepIndex[p] = s++;
  }
  return { m: sub.length, keepIndex };
}

/**
 * Writes 2r − (m+1) for the kept values of sorted row `row` into out[outOffset + subset index] and
 * returns their sum of squares (0 exactly when the row is constant on the subset).
 */
export function centredSubsetRanks(
  rowsSorted: SortedRows,
  row: number,
  plan: SubsetPlan,
  out: Float64Array,
  outOffset: number,
): number {
  const { width, sorted, order } = rowsSorted;
  const { m, keepIndex } = plan;
  const o = row * width;
  let below = 0;
  let ss = 0;
  if (rowsSorted.hasTies[row] === 0) {
    for (let k = o; k < o + width; k++) {
      const at = keepIndex[order[k]!]!;
      if (at >= 0) {
        const c = 2 * below + 1 - m; // no ties: r = below + 1
        out[outOffset + at] = c;
        ss += c * c;
        below++;
      }
    }
    return ss;
  }
  let i = 0;
  while (i < width) {
    const v = sorted[o + i]!;
    let j = i + 1;
    while (j < width && sorted[o + j] === v) j++;
    let kept = 0;
    for (let k = i; k < j; k++) if (keepIndex[order[o + k]!]! >= 0) kept++;
    if (kept > 0) {
      const c = 2 * below + kept - m; // 2r − (m+1), r = below + (kept + 1)/2
      for (let k = i; k < j; k++) {
        const at = keepIndex[order[o + k]!]!;
        if (at >= 0) {
          out[outOffset + at] = c;
          ss += c * c;
        }
      }
      below += kept;
    }
    i = j;
  }
  return ss;
}
