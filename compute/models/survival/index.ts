// compute/models/survival — Kaplan–Meier, log-rank, Cox proportional hazards (Efron ties), C-index.
//
// Time-axis plots: a KaplanMeierCurve is a KaplanMeierSvg input (compute/export/kaplan-meier-svg.ts); a CoxFit /
// UnivariateCoxRow maps to forest-plot rows { label: name, hazardRatio, ci95Lower: hrLower, ci95Upper: hrUpper, p }.
// Conventions: X is n × p (rows = patients), survival is { time, event } with event 1 = event,
// 0 = censored. Bad input (mismatched lengths, non-finite values, all censored, too few events, a
// constant covariate) throws StatsInputError (BAD_USER_INPUT); non-convergence / divergence throws
// StatsNumericalError — results never hold NaN. Pure and synchronous (worker-pool ready).
//
//   kaplanMeier(data, groups: string[], atRiskTimes = []) → KaplanMeierCurve[] (sorted by group; Greenwood
//     SE, exponential-Greenwood 95 % CI, median = first t with S ≤ 0.5 or null) = lifelines KaplanMeierFitter.
//   kaplanMeierCurve(data, group = "all", atRiskTimes = [], rows?) → one curve.
//   logRankTest(data, groups) → { groups, observed, expected, statistic, df = k − 1, p } = lifelines multivariate_logrank_test.
//   fitCox(X, data, { penalizer = 0, l1Ratio = 0, names?, tolerance = 1e-10, maxIterations = 500 }) → CoxFit
//     (coefficients, SE, z, p, HR + 95 % CI, log-likelihood, null ll, LR test, Harrell C) = lifelines
//     CoxPHFitter(penalizer, l1_ratio), including its standardisation (see cox-fit.ts); L1 / elastic net use
//     lifelines' smoothed |β| (zeroed coefficients come out ~1e-10, not exactly 0). covariance is original-scale.
//     Throws StatsInputError when events < p + 1 unpenalised; StatsNumericalError on separation (|β̃| > 50).
//   coxLinearPredictor(fit, X) → Σ β (x − mean) per row.
//   univariateCox(X, data, names?) → UnivariateCoxRow[] per column, q = BH over all columns.
//   harrellConcordance(time, event, risk) → C (risk: higher = worse) = lifelines concordance_index(T, −risk, E).
//   unoConcordance(train, test, risk, { tau?, tiedTolerance = 1e-8 }) → Uno's IPCW C (censoring KM from train)
//     = sksurv concordance_index_ipcw(train, test, risk, tau).
//   proportionalHazardsTest(fit, X, data) → { timeTransform: "km", covariates: [{ name, statistic, p }], global }
//     = lifelines proportional_hazard_test(fit, df, time_transform="km") per covariate (global: Grambsch–Therneau).
//   penalisedCoxCv(X, data, { seed, folds = 5, penalizers?, l1Ratio = 0 }) → CV over the penalizer grid,
//     folds stratified on event, pooled out-of-fold C per penalizer, chosen penalizer, final fit (its C is
//     optimistic by the selection).
//   nestedPenalisedCoxCv(X, data, { …same, outerFolds = 5 }) → honest pooled out-of-fold C (inner CV per outer
//     fold picks the penalizer), per-fold choices/coefficients, and penalisedCoxCv on all rows as `final`.
//   nestedCoxCvStepKeys(options) / nestedCoxCvStep(X, data, options, key) / assembleNestedCoxCv(X, data, options, results):
//     the same as independent steps (each outer fold, the final penalisedCoxCv) for a job that runs one per task;
//     the assembled result equals nestedPenalisedCoxCv's.
//   combinedCoxModels(X, data, specs: { name, columns }[], { seed, folds = 5, penalizer = 0, bootstrapSamples = 500 })
//     → per model (same folds): out-of-fold C, full-data ll; vs the previous model: ΔC with paired bootstrap
//       CI and, when nested and unpenalised, the LR test. List models smallest first (clinical ⊂ … ⊂ all).
export type { CoxFit, CoxOptions, KaplanMeierCurve, LogRankResult, SurvivalData, UnivariateCoxRow } from "./types.js";
export { kaplanMeier, kaplanMeierCurve } from "./kaplan-meier.js";
export { chiSquareSf, logRankTest } from "./log-rank.js";
export { coxLinearPredictor, fitCox } from "./cox-fit.js";
export { univariateCox } from "./univariate-cox.js";
export { harrellConcordance } from "./concordance.js";
export {
  assembleNestedCoxCv,
  nestedCoxCvStep,
  nestedCoxCvStepKeys,
  nestedPenalisedCoxCv,
  type NestedCoxCvStepResult,
  penalisedCoxCv,
  type NestedPenalisedCoxCvResult,
  type PenalisedCoxCvOptions,
  type PenalisedCoxCvResult,
} from "./penalised-cox-cv.js";
export {
  combinedCoxModels,
  type CombinedCoxOptions,
  type CombinedCoxResult,
  type CombinedModelResult,
  type CombinedModelSpec,
} from "./combined-models.js";
export { censoringSurvival, unoConcordance, type UnoOptions } from "./uno-concordance.js";
export { proportionalHazardsTest, schoenfeldResiduals, type ProportionalHazardsTest } from "./proportional-hazards-test.js";
