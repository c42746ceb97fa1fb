// ComBat (Johnson, Li & Rabinovic 2007, Biostatistics 8:118–127) as neuroCombat 0.2.12 computes it:
// design (combat-design.ts) → standardise (combat-standardise.ts) → γ̂, δ̂ and priors (combat-priors.ts) →
// empirical Bayes γ*, δ* (parametric: combat-parametric.ts, non-parametric: combat-non-parametric.ts) →
// back-transform (below). Deliberate differences from neuroCombat, none visible on well-posed input:
// continuous covariates stay float64 (neuroCombat casts them to float32); a constant feature is refused
// (neuroCombat's boolean-median substitute gives it σ² = 1 or random z); non-parametric weights are
// computed in log space (no underflow to 0/0 for large batches); NaN/±Infinity are refused.
import type { Matrix } from "../stats/matrix.js";
import { StatsInputError, StatsNumericalError } from "../stats/stats-errors.js";
import { batchMoments } from "./batch-moments.js";
import { combatDesign } from "./combat-design.js";
import { nonParametricAdjustment } from "./combat-non-parametric.js";
import { type Adjustment, meanOnlyParametricAdjustment, parametricAdjustment } from "./combat-parametric.js";
import { locationScaleAndPriors } from "./combat-priors.js";
import { standardiseAcrossFeatures } from "./combat-standardise.js";

export interface CombatCovariates {
  /** Biological covariates to preserve, one level per sample; one-hot coded, first sorted level dropped. */
  categorical?: Record<string, readonly string[]>;
  /** Continuous covariates to preserve, one value per sample (entered linearly). */
  continuous?: Record<string, Float64Array>;
}

export interface CombatOptions {
  /** Parametric empirical Bayes priors (default true); false = neuroCombat's non-parametric integration. */
  parametric?: boolean;
  /** Adjust the location only (delta* = 1). */
  meanOnly?: boolean;
  /** Batch whose samples stay unchanged and to which the others are aligned. */
  referenceBatch?: string;
  /** Shrink by empirical Bayes (default true); false = plain location/scale estimates (neuroCombat eb=False). */
  empiricalBayes?: boolean;
}

export interface CombatEstimates {
  /** Batches × F, row b = batch `batches[b]`. */
  gammaStar: Float64Array;
  deltaStar: Float64Array;
  gammaHat: Float64Array;
  deltaHat: Float64Array;
  /** Per feature: the grand mean (stand.mean) and pooled variance (var.pooled). */
  standMean: Float64Array;
  varPooled: Float64Array;
  /** Per batch: the priors (gamma bar, tau², inverse-gamma a and b; a/b NaN-free, null when meanOnly). */
  gammaBar: Float64Array;
  tau2: Float64Array;
  aPrior: Float64Array | null;
  bPrior: Float64Array | null;
  /** Iterations of the parametric solver per batch (0 when not used). */
  iterations: Uint32Array;
}

export interface CombatResult {
  /** Same shape as the input: F × n. */
  adjusted: Matrix;
  /** Batch labels in neuroCombat's order (sorted). */
  batches: string[];
  /** Samples per batch, in `batches` order. */
  batchSizes: Uint32Array;
  /** Design matrix column names: batch:<label> …, <categorical>:<level> …, <continuous> …. */
  designColumns: string[];
  referenceBatch: string | null;
  estimates: CombatEstimates;
}

export function combat(
  data: Matrix,
  batch: readonly string[],
  covariates: CombatCovariates = {},
  options: CombatOptions = {},
): CombatResult {
  const { parametric = true, meanOnly = false, empiricalBayes = true } = options;
  const F = data.rows;
  const n = data.cols;
  if (batch.length !== n) throw new StatsInputError(`batch has ${batch.length} labels for ${n} samples (data is features × samples)`, { labels: batch.length, samples: n });
  if (empiricalBayes && F < 2) throw new StatsInputError("ComBat's empirical Bayes pools over features and needs at least 2", { features: F });
  checkData(data);
  const design = combatDesign(batch, covariates, options.referenceBatch);
  const { z, standMean, varPooled, modMean } = standardiseAcrossFeatures(data.data, F, design);
  const ls = locationScaleAndPriors(z, F, design, meanOnly);
  const B = design.batches.length;
  const ref = design.referenceLevel;
  const gammaStar = new Float64Array(B * F);
  const deltaStar = new Float64Array(B * F);
  const iterations = new Uint32Array(B);
  for (let b = 0; b < B; b++) {
    const adjustment = batchAdjustment(b);
    gammaStar.set(adjustment.gammaStar, b * F);
    deltaStar.set(adjustment.deltaStar, b * F);
    iterations[b] = adjustment.iterations;
  }
  const adjusted = backTransform();
  return {
    adjusted: { rows: F, cols: n, data: adjusted },
    batches: design.batches,
    batchSizes: Uint32Array.from(design.members, (m) => m.length),
    designColumns: design.columns,
    referenceBatch: ref === null ? null : design.batches[ref]!,
    estimates: { gammaStar, deltaStar, gammaHat: ls.gammaHat, deltaHat: ls.deltaHat, standMean, varPooled, gammaBar: ls.gammaBar, tau2: ls.tau2, aPrior: ls.aPrior, bPrior: ls.bPrior, iterations },
  };

  function batchAdjustment(b: number): Adjustment {
    const gammaHat = ls.gammaHat.subarray(b * F, (b + 1) * F);
    const deltaHat = ls.deltaHat.subarray(b * F, (b + 1) * F);
    // neuroCombat computes the reference batch's estimates too, then overwrites them with γ* = 0, δ* = 1.
    if (b === ref) return { gammaStar: new Float64Array(F), deltaStar: new Float64Array(F).fill(1), iterations: 0 };
    if (!empiricalBayes) return { gammaStar: Float64Array.from(gammaHat), deltaStar: Float64Array.from(deltaHat), iterations: 0 };
    if (parametric && meanOnly) return meanOnlyParametricAdjustment(gammaHat, ls.gammaBar[b]!, ls.tau2[b]!);
    const moments = batchMoments(z, F, n, design.members[b]!);
    if (!parametric) return nonParametricAdjustment(moments, gammaHat, deltaHat);
    return parametricAdjustment(moments, gammaHat, deltaHat, ls.gammaBar[b]!, ls.tau2[b]!, ls.aPrior![b]!, ls.bPrior![b]!);
  }

  // adjust_data_final: y*_fj = (z_fj − γ*_bf) / √δ*_bf · σ_f + α_f + mod mean_fj; reference-batch samples keep their values.
  function backTransform(): Float64Array {
    const out = new Float64Array(F * n);
    const scaleOf = deltaStar.map((d) => 1 / Math.sqrt(d));
    for (let f = 0; f < F; f++) {
      const sd = Math.sqrt(varPooled[f]!);
      for (let j = 0; j < n; j++) {
        const b = design.batchOf[j]!;
        const at = f * n + j;
        const value = b === ref
          ? data.data[at]!
          : (z[at]! - gammaStar[b * F + f]!) * scaleOf[b * F + f]! * sd + standMean[f]! + modMean[at]!;
        if (!Number.isFinite(value)) throw new StatsNumericalError("ComBat produced a non-finite adjusted value", { feature: f, sample: j, batch: design.batches[b] });
        out[at] = value;
      }
    }
    return out;
  }
}

function checkData(data: Matrix): void {
  for (let f = 0; f < data.rows; f++) {
    for (let j = 0; j < data.cols; j++) {
      const v = data.data[f * data.cols + j]!;
      if (!Number.isFinite(v)) {
        throw new StatsInputError(`feature ${f}, sample ${j} is ${v}; ComBat needs complete finite data — impute or drop it first`, { feature: f, sample: j });
      }
    }
  }
}
