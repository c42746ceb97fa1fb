// compute/stats — the pure statistics engine. Typed arrays in, typed results out; no I/O.
//
// API summary (for the engineer wiring this to the graph store)
// ──────────────────────────────────────────────────────────────
// Data: a Matrix is { rows, cols, data: Float64Array } row-major; NaN = missing. Build one with
//   matrix(rows, cols, data) or matrixFromRows(rows[]); sliceRows(m, from, to) is a zero-copy chunk.
//   Features are F × n (feature × patient), expression G × n (gene × patient): same patient order.
// Undefined results never appear as a bare NaN: every *Cell accessor returns
//   { ok: true, … } | { ok: false, reason: UndefinedReason, details? }, and matrix results carry a
//   status array (0 = ok) next to the NaN. Bad input throws StatsInputError (code BAD_USER_INPUT).
//
// Feature ↔ gene/pathway correlation
//   spearmanMatrix(features: Matrix, targets: Matrix, { minN = 3, blockRows = 256 })
//     → { features: F, targets: G, rho, p: Float64Array(F·G), n: Uint32Array, status: Uint8Array }
//     cell (i, j) at i·G + j; p two-sided (t approximation, ν = n − 2, as scipy.stats.spearmanr);
//     NaN handled pairwise-complete; status: SpearmanStatus (too few / constant feature / constant target).
//   spearmanCell(result, i, j) → { ok, rho, p, n } | Undefined
//   spearmanMatrixRows(features, targets, from, to, result, options) writes target rows [from, to) into a
//     result from allocateSpearmanResult(F, G, shared) — one worker's share (ingest/analysis/association-worker-pool.ts);
//     any split gives the same cells bit for bit (the rank sums are exact integers). options.stages times ranks/product/p.
//   The rank product runs on an exact Int16 WebAssembly SIMD kernel for n ≤ 2047 (int16-rank-product.ts).
//   spearman(x, y, options) → the same for two vectors.
// Multiple testing
//   benjaminiHochberg(p: ArrayLike<number>) → { q: Float64Array, excluded: Uint32Array, m }
//     NaN p = untested: excluded from the family (m) and listed; qValueAt(result, i) → { ok, q } | Undefined.
//   sortPValueColumns(p, rows, stride, from, to, keys, order) + benjaminiHochbergOfRuns(total, runs): the same
//     q from runs sorted separately (each worker sorts its own cells; the caller merges).
// Feature → mutation status
//   mannWhitney(x = mutated, y = wild type, { method = "auto", minGroupSize = 3, useContinuity = true })
//     → { ok, u (U1 of x), auc = U1/(n1·n2), p (two-sided), n1, n2, method } | Undefined
//   mannWhitneyMatrix(features: Matrix F × n, groupings: Matrix G × n of 1 / 0 / NaN, options)
//     → { u, auc, p, n1, n2, exact, status } (F·G each); mannWhitneyCell(result, i, j) → as above.
// Pathway scores (patient × pathway values for PATHWAY_SCORE edges)
//   zScorePathwayScores(expression: Matrix G × n, geneSets: row-index lists, { combine = "mean" | "stouffer" })
//     → { scores: Matrix S × n, genesUsed: Uint32Array (S·n), unusableGenes }; zScoreCell(result, s, j).
//   ssgsea(expression, geneSets, { alpha = 0.25, normalize = true, minSize = 1 })
//     → { scores: Matrix S × n, status (per set), genesUsed, droppedGenes, normalization? }; ssgseaCell(result, s, j).
// Classifier evaluation (binary labels 1 / 0, scores higher = more positive; NaN refused)
//   rocAuc(scores, y) → AUC (= sklearn roc_auc_score; ties count ½)
//   rocCurve(scores, y) → { fpr, tpr, thresholds } (= sklearn roc_curve, drop_intermediate; thresholds[0] = +∞)
//   delongAucCi(scores, y, level = 0.95) → { auc, variance, ci95 } (DeLong 1988 via Sun & Xu 2014, = pROC)
//   bootstrapAucCi(scores, y, { seed, samples = 2000, level = 0.95 }) → { auc, ci95 } (stratified, percentile)
//   stratifiedKFold(y, k, seed) → Uint32Array[k] of test indices (every fold holds both classes)
//   normalQuantile(p) → Φ⁻¹(p) (AS 241)
// Building blocks
//   averageRanks(values) → { ranks, tieTerm }; ranksOfPresent(values) → { ranks, tieTerm, kept }
//   studentTTwoSidedP(t, df), studentTCdf(t, df), correlationTwoSidedP(r, df), normalSf(z),
//   regularizedIncompleteBeta(x, a, b, y?), logGamma(x), logBeta(a, b), multiplyABt(…).
//
// FDR over a Spearman/Mann–Whitney matrix: benjaminiHochberg(result.p) — undefined cells (NaN p with
//   a status) drop out of the family by themselves; pass result.p.subarray(i·G, (i+1)·G) for one
//   feature's family instead of the whole matrix.
// Threads: every kernel is synchronous and pure; to use a worker_threads pool, split the target rows
// with sliceRows (Spearman, Mann–Whitney) or the gene sets (pathway scores) and concatenate results.
// ssGSEA's normalisation is global: score chunks with normalize: false, concatenate, then call
// normalizeSsgseaByRange once.
export { matrix, matrixFromRows, rowView, sliceRows, type Matrix } from "./matrix.js";
export {
  StatsInputError,
  StatsNumericalError,
  undefinedResult,
  type Undefined,
  type UndefinedReason,
} from "./stats-errors.js";
export { averageRanks, averageRanksInto, ranksOfPresent, type PresentRanks, type Ranks } from "./ranks.js";
export { logBeta, logGamma } from "./log-gamma.js";
export { regularizedIncompleteBeta } from "./incomplete-beta.js";
export { correlationTwoSidedP, studentTCdf, studentTTwoSidedP } from "./student-t.js";
export { normalSf, regularizedUpperGamma } from "./normal.js";
export { multiplyABt } from "./dense-product.js";
export {
  allocateSpearmanResult,
  spearman,
  spearmanCell,
  spearmanMatrix,
  spearmanMatrixRows,
  SpearmanStatus,
  type SpearmanResultBuffers,
  type SpearmanStageTimes,
  type SpearmanCell,
  type SpearmanMatrixResult,
  type SpearmanOptions,
  type SpearmanStatusCode,
} from "./spearman.js";
export {
  benjaminiHochberg,
  benjaminiHochbergOfRuns,
  qValueAt,
  sortPValueColumns,
  type BenjaminiHochbergResult,
  type PValueRun,
} from "./benjamini-hochberg.js";
export {
  mannWhitney,
  mannWhitneyFromRankSum,
  type MannWhitneyDefined,
  type MannWhitneyMethod,
  type MannWhitneyOptions,
  type MannWhitneyResult,
} from "./mann-whitney.js";
export { mannWhitneyCell, mannWhitneyMatrix, MannWhitneyStatus, type MannWhitneyMatrixResult } from "./mann-whitney-matrix.js";
export { EXACT_WORK_LIMIT, mannWhitneyExactSf } from "./mann-whitney-exact.js";
export { geneZScores, zScoreCell, zScorePathwayScores, type ZCombine, type ZScoreOptions, type ZScoreResult } from "./pathway-score.js";
export { normalizeSsgseaByRange, ssgsea, ssgseaCell, SsgseaStatus, type SsgseaOptions, type SsgseaResult } from "./ssgsea.js";
export { checkBinaryScores, rocAuc, rocCurve, type RocCurve } from "./roc-auc.js";
export { delongAucCi, type DelongAucCi } from "./delong.js";
export { bootstrapAucCi, type BootstrapAucCi } from "./bootstrap-auc-ci.js";
export { stratifiedKFold } from "./stratified-k-fold.js";
export { normalQuantile } from "./normal-quantile.js";
