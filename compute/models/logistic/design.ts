// The solver's view of X: chosen rows and columns copied column-major (each feature contiguous),
// centred and (optionally) scaled to population SD 1. Centring never changes the penalised fit (the
// unpenalised intercept absorbs it) but makes coordinate descent converge faster.
import type { Matrix } from "../../stats/matrix.js";

export interface Design {
  /** Rows used. */
  n: number;
  /** Columns used. */
  p: number;
  /** p × n column-major: column j at xs[j·n … (j+1)·n). */
  xs: Float64Array;
  /** Column means of the rows used (original scale). */
  means: Float64Array;
  /** Column population SDs (1 when not standardising or when the column is constant there). */
  scales: Float64Array;
}

/**
 * Builds a Design from rows `rows` (all when null) and columns `columns` (all when null) of X.
 * A column constant on those rows becomes all zeros, so its coefficient stays 0.
 */
export function buildDesign(X: Matrix, rows: ArrayLike<number> | null, columns: ArrayLike<number> | null, standardize: boolean): Design {
  const n = rows === null ? X.rows : rows.length;
  const p = columns === null ? X.cols : columns.length;
  const xs = new Float64Array(n * p);
  const means = new Float64Array(p);
  const scales = new Float64Array(p).fill(1);
  const stride = X.cols;
  const data = X.data;
  for (let j = 0; j < p; j++) {
    const c = columns === null ? j : columns[j]!;
    const base = j * n;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const v = data[(rows === null ? i : rows[i]!) * stride + c]!;
      xs[base + i] = v;
      sum += v;
    }
    const mean = sum / n;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const d = xs[base + i]! - mean;
      xs[base + i] = d;
      ss += d * d;
    }
    means[j] = mean;
    const sd = Math.sqrt(ss / n);
    // a column whose spread is rounding noise around its mean is constant here
    if (sd <= 1e-12 * Math.max(1, Math.abs(mean))) {
      xs.fill(0, base, base + n);
    } else if (standardize) {
      scales[j] = sd;
      const inv = 1 / sd;
      for (let i = 0; i < n; i++) xs[base + i] = xs[base + i]! * inv;
    }
  }
  return { n, p, xs, means, scales };
}

/** Labels of the chosen rows as 0/1 doubles. */
export function labelsOf(y: Uint8Array, rows: ArrayLike<number> | null): Float64Array {
  if (rows === null) return Float64Array.from(y);
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = y[rows[i]!]!;
  return out;
}
