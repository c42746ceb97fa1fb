// ComBat (Johnson, Li & Rabinovic 2007, Biostatistics 8:118) exactly as neuroCombat 0.2.12 computes it.
import type { Matrix } from "../stats/matrix.js";

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
  void data;
  void batch;
  void covariates;
  void options;
  throw new Error("not implemented yet");
}
