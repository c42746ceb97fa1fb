// compute/models/logistic — penalised logistic regression signatures, validated honestly.
//
// Conventions: X is n × p (rows = patients, cols = features; callers transpose the platform's F × n
// matrices), y is a Uint8Array of 1 (positive) / 0 (negative). Bad input throws StatsInputError
// (BAD_USER_INPUT); numerical failure throws StatsNumericalError. Every random choice goes through
// SeededRandom(seed).
//
//   fitPenalisedLogistic(X, y, { lambda, l1Ratio, standardize = true }) → LogisticFit
//     objective (glmnet): −(1/n) Σ loglik + λ [ (1−α)/2 ‖β‖² + α ‖β‖₁ ], intercept unpenalised;
//     = scikit-learn LogisticRegression(solver="saga", l1_ratio=α, C = 1/(n·λ)) on the same columns.
//   lambdaPath(X, y, { l1Ratio, count = 50, minRatio = 1e-3 }) → λmax (all-zero fit) … λmax·minRatio, log-spaced.
//   predictLogisticScores(fit, X) → linear predictor per row (logit; apply 1/(1+e^−s) for probabilities).
//   applySignature(fit, X, y?, { columns?, ci? }) → { scores, auc, ci95 } on another cohort (external validation).
//   nestedCrossValidatedLogistic(X, y, { seed, outerFolds = 5, innerFolds = 5, repeats = 1, preFilter?, permutations = 0, ci = "delong" })
//     → pooled out-of-fold AUC + CI + permutation p, every fold's split (outer and inner), λ path,
//       chosen λ and coefficients, selection frequencies, and a final refit on all rows. Pre-filter
//       (top-k Mann–Whitney p), λ path and λ choice happen inside the training folds only; inner
//       folds choose λ by pooled out-of-fold binomial deviance (innerCriterion "auc": mean fold AUC);
//       with repeats, auc is the mean of the repeats' pooled AUCs and ci95 is repeat 0's.
//       CV fits use tolerance 1e-7 (glmnet's), the final refit 1e-16.
//   nestedCvStepKeys(options) / nestedCvStep(X, y, options, key) / assembleNestedCv(X, y, options, results):
//     the same procedure as independent steps (each outer fold of each repeat, each permutation, the final
//     refit), for a job that runs one step per task; the assembled result equals nestedCrossValidatedLogistic's.
//   oneVsRest(labels) → { classes (sorted), targets (one 1/0 Uint8Array per class) };
//   nestedCvOneVsRest(X, labels, options) → { classes, results: one NestedCvResult per class }.
export type {
  InnerCriterion,
  LambdaPathOptions,
  LogisticFit,
  NestedCvOptions,
  NestedCvResult,
  OuterFold,
  PenalisedLogisticOptions,
  SignatureApplication,
} from "./types.js";
export { fitPenalisedLogistic } from "./penalised-logistic.js";
export { lambdaPath } from "./lambda-path.js";
export { predictLogisticScores, applySignature, selectColumns } from "./predict.js";
export { assembleNestedCv, checkNestedCv, nestedCrossValidatedLogistic, nestedCvStep, nestedCvStepKeys, type NestedCvStepResult, type OuterFoldResult } from "./nested-cv.js";
export { nestedCvOneVsRest, oneVsRest } from "./one-vs-rest.js";
