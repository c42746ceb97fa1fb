// Types of compute/models/logistic: options and results of penalised logistic regression and of its
// nested cross-validation. Plain JSON-serialisable objects (typed arrays allowed).

/** Options of one penalised logistic fit at one λ. */
export interface PenalisedLogisticOptions {
  /** λ ≥ 0 of the glmnet objective (see penalised-logistic.ts); scikit-learn's C = 1 / (n·λ). */
  lambda: number;
  /** Elastic-net mixing α: 1 = L1 (lasso), (0, 1) = elastic net, 0 = ridge. */
  l1Ratio: number;
  /** Standardise columns (mean 0, population SD 1) before fitting; coefficients are reported on the original scale. Default true. */
  standardize?: boolean;
  /** Cap on coordinate-descent sweeps, summed over the IRLS steps. Default 100,000. */
  maxIterations?: number;
  /**
   * Convergence: max vⱼ·Δβⱼ² of a sweep and of an IRLS step (glmnet's rule, a squared change on the
   * standardised scale). Default 1e-16 (coefficients to ~1e-6 relative); 1e-20 matches sklearn to ~1e-7.
   */
  tolerance?: number;
}

/** A fitted signature: score = intercept + Σ coefficients[j] · x[j] on the original feature scale. */
export interface LogisticFit {
  intercept: number;
  /** One per column of the X it was fitted on, original scale. */
  coefficients: Float64Array;
  lambda: number;
  l1Ratio: number;
  /** Coordinate-descent sweeps used. */
  iterations: number;
  /** false when the sweep or IRLS-step cap was hit first (e.g. near-separable data at a tiny λ); the coefficients are then the last finite iterate. */
  converged: boolean;
  /** Column means of the training X (columns are always centred internally; this does not change the fit). */
  featureMeans: Float64Array;
  /** Column population SDs of the training X (1 when standardize = false or a column is constant). */
  featureScales: Float64Array;
}

export interface LambdaPathOptions {
  l1Ratio: number;
  /** Number of λ values. Default 50. */
  count?: number;
  /** λmin / λmax. Default 1e-3 (as sklearn's LogisticRegressionCV Cs spread over 4 decades would be 1e-4). */
  minRatio?: number;
  /** Default true: λmax computed on standardised columns, as the fit would see them. */
  standardize?: boolean;
}

/** How the inner folds choose λ: out-of-fold binomial deviance (default, lower is better) or AUC. */
export type InnerCriterion = "deviance" | "auc";

export interface NestedCvOptions {
  /** Default 5. */
  outerFolds?: number;
  /** Default 5. */
  innerFolds?: number;
  /** Repeats of the outer split (each with its own seeded folds). Default 1. */
  repeats?: number;
  /** Default 1 (L1). */
  l1Ratio?: number;
  /** Default 50. */
  lambdaCount?: number;
  /** Default 1e-3. */
  lambdaMinRatio?: number;
  /** Every random choice (folds, permutations, bootstrap) derives from this seed. */
  seed: number;
  /** Keep the top-k columns by Mann–Whitney p, computed inside each training fold only. */
  preFilter?: { keep: number };
  /** Label permutations for the permutation p-value (each reruns the whole nested procedure). Default 0. */
  permutations?: number;
  /** CI of the pooled out-of-fold AUC. Default "delong". */
  ci?: "delong" | "bootstrap";
  /** Stratified bootstrap resamples when ci = "bootstrap". Default 2000. */
  bootstrapSamples?: number;
  /** Inner-fold λ choice. Default "deviance". */
  innerCriterion?: InnerCriterion;
  /** Default true. */
  standardize?: boolean;
  /** Passed to every fit. */
  maxIterations?: number;
  /** Tolerance of the CV fits, rule as in PenalisedLogisticOptions. Default 1e-7 (glmnet's thresh: coefficients to ~1e-3 relative, enough to rank λ); the final refit uses 1e-16. */
  tolerance?: number;
}

export interface OuterFold {
  repeat: number;
  fold: number;
  trainIndices: Uint32Array;
  testIndices: Uint32Array;
  /** λ path of this fold's training rows (after its pre-filter). */
  lambdaPath: Float64Array;
  /** Held-out rows (indices into X) of each inner fold; the inner training rows are the rest of trainIndices. */
  innerTestIndices: Uint32Array[];
  /** Mean inner out-of-fold criterion (deviance or AUC) per λ of lambdaPath. */
  innerCriterion: Float64Array;
  chosenLambda: number;
  /** Columns of X kept by this fold's pre-filter (all columns without one). */
  selectedFeatures: Uint32Array;
  /** Fit on the training rows at chosenLambda, one coefficient per selectedFeatures entry. */
  intercept: number;
  coefficients: Float64Array;
  /** Whether the fold's fit at chosenLambda met the CV tolerance. */
  converged: boolean;
  /** AUC on this fold's test rows. */
  auc: number;
}

export interface NestedCvResult {
  /** Pooled out-of-fold AUC (mean over repeats). */
  auc: number;
  /** Pooled out-of-fold AUC of each repeat. */
  repeatAucs: Float64Array;
  /** CI of repeat 0's pooled out-of-fold AUC. */
  ci95: [number, number];
  ciMethod: "delong" | "bootstrap";
  /** (b + 1) / (B + 1), b = permutations whose AUC ≥ the observed one; null without permutations. */
  permutationP: number | null;
  permutations: number;
  /** Out-of-fold linear predictor of every row, repeat 0. */
  outOfFoldScores: Float64Array;
  folds: OuterFold[];
  /** λ path of the final model (all rows, after the pre-filter on all rows). */
  lambdaPath: Float64Array;
  /** Per column of X: share of outer folds (all repeats) with a non-zero coefficient. */
  selectionFrequency: Float64Array;
  /** Refit on all rows with λ chosen by (inner-style) CV on all rows. */
  finalModel: LogisticFit;
  /** Columns of X the final model uses (after the pre-filter on all rows); finalModel.coefficients follow this order. */
  finalFeatures: Uint32Array;
  /** λ chosen for the final model. */
  finalLambda: number;
  /** Settings actually used (defaults filled in), for provenance. */
  settings: Required<Omit<NestedCvOptions, "preFilter">> & { preFilter: { keep: number } | null };
}

/** A signature applied to another cohort (external validation). */
export interface SignatureApplication {
  scores: Float64Array;
  /** null when labels were not given. */
  auc: number | null;
  ci95: [number, number] | null;
  positives: number;
  negatives: number;
}
