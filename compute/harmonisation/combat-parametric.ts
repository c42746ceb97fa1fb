// Parametric empirical Bayes (Johnson, Li & Rabinovic 2007, eqs. 3.1–3.2), neuroCombat's it_sol: for one
// batch with n samples, iterate from (γ̂, δ̂)
//   γ* = (τ² n γ̂ + δ* γ̄) / (τ² n + δ*)                 (postmean)
//   δ* = (½ Σ_j (z_j − γ*)² + b) / (n/2 + a − 1)        (postvar)
// until max(max_f |Δγ|/γ_old, max_f |Δδ|/δ_old) ≤ 1e−4. As in neuroCombat the γ ratio is signed (γ_old,
// not |γ_old|), a NaN ratio ends the loop (NaN > conv is false), and Python's max(a, b) keeps a unless b > a.
// Mean-only: γ* = (τ² γ̂ + γ̄) / (τ² + 1) — neuroCombat calls postmean with n = 1 and δ = 1 — and δ* = 1.
import { StatsNumericalError } from "../stats/stats-errors.js";
import { type BatchMoments, sumOfSquaresAbout } from "./batch-moments.js";

export const CONVERGENCE = 1e-4;
const MAX_ITERATIONS = 100_000;

export interface Adjustment {
  gammaStar: Float64Array;
  deltaStar: Float64Array;
  iterations: number;
}

export function postMean(gHat: number, gBar: number, n: number, dStar: number, t2: number): number {
  return (t2 * n * gHat + dStar * gBar) / (t2 * n + dStar);
}

export function parametricAdjustment(
  moments: BatchMoments,
  gammaHat: Float64Array,
  deltaHat: Float64Array,
  gammaBar: number,
  tau2: number,
  a: number,
  b: number,
): Adjustment {
  const F = gammaHat.length;
  const n = moments.n;
  let gOld = Float64Array.from(gammaHat);
  let dOld = Float64Array.from(deltaHat);
  let gNew = new Float64Array(F);
  let dNew = new Float64Array(F);
  let change = 1;
  let count = 0;
  while (change > CONVERGENCE) {
    if (count >= MAX_ITERATIONS) throw new StatsNumericalError("ComBat parametric empirical Bayes did not converge", { iterations: count, change });
    for (let f = 0; f < F; f++) {
      gNew[f] = postMean(gammaHat[f]!, gammaBar, n, dOld[f]!, tau2);
      dNew[f] = (0.5 * sumOfSquaresAbout(moments, f, gNew[f]!) + b) / (n / 2 + a - 1);
    }
    const gChange = numpyMax(F, (f) => Math.abs(gNew[f]! - gOld[f]!) / gOld[f]!);
    const dChange = numpyMax(F, (f) => Math.abs(dNew[f]! - dOld[f]!) / dOld[f]!);
    change = dChange > gChange ? dChange : gChange;
    [gOld, gNew] = [gNew, gOld];
    [dOld, dNew] = [dNew, dOld];
    count++;
  }
  return { gammaStar: gOld, deltaStar: dOld, iterations: count };
}

export function meanOnlyParametricAdjustment(gammaHat: Float64Array, gammaBar: number, tau2: number): Adjustment {
  return {
    gammaStar: gammaHat.map((g) => postMean(g, gammaBar, 1, 1, tau2)),
    deltaStar: new Float64Array(gammaHat.length).fill(1),
    iterations: 0,
  };
}

/** np.max: NaN as soon as one value is NaN. */
function numpyMax(count: number, value: (i: number) => number): number {
  let m = -Infinity;
  for (let i = 0; i < count; i++) {
    const v = value(i);
    if (Number.isNaN(v)) return NaN;
    if (v > m) m = v;
  }
  return m;
}
