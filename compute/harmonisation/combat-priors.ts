// neuroCombat's fit_LS_model_and_find_priors, on standardised data z (F × n):
//   γ̂_bf = mean of z_f over batch b  (with a reference batch r: γ̂_r = mean over r, γ̂_b = mean_b − mean_r,
//          which is what (BᵀB)⁻¹Bᵀz gives when r's column is all ones)
//   δ̂_bf = sample variance (ddof 1) of z_f over batch b, 1 when mean-only; exact zeros become 1
//   γ̄_b = mean_f γ̂_bf, τ²_b = var_f γ̂_bf (ddof 1)
//   inverse-gamma prior on δ by moments (Johnson 2007 eq. 2.4): with m = mean_f δ̂_bf, s² = var_f δ̂_bf,
//   a_b = (2s² + m²)/s², b_b = (m s² + m³)/s².
import type { CombatDesign } from "./combat-design.js";

export interface LocationScale {
  /** batches × F. */
  gammaHat: Float64Array;
  deltaHat: Float64Array;
  gammaBar: Float64Array;
  tau2: Float64Array;
  aPrior: Float64Array | null;
  bPrior: Float64Array | null;
}

export function locationScaleAndPriors(z: Float64Array, features: number, design: CombatDesign, meanOnly: boolean): LocationScale {
  const { n, members, referenceLevel } = design;
  const B = members.length;
  const gammaHat = new Float64Array(B * features);
  const deltaHat = new Float64Array(B * features);
  for (let f = 0; f < features; f++) {
    const row = z.subarray(f * n, (f + 1) * n);
    for (let b = 0; b < B; b++) {
      const idx = members[b]!;
      const mean = meanOf(row, idx);
      gammaHat[b * features + f] = mean;
      if (meanOnly) deltaHat[b * features + f] = 1;
      else {
        let ss = 0;
        for (const j of idx) ss += (row[j]! - mean) ** 2;
        const v = ss / (idx.length - 1);
        deltaHat[b * features + f] = v === 0 ? 1 : v;
      }
    }
    if (referenceLevel !== null) {
      const ref = gammaHat[referenceLevel * features + f]!;
      for (let b = 0; b < B; b++) if (b !== referenceLevel) gammaHat[b * features + f] -= ref;
    }
  }
  const gammaBar = new Float64Array(B);
  const tau2 = new Float64Array(B);
  const aPrior = meanOnly ? null : new Float64Array(B);
  const bPrior = meanOnly ? null : new Float64Array(B);
  for (let b = 0; b < B; b++) {
    const g = gammaHat.subarray(b * features, (b + 1) * features);
    gammaBar[b] = mean(g);
    tau2[b] = sampleVariance(g);
    if (aPrior && bPrior) {
      const d = deltaHat.subarray(b * features, (b + 1) * features);
      const m = mean(d);
      const s2 = sampleVariance(d);
      aPrior[b] = (2 * s2 + m ** 2) / s2;
      bPrior[b] = (m * s2 + m ** 3) / s2;
    }
  }
  return { gammaHat, deltaHat, gammaBar, tau2, aPrior, bPrior };
}

function meanOf(row: Float64Array, idx: Uint32Array): number {
  let s = 0;
  for (const j of idx) s += row[j]!;
  return s / idx.length;
}

function mean(v: Float64Array): number {
  let s = 0;
  for (const x of v) s += x;
  return s / v.length;
}

function sampleVariance(v: Float64Array): number {
  const m = mean(v);
  let s = 0;
  for (const x of v) s += (x - m) ** 2;
  return s / (v.length - 1);
}
