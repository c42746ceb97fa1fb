// Small dense symmetric positive-definite solves (Cholesky) for Newton steps and covariances.
import { StatsNumericalError } from "../../stats/stats-errors.js";

/** Lower Cholesky factor of the p × p SPD matrix A (row-major); throws StatsNumericalError if not SPD. */
export function cholesky(A: Float64Array, p: number): Float64Array {
  const L = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * p + j]!;
      for (let k = 0; k < j; k++) s -= L[i * p + k]! * L[j * p + k]!;
      if (i === j) {
        if (!(s > 0) || !Number.isFinite(s)) throw new StatsNumericalError("the information matrix is not positive definite (collinear covariates or separation?)", { pivot: i });
        L[i * p + i] = Math.sqrt(s);
      } else L[i * p + j] = s / L[j * p + j]!;
    }
  }
  return L;
}

function solveWithFactor(L: Float64Array, b: Float64Array, p: number): Float64Array {
  const y = new Float64Array(p);
  for (let i = 0; i < p; i++) { let s = b[i]!; for (let k = 0; k < i; k++) s -= L[i * p + k]! * y[k]!; y[i] = s / L[i * p + i]!; }
  for (let i = p - 1; i >= 0; i--) { let s = y[i]!; for (let k = i + 1; k < p; k++) s -= L[k * p + i]! * y[k]!; y[i] = s / L[i * p + i]!; }
  return y;
}

/** x with A x = b for SPD A. */
export function solveSymmetric(A: Float64Array, b: Float64Array, p: number): Float64Array {
  return solveWithFactor(cholesky(A, p), b, p);
}

/** A⁻¹ for SPD A. */
export function invertSymmetric(A: Float64Array, p: number): Float64Array {
  const L = cholesky(A, p);
  const inv = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    const e = new Float64Array(p); e[j] = 1;
    const col = solveWithFactor(L, e, p);
    for (let i = 0; i < p; i++) inv[i * p + j] = col[i]!;
  }
  return inv;
}
