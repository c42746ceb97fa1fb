// Feature pre-filter: the `keep` columns with the smallest two-sided Mann–Whitney p (positives vs
// negatives) on the given training rows only — never on rows that are later scored, so filtering
// cannot leak the held-out labels. Ties in p keep the lower column index; a column all tied on
// these rows (p undefined) ranks last.
import type { Matrix } from "../../stats/matrix.js";
import { mannWhitneyMatrix } from "../../stats/mann-whitney-matrix.js";

/** Columns kept (ascending), chosen on `rows` of X. All columns when keep ≥ X.cols. */
export function preFilterColumns(X: Matrix, y: Uint8Array, rows: ArrayLike<number>, keep: number): Uint32Array {
  const p = X.cols;
  if (keep >= p) return Uint32Array.from({ length: p }, (_, j) => j);
  const n = rows.length;
  const features = new Float64Array(p * n);
  const grouping = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const base = rows[i]! * p;
    grouping[i] = y[rows[i]!]!;
    for (let j = 0; j < p; j++) features[j * n + i] = X.data[base + j]!;
  }
  const result = mannWhitneyMatrix({ rows: p, cols: n, data: features }, { rows: 1, cols: n, data: grouping }, { minGroupSize: 2 });
  const order = Array.from({ length: p }, (_, j) => j);
  const pOf = (j: number): number => (Number.isNaN(result.p[j]!) ? Infinity : result.p[j]!);
  order.sort((a, b) => pOf(a) - pOf(b) || a - b);
  return Uint32Array.from(order.slice(0, keep)).sort();
}
