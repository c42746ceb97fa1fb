// Combined / nested Cox models on the same patients and folds (the "does imaging add to genomics?" table):
// every model is fitted on the same stratified-on-event folds; each reports its pooled out-of-fold
// Harrell C, its full-data fit (log-likelihood, df) and, against the previous model in the list, the
// C increment with a percentile bootstrap CI (patients resampled, both models' out-of-fold risks kept
// paired) and — when the previous model's columns are a subset and no penalty is used — the
// likelihood-ratio test 2(ll_big − ll_small) ~ χ²(Δdf).
import type { Matrix } from "../../stats/matrix.js";
import { SeededRandom } from "../../seeded-random.js";
import { StatsInputError } from "../../stats/stats-errors.js";
import { stratifiedKFold } from "../../stats/stratified-k-fold.js";
import { harrellConcordance } from "./concordance.js";
import { coxLinearPredictor, fitCox } from "./cox-fit.js";
import { checkCovariates, checkSurvival } from "./input-checks.js";
import { chiSquareSf } from "./log-rank.js";
import { subsetRows, subsetSurvival, trainRows } from "./penalised-cox-cv.js";
import type { SurvivalData } from "./types.js";

export interface CombinedModelSpec {
  name: string;
  /** Columns of X in this model. */
  columns: number[];
}

export interface CombinedCoxOptions {
  seed: number;
  /** Default 5. */
  folds?: number;
  /** lifelines penalizer for every fit (default 0: unpenalised, LR tests available). */
  penalizer?: number;
  /** Bootstrap resamples for the C increments. Default 500. */
  bootstrapSamples?: number;
}

export interface CombinedModelResult {
  name: string;
  columns: number[];
  outOfFoldConcordance: number;
  outOfFoldRisk: Float64Array;
  logLikelihood: number;
  df: number;
  /** vs the previous model of the list; null for the first. */
  increment: { over: string; deltaC: number; ci95: [number, number] } | null;
  /** vs the previous model when nested and unpenalised; null otherwise. */
  likelihoodRatio: { over: string; statistic: number; df: number; p: number } | null;
}

export interface CombinedCoxResult {
  models: CombinedModelResult[];
  foldTestIndices: Uint32Array[];
  settings: Required<CombinedCoxOptions>;
}

function columnsOf(X: Matrix, columns: number[]): Matrix {
  const data = new Float64Array(X.rows * columns.length);
  for (let i = 0; i < X.rows; i++) columns.forEach((c, j) => (data[i * columns.length + j] = X.data[i * X.cols + c]!));
  return { rows: X.rows, cols: columns.length, data };
}

function percentile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q, lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]!) - sorted[lo]!);
}

export function combinedCoxModels(X: Matrix, data: SurvivalData, specs: CombinedModelSpec[], options: CombinedCoxOptions): CombinedCoxResult {
  const n = data.time.length;
  const events = checkSurvival(data, 2);
  checkCovariates(X, n);
  if (specs.length < 2) throw new StatsInputError("a model comparison needs at least two models", { models: specs.length });
  for (const s of specs) {
    if (s.columns.length === 0 || s.columns.some((c) => !Number.isInteger(c) || c < 0 || c >= X.cols)) {
      throw new StatsInputError(`model '${s.name}' lists no columns or a column outside 0…${X.cols - 1}`, { model: s.name, columns: s.columns });
    }
  }
  const settings = { seed: options.seed, folds: options.folds ?? 5, penalizer: options.penalizer ?? 0, bootstrapSamples: options.bootstrapSamples ?? 500 };
  if (events < settings.folds) throw new StatsInputError(`too few events (${events}) for ${settings.folds}-fold CV`, { events, folds: settings.folds });
  const folds = stratifiedKFold(data.event, settings.folds, settings.seed);
  const fitted = specs.map((s) => {
    const Xs = columnsOf(X, s.columns);
    const risk = new Float64Array(n);
    for (const test of folds) {
      const train = trainRows(n, test);
      const fit = fitCox(subsetRows(Xs, train), subsetSurvival(data, train), { penalizer: settings.penalizer });
      coxLinearPredictor(fit, subsetRows(Xs, test)).forEach((v, r) => (risk[test[r]!] = v));
    }
    const full = fitCox(Xs, data, { penalizer: settings.penalizer });
    return { spec: s, risk, c: harrellConcordance(data.time, data.event, risk), ll: full.logLikelihood };
  });
  const rng = new SeededRandom(settings.seed ^ 0x5eed);
  const models = fitted.map((m, k): CombinedModelResult => {
    const base = { name: m.spec.name, columns: m.spec.columns, outOfFoldConcordance: m.c, outOfFoldRisk: m.risk, logLikelihood: m.ll, df: m.spec.columns.length };
    if (k === 0) return { ...base, increment: null, likelihoodRatio: null };
    const prev = fitted[k - 1]!;
    const deltas: number[] = [];
    const t = new Float64Array(n), e = new Uint8Array(n), a = new Float64Array(n), b = new Float64Array(n);
    for (let s = 0; s < settings.bootstrapSamples; s++) {
      for (let i = 0; i < n; i++) { const r = Math.floor(rng.next() * n); t[i] = data.time[r]!; e[i] = data.event[r]!; a[i] = m.risk[r]!; b[i] = prev.risk[r]!; }
      if (e.some((v) => v === 1)) deltas.push(harrellConcordance(t, e, a) - harrellConcordance(t, e, b));
    }
    const sorted = Float64Array.from(deltas).sort();
    const nested = prev.spec.columns.every((c) => m.spec.columns.includes(c)) && m.spec.columns.length > prev.spec.columns.length;
    const stat = 2 * (m.ll - prev.ll), ddf = m.spec.columns.length - prev.spec.columns.length;
    return {
      ...base,
      increment: { over: prev.spec.name, deltaC: m.c - prev.c, ci95: [percentile(sorted, 0.025), percentile(sorted, 0.975)] },
      likelihoodRatio: nested && settings.penalizer === 0 ? { over: prev.spec.name, statistic: stat, df: ddf, p: chiSquareSf(Math.max(0, stat), ddf) } : null,
    };
  });
  return { models, foldTestIndices: folds, settings };
}
