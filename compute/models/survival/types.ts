// Types of compute/models/survival. Plain JSON-serialisable objects (typed arrays allowed).

/** Follow-up of n patients: time (> 0 not required, ≥ 0 and finite) and event (1 = event, 0 = censored). */
export interface SurvivalData {
  time: ArrayLike<number>;
  event: ArrayLike<number>;
}

/** One group's Kaplan–Meier curve (structurally a KaplanMeierCurveInput of compute/export). */
export interface KaplanMeierCurve {
  group: string;
  n: number;
  /** Distinct event/censoring times, ascending. */
  times: Float64Array;
  /** S(t) just after each time. */
  survival: Float64Array;
  /** Greenwood SE of S(t): S·sqrt(Σ d/(n(n−d))). */
  standardError: Float64Array;
  /** 95 % pointwise CI, exponential Greenwood (log(−log S)), as lifelines. Where S = 1 (before the first event) or S = 0 there is no band: both bounds = S (never NaN). */
  ci95Lower: Float64Array;
  ci95Upper: Float64Array;
  atRisk: Uint32Array;
  events: Uint32Array;
  censored: Uint32Array;
  /** First time with S(t) ≤ 0.5; null when S never reaches 0.5 (lifelines reports ∞). */
  medianSurvival: number | null;
  /** Number at risk (follow-up ≥ τ) at each requested τ. */
  atRiskAt: { time: number; atRisk: number }[];
}

export interface LogRankResult {
  groups: string[];
  observed: Float64Array;
  expected: Float64Array;
  statistic: number;
  df: number;
  p: number;
}

export interface CoxOptions {
  /** lifelines' penalizer λ ≥ 0: objective ll(β̃) − n·λ·[(1−α)/2 ‖β̃‖² + α‖β̃‖₁] on standardised columns β̃. Default 0. */
  penalizer?: number;
  /** lifelines' l1_ratio α ∈ [0, 1]. Default 0 (ridge). L1 uses lifelines' smoothed |·| (see cox-fit.ts). */
  l1Ratio?: number;
  /** Newton–Raphson cap. Default 500. */
  maxIterations?: number;
  /** Stop when ‖Δβ‖ < tolerance (standardised scale). Default 1e-10. */
  tolerance?: number;
  /** Column names for the result (default x0, x1, …). */
  names?: string[];
}

export interface CoxFit {
  names: string[];
  /** Original scale (per unit of each column). */
  coefficients: Float64Array;
  standardErrors: Float64Array;
  z: Float64Array;
  p: Float64Array;
  hazardRatios: Float64Array;
  hrLower: Float64Array;
  hrUpper: Float64Array;
  /** Partial log-likelihood at the fit, penalty subtracted (lifelines' log_likelihood_). */
  logLikelihood: number;
  /** Partial log-likelihood at β = 0. */
  nullLogLikelihood: number;
  /** 2(ll − ll0), df = p, its χ² p (unpenalised fits; null when penalised). */
  likelihoodRatio: { statistic: number; df: number; p: number } | null;
  /** Harrell's C of the linear predictor on the training rows. */
  concordance: number;
  iterations: number;
  penalizer: number;
  l1Ratio: number;
  featureMeans: Float64Array;
  featureScales: Float64Array;
  /** Covariance of the original-scale coefficients (p × p row-major). */
  covariance: Float64Array;
  n: number;
  events: number;
}

export interface UnivariateCoxRow {
  feature: number;
  name: string;
  coefficient: number;
  standardError: number;
  z: number;
  p: number;
  q: number;
  hazardRatio: number;
  hrLower: number;
  hrUpper: number;
  concordance: number;
}
