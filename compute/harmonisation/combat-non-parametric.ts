// Non-parametric empirical Bayes (Johnson 2007 §3.3), neuroCombat's int_eprior: for feature i of one batch,
// the other features' estimates (γ̂_k, δ̂_k), k ≠ i, are the prior's support, weighted by the likelihood of
// feature i's n standardised values under N(γ̂_k, δ̂_k):
//   L_k = (2π δ̂_k)^(−n/2) exp(−Σ_j (z_ij − γ̂_k)² / (2 δ̂_k)),  γ*_i = Σ γ̂_k L_k / Σ L_k,  δ*_i = Σ δ̂_k L_k / Σ L_k.
// Σ_j (z_ij − γ̂_k)² = ss_i + n (z̄_i − γ̂_k)², so the whole batch costs O(F² + F n), not O(F² n).
// The weights are formed in log space, shifted by their maximum: the same ratio as neuroCombat's whenever
// its products neither underflow (large batches → 0/0 = NaN there) nor overflow (nan_to_num caps at 1.8e308).
import { StatsNumericalError } from "../stats/stats-errors.js";
import { type BatchMoments, sumOfSquaresAbout } from "./batch-moments.js";
import type { Adjustment } from "./combat-parametric.js";

export function nonParametricAdjustment(moments: BatchMoments, gammaHat: Float64Array, deltaHat: Float64Array): Adjustment {
  const F = gammaHat.length;
  const n = moments.n;
  const gammaStar = new Float64Array(F);
  const deltaStar = new Float64Array(F);
  const logNormaliser = deltaHat.map((d) => -(n / 2) * Math.log(2 * Math.PI * d));
  const logL = new Float64Array(F);
  for (let i = 0; i < F; i++) {
    let max = -Infinity;
    for (let k = 0; k < F; k++) {
      if (k === i) continue;
      const v = logNormaliser[k]! - sumOfSquaresAbout(moments, i, gammaHat[k]!) / (2 * deltaHat[k]!);
      logL[k] = v;
      if (v > max) max = v;
    }
    let sumL = 0;
    let sumG = 0;
    let sumD = 0;
    for (let k = 0; k < F; k++) {
      if (k === i) continue;
      const w = Math.exp(logL[k]! - max);
      sumL += w;
      sumG += gammaHat[k]! * w;
      sumD += deltaHat[k]! * w;
    }
    if (!(sumL > 0) || !Number.isFinite(max)) throw new StatsNumericalError("ComBat non-parametric weights are undefined", { feature: i });
    gammaStar[i] = sumG / sumL;
    deltaStar[i] = sumD / sumL;
  }
  return { gammaStar, deltaStar, iterations: 0 };
}
