import type { Matrix } from "../../stats/matrix.js";
import type { LogisticFit, SignatureApplication } from "./types.js";

/** Linear predictor intercept + X·β per row. */
export function predictLogisticScores(fit: LogisticFit, X: Matrix): Float64Array {
  void fit; void X;
  throw new Error("not implemented yet");
}

/** The given columns of X, in that order, as a new n × columns.length matrix. */
export function selectColumns(X: Matrix, columns: ArrayLike<number>): Matrix {
  void X; void columns;
  throw new Error("not implemented yet");
}

/** Scores (and AUC with a CI when labels are given) of a signature on another cohort. */
export function applySignature(
  fit: LogisticFit,
  X: Matrix,
  y?: Uint8Array,
  options: { columns?: ArrayLike<number>; ci?: "delong" | "bootstrap"; seed?: number; bootstrapSamples?: number } = {},
): SignatureApplication {
  void fit; void X; void y; void options;
  throw new Error("not implemented yet");
}
