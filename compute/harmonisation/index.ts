// compute/harmonisation — ComBat batch harmonisation (Johnson, Li & Rabinovic 2007, as neuroCombat 0.2.12
// computes it) and the Kruskal–Wallis batch-effect diagnostics. Pure: typed arrays in, plain objects out.
//
// API (the contract in MODELS-API.md, plus added fields/options)
//   combat(data: Matrix F × n, batch: string[n], covariates, options) → CombatResult
//     data rows = features, columns = samples (neuroCombat's `dat`); no NaN.
//     covariates.categorical: name → level per sample (one-hot, first sorted level dropped, as neuroCombat);
//     covariates.continuous: name → value per sample.
//     options: parametric (default true), meanOnly, referenceBatch, empiricalBayes (default true).
//     Refuses (StatsInputError): a batch with < 2 samples, a covariate confounded with batch (names it),
//     a constant feature (names it), NaN/±Infinity, fewer than 2 features, unknown reference batch.
//   kruskalWallis(values, groups) → { statistic, degreesOfFreedom, p } (= scipy.stats.kruskal, tie-corrected)
//   batchEffectDiagnostics(before F × n, after F × n, batch) → per feature Kruskal–Wallis before and after.
export { combat, type CombatCovariates, type CombatEstimates, type CombatOptions, type CombatResult } from "./combat.js";
export { kruskalWallis, type KruskalWallisResult } from "./kruskal-wallis.js";
export { batchEffectDiagnostics, type BatchEffectDiagnostic } from "./batch-effect-diagnostics.js";
