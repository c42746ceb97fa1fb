// Penalised Cox with k-fold CV choosing lifelines' penalizer: folds stratified on the event indicator
// (SeededRandom), for each penalizer the out-of-fold linear predictors are pooled and scored by Harrell's C;
// the penalizer with the highest pooled C is chosen and refit on all rows. The pooled C at the chosen
// penalizer is optimistic by the selection (report it as CV C, not as an external estimate).
import type { Matrix } from "../../stats/matrix.js";
import { StatsInputError } from "../../stats/stats-errors.js";
import { stratifiedKFold } from "../../stats/stratified-k-fold.js";
import { harrellConcordance } from "./concordance.js";
import { coxLinearPredictor, fitCox } from "./cox-fit.js";
import { checkCovariates, checkSurvival } from "./input-checks.js";
import type { CoxFit, SurvivalData } from "./types.js";

export interface PenalisedCoxCvOptions {
  seed: number;
  /** Default 5. */
  folds?: number;
  /** Default 10 values log-spaced 1 … 1e-3. */
  penalizers?: number[];
  /** Default 0 (ridge). */
  l1Ratio?: number;
}

export interface PenalisedCoxCvResult {
  penalizers: number[];
  /** Pooled out-of-fold Harrell C per penalizer. */
  cvConcordance: number[];
  chosenPenalizer: number;
  /** Pooled out-of-fold C at the chosen penalizer. */
  concordance: number;
  outOfFoldRisk: Float64Array;
  foldTestIndices: Uint32Array[];
  finalModel: CoxFit;
}

export function subsetRows(X: Matrix, rows: ArrayLike<number>): Matrix {
  const data = new Float64Array(rows.length * X.cols);
  for (let r = 0; r < rows.length; r++) data.set(X.data.subarray(rows[r]! * X.cols, (rows[r]! + 1) * X.cols), r * X.cols);
  return { rows: rows.length, cols: X.cols, data };
}

export function subsetSurvival(data: SurvivalData, rows: ArrayLike<number>): SurvivalData {
  return { time: Float64Array.from(rows, (i) => data.time[i]!), event: Uint8Array.from(rows, (i) => data.event[i]!) };
}

/** Complement of the test rows in 0 … n−1. */
export function trainRows(n: number, test: Uint32Array): Uint32Array {
  const inTest = new Uint8Array(n);
  test.forEach((i) => (inTest[i] = 1));
  return Uint32Array.from({ length: n - test.length }, function (this: { k: number }) { while (inTest[this.k]) this.k++; return this.k++; }.bind({ k: 0 }));
}

export function penalisedCoxCv(X: Matrix, data: SurvivalData, options: PenalisedCoxCvOptions): PenalisedCoxCvResult {
  const n = data.time.length;
  const events = checkSurvival(data, 2);
  checkCovariates(X, n);
  const k = options.folds ?? 5;
  if (events < k) throw new StatsInputError(`too few events (${events}) for ${k}-fold CV`, { events, folds: k });
  const penalizers = options.penalizers ?? Array.from({ length: 10 }, (_, i) => 10 ** (-3 * i / 9));
  if (penalizers.length === 0 || penalizers.some((l) => !(l > 0))) throw new StatsInputError("penalizers must be positive numbers", { penalizers });
  const l1Ratio = options.l1Ratio ?? 0;
  const folds = stratifiedKFold(data.event, k, options.seed);
  const oof = penalizers.map(() => new Float64Array(n));
  for (const test of folds) {
    const train = trainRows(n, test);
    const Xtr = subsetRows(X, train), Xte = subsetRows(X, test), dtr = subsetSurvival(data, train);
    penalizers.forEach((lambda, l) => {
      const fit = fitCox(Xtr, dtr, { penalizer: lambda, l1Ratio });
      coxLinearPredictor(fit, Xte).forEach((v, r) => (oof[l]![test[r]!] = v));
    });
  }
  const cvConcordance = oof.map((risk) => harrellConcordance(data.time, data.event, risk));
  let best = 0;
  cvConcordance.forEach((c, l) => { if (c > cvConcordance[best]!) best = l; });
  return {
    penalizers, cvConcordance, chosenPenalizer: penalizers[best]!, concordance: cvConcordance[best]!, outOfFoldRisk: oof[best]!,
    foldTestIndices: folds, finalModel: fitCox(X, data, { penalizer: penalizers[best]!, l1Ratio }),
  };
}

export interface NestedPenalisedCoxCvResult {
  /** Honest pooled out-of-fold Harrell C: each outer fold's penalizer chosen by inner CV on its training rows only. */
  concordance: number;
  outOfFoldRisk: Float64Array;
  outerFolds: { testIndices: Uint32Array; chosenPenalizer: number; innerCvConcordance: number[]; coefficients: Float64Array }[];
  /** penalisedCoxCv on all rows (the model to report / apply). */
  final: PenalisedCoxCvResult;
}

type NestedOptions = PenalisedCoxCvOptions & { outerFolds?: number };
type OuterCoxFold = NestedPenalisedCoxCvResult["outerFolds"][number];

/** One outer fold of the nested CV: its penalizer chosen on its training rows, its held-out risks. */
export interface CoxOuterFoldResult {
  fold: OuterCoxFold;
  testRisk: Float64Array;
}

/** The outer folds (checked input, stratified on event with the seed); what every step derives first. */
function outerCoxFolds(X: Matrix, data: SurvivalData, options: NestedOptions): Uint32Array[] {
  const n = data.time.length;
  const events = checkSurvival(data, 2);
  checkCovariates(X, n);
  const k = options.outerFolds ?? 5;
  if (events < k) throw new StatsInputError(`too few events (${events}) for ${k}-fold CV`, { events, folds: k });
  return stratifiedKFold(data.event, k, options.seed);
}

function fitOuterCoxFold(X: Matrix, data: SurvivalData, options: NestedOptions, test: Uint32Array, f: number): CoxOuterFoldResult {
  const train = trainRows(data.time.length, test);
  const inner = penalisedCoxCv(subsetRows(X, train), subsetSurvival(data, train), { ...options, seed: options.seed + 1 + f });
  return { testRisk: coxLinearPredictor(inner.finalModel, subsetRows(X, test)), fold: { testIndices: test, chosenPenalizer: inner.chosenPenalizer, innerCvConcordance: inner.cvConcordance, coefficients: inner.finalModel.coefficients } };
}

function assembleCox(data: SurvivalData, folds: readonly CoxOuterFoldResult[], final: PenalisedCoxCvResult): NestedPenalisedCoxCvResult {
  const risk = new Float64Array(data.time.length);
  for (const { fold, testRisk } of folds) testRisk.forEach((v, r) => (risk[fold.testIndices[r]!] = v));
  return { concordance: harrellConcordance(data.time, data.event, risk), outOfFoldRisk: risk, outerFolds: folds.map((f) => f.fold), final };
}

/** Nested CV: outer folds (stratified on event, seed) report; inner folds (seed + 1 + fold) choose the penalizer. */
export function nestedPenalisedCoxCv(X: Matrix, data: SurvivalData, options: NestedOptions): NestedPenalisedCoxCvResult {
  const outer = outerCoxFolds(X, data, options);
  return assembleCox(data, outer.map((test, f) => fitOuterCoxFold(X, data, options, test, f)), penalisedCoxCv(X, data, options));
}

// The same as independent steps (a distributed job runs one per task): each outer fold (`fold:<f>`) and the
// penalisedCoxCv on all rows (`final`); assembleNestedCoxCv over every step's result is nestedPenalisedCoxCv's.

export type NestedCoxCvStepResult = { fold: CoxOuterFoldResult } | { final: PenalisedCoxCvResult };

export function nestedCoxCvStepKeys(options: NestedOptions): string[] {
  return [...Array.from({ length: options.outerFolds ?? 5 }, (_, f) => `fold:${f}`), "final"];
}

export function nestedCoxCvStep(X: Matrix, data: SurvivalData, options: NestedOptions, key: string): NestedCoxCvStepResult {
  const outer = outerCoxFolds(X, data, options);
  if (key === "final") return { final: penalisedCoxCv(X, data, options) };
  const f = Number(key.replace(/^fold:/, ""));
  if (!key.startsWith("fold:") || !outer[f]) throw new StatsInputError(`no nested Cox CV step '${key}' with these options`, { key });
  return { fold: fitOuterCoxFold(X, data, options, outer[f]!, f) };
}

export function assembleNestedCoxCv(X: Matrix, data: SurvivalData, options: NestedOptions, results: ReadonlyMap<string, NestedCoxCvStepResult>): NestedPenalisedCoxCvResult {
  const outer = outerCoxFolds(X, data, options);
  const step = (key: string, field: "fold" | "final"): unknown => {
    const result = results.get(key) as Record<string, unknown> | undefined;
    if (result === undefined || !(field in result)) throw new StatsInputError(`nested Cox CV step '${key}' has no result yet`, { key });
    return result[field];
  };
  return assembleCox(data, outer.map((_, f) => step(`fold:${f}`, "fold") as CoxOuterFoldResult), step("final", "final") as PenalisedCoxCvResult);
}
