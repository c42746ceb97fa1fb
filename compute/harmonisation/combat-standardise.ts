// neuroCombat's standardize_across_features. Per feature f (row y of F × n data), with design X (n × p):
//   B̂ = (XᵀX)⁻¹ Xᵀ y                                   (ordinary least squares)
//   grand mean α_f = Σ_b (n_b / n) B̂_b  — or B̂_ref with a reference batch
//   σ²_f = (1/m) Σ_j (y_j − (X B̂)_j)²  over all n samples, or over the m reference-batch samples
//   mod mean_fj = Σ_{c ≥ B} X_jc B̂_c   (covariate part of the fit)
//   z_fj = (y_j − α_f − mod mean_fj) / σ_f
// neuroCombat replaces σ² = 0 by median(σ² ≠ 0) — a boolean median (1.0) — and an almost constant
// feature gets σ² ≈ 1e−30 and random z; we refuse both (see combat.ts).
import { StatsInputError, StatsNumericalError } from "../stats/stats-errors.js";
import type { CombatDesign } from "./combat-design.js";

export interface Standardised {
  /** z, F × n. */
  z: Float64Array;
  standMean: Float64Array;
  varPooled: Float64Array;
  /** Covariate part of the fit, F × n. */
  modMean: Float64Array;
}

/** Residual variance below this share of the feature's mean square counts as none. */
const NO_VARIANCE = 1e-24;

export function standardiseAcrossFeatures(data: Float64Array, features: number, design: CombatDesign): Standardised {
  const { n, p, members, referenceLevel } = design;
  const X = design.design;
  const projector = leastSquaresProjector(X, n, p); // p × n: (XᵀX)⁻¹ Xᵀ
  const batchCount = members.length;
  const pooledOver = referenceLevel === null ? null : members[referenceLevel]!;
  const z = new Float64Array(features * n);
  const modMean = new Float64Array(features * n);
  const standMean = new Float64Array(features);
  const varPooled = new Float64Array(features);
  const beta = new Float64Array(p);
  const fitted = new Float64Array(n);
  for (let f = 0; f < features; f++) {
    const y = data.subarray(f * n, (f + 1) * n);
    for (let c = 0; c < p; c++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += projector[c * n + j]! * y[j]!;
      beta[c] = s;
    }
    let grand = 0;
    if (referenceLevel !== null) grand = beta[referenceLevel]!;
    else for (let b = 0; b < batchCount; b++) grand += (members[b]!.length / n) * beta[b]!;
    standMean[f] = grand;
    for (let j = 0; j < n; j++) {
      let batchPart = 0;
      let covariatePart = 0;
      for (let c = 0; c < batchCount; c++) batchPart += X[j * p + c]! * beta[c]!;
      for (let c = batchCount; c < p; c++) covariatePart += X[j * p + c]! * beta[c]!;
      fitted[j] = batchPart + covariatePart;
      modMean[f * n + j] = covariatePart;
    }
    let ss = 0;
    let meanSquare = 0;
    const m = pooledOver === null ? n : pooledOver.length;
    for (let k = 0; k < m; k++) {
      const j = pooledOver === null ? k : pooledOver[k]!;
      ss += (y[j]! - fitted[j]!) ** 2;
      meanSquare += y[j]! ** 2;
    }
    const variance = ss / m;
    if (!(variance > NO_VARIANCE * (meanSquare / m))) {
      throw new StatsInputError(
        pooledOver === null
          ? `feature ${f} has no variance left after the batch and covariate fit (constant, or fully explained by the covariates); ComBat cannot scale it — drop it before harmonising`
          : `feature ${f} has no residual variance in the reference batch '${design.batches[referenceLevel!]}'; ComBat cannot scale it — drop it or choose another reference batch`,
        { feature: f },
      );
    }
    varPooled[f] = variance;
    const sd = Math.sqrt(variance);
    for (let j = 0; j < n; j++) z[f * n + j] = (y[j]! - grand - modMean[f * n + j]!) / sd;
  }
  return { z, standMean, varPooled, modMean };
}

/** (XᵀX)⁻¹ Xᵀ as p × n, through the Cholesky factor of XᵀX (full rank was checked with the design). */
function leastSquaresProjector(X: Float64Array, n: number, p: number): Float64Array {
  const gram = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    for (let b = 0; b <= a; b++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += X[j * p + a]! * X[j * p + b]!;
      gram[a * p + b] = s;
      gram[b * p + a] = s;
    }
  }
  const L = cholesky(gram, p);
  const out = new Float64Array(p * n);
  const col = new Float64Array(p);
  for (let j = 0; j < n; j++) {
    // solve L Lᵀ w = x_j (row j of X), column j of the projector
    for (let a = 0; a < p; a++) {
      let s = X[j * p + a]!;
      for (let b = 0; b < a; b++) s -= L[a * p + b]! * col[b]!;
      col[a] = s / L[a * p + a]!;
    }
    for (let a = p - 1; a >= 0; a--) {
      let s = col[a]!;
      for (let b = a + 1; b < p; b++) s -= L[b * p + a]! * col[b]!;
      col[a] = s / L[a * p + a]!;
    }
    for (let a = 0; a < p; a++) out[a * n + j] = col[a]!;
  }
  return out;
}

function cholesky(A: Float64Array, p: number): Float64Array {
  const L = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let k = 0; k <= i; k++) {
      let s = A[i * p + k]!;
      for (let m = 0; m < k; m++) s -= L[i * p + m]! * L[k * p + m]!;
      if (i === k) {
        if (!(s > 0)) throw new StatsNumericalError("ComBat design: XᵀX is not positive definite", { column: i });
        L[i * p + i] = Math.sqrt(s);
      } else L[i * p + k] = s / L[k * p + k]!;
    }
  }
  return L;
}
