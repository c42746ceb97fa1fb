// Applying a fitted signature: linear predictor per row, and its AUC on a labelled cohort
// (external validation).
import { bootstrapAucCi } from "../../stats/bootstrap-auc-ci.js";
import { delongAucCi } from "../../stats/delong.js";
import type { Matrix } from "../../stats/matrix.js";
import { rocAuc } from "../../stats/roc-auc.js";
import { StatsInputError } from "../../stats/stats-errors.js";
import type { LogisticFit, SignatureApplication } from "./types.js";

/** Linear predictor β₀ + xᵢ·β per row (log-odds; 1/(1+e^−s) gives the probability). Refuses NaN. */
export function predictLogisticScores(fit: LogisticFit, X: Matrix): Float64Array {
  const p = fit.coefficients.length;
  if (X.cols !== p) {
    throw new StatsInputError(`the signature has ${p} coefficients but X has ${X.cols} columns; select the signature's features in its order`, {
      coefficients: p,
      columns: X.cols,
    });
  }
  const out = new Float64Array(X.rows);
  const nonZero: number[] = [];
  for (let j = 0; j < p; j++) if (fit.coefficients[j] !== 0) nonZero.push(j);
  for (let i = 0; i < X.rows; i++) {
    let s = fit.intercept;
    const base = i * p;
    for (const j of nonZero) s += fit.coefficients[j]! * X.data[base + j]!;
    if (Number.isNaN(s)) throw new StatsInputError(`patient row ${i} has a missing value in a feature the signature uses`, { row: i });
    out[i] = s;
  }
  return out;
}

/** The given columns of X, in that order, as a new n × columns.length matrix. */
export function selectColumns(X: Matrix, columns: ArrayLike<number>): Matrix {
  const q = columns.length;
  for (let k = 0; k < q; k++) {
    const c = columns[k]!;
    if (!Number.isInteger(c) || c < 0 || c >= X.cols) throw new StatsInputError("column index outside X", { column: c, columns: X.cols });
  }
  const data = new Float64Array(X.rows * q);
  for (let i = 0; i < X.rows; i++) for (let k = 0; k < q; k++) data[i * q + k] = X.data[i * X.cols + columns[k]!]!;
  return { rows: X.rows, cols: q, data };
}

/**
 * Scores of a signature on another cohort's X (its columns = the signature's features, or picked
 * with `columns`), and with labels its AUC and CI (DeLong by default).
 */
export function applySignature(
  fit: LogisticFit,
  X: Matrix,
  y?: Uint8Array,
  options: { columns?: ArrayLike<number>; ci?: "delong" | "bootstrap"; seed?: number; bootstrapSamples?: number } = {},
): SignatureApplication {
  const scores = predictLogisticScores(fit, options.columns === undefined ? X : selectColumns(X, options.columns));
  if (y === undefined) return { scores, auc: null, ci95: null, positives: 0, negatives: 0 };
  if (y.length !== X.rows) throw new StatsInputError("one label per patient row of X is needed", { rows: X.rows, labels: y.length });
  const auc = rocAuc(scores, y);
  let positives = 0;
  for (let i = 0; i < y.length; i++) positives += y[i]!;
  const ci95 =
    (options.ci ?? "delong") === "delong"
      ? delongAucCi(scores, y).ci95
      : bootstrapAucCi(scores, y, { seed: options.seed ?? 0, samples: options.bootstrapSamples ?? 2000 }).ci95;
  return { scores, auc, ci95, positives, negatives: y.length - positives };
}

/** Linear predictor of the given rows of X, the fit's coefficient k applying to column columns[k]. */
export function scoreRows(fit: LogisticFit, X: Matrix, columns: ArrayLike<number>, rows: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const base = rows[i]! * X.cols;
    let s = fit.intercept;
    for (let k = 0; k < columns.length; k++) {
      const b = fit.coefficients[k]!;
      if (b !== 0) s += b * X.data[base + columns[k]!]!;
    }
    out[i] = s;
  }
  return out;
}
