// Nested stratified k-fold cross-validation of a penalised logistic signature (Varma & Simon 2006,
// BMC Bioinformatics 7:91): the outer folds only report; everything that learns from labels (the
// Mann–Whitney pre-filter, the λ path, the inner-CV choice of λ, the fit) runs on each outer
// training fold alone (select-and-fit.ts). The reported AUC pools the out-of-fold scores of all
// outer folds (one score per patient), mean over repeats; CI by DeLong or stratified bootstrap on
// repeat 0; permutation p = (b + 1) / (B + 1) with the whole nested procedure rerun on permuted
// labels (Phipson & Smyth 2010). Seeds: repeat r's outer folds, every inner split, the
// permutations and the bootstrap are drawn from SeededRandom(seed) streams in a fixed order.
import { SeededRandom } from "../../seeded-random.js";
import { bootstrapAucCi } from "../../stats/bootstrap-auc-ci.js";
import { delongAucCi } from "../../stats/delong.js";
import type { Matrix } from "../../stats/matrix.js";
import { rocAuc } from "../../stats/roc-auc.js";
import { StatsInputError } from "../../stats/stats-errors.js";
import { stratifiedKFold } from "../../stats/stratified-k-fold.js";
import { checkL1Ratio, checkLogisticInput, checkPositiveInteger, refuseConstantColumns } from "./input-checks.js";
import { DEFAULT_TOLERANCE, solverSettings } from "./penalised-logistic.js";
import { permutationPFromAucs, permutedLabels } from "./permutation-p.js";
import { scoreRows } from "./predict.js";
import { selectAndFit, type ProcedureSettings, type SelectedModel } from "./select-and-fit.js";
import type { NestedCvOptions, NestedCvResult, OuterFold } from "./types.js";

const CV_TOLERANCE = 1e-7; // glmnet's default thresh; the final refit uses DEFAULT_TOLERANCE

type Settings = NestedCvResult["settings"];

function settingsOf(o: NestedCvOptions): Settings {
  const s: Settings = {
    outerFolds: o.outerFolds ?? 5,
    innerFolds: o.innerFolds ?? 5,
    repeats: o.repeats ?? 1,
    l1Ratio: o.l1Ratio ?? 1,
    lambdaCount: o.lambdaCount ?? 50,
    lambdaMinRatio: o.lambdaMinRatio ?? 1e-3,
    seed: o.seed,
    preFilter: o.preFilter ?? null,
    permutations: o.permutations ?? 0,
    ci: o.ci ?? "delong",
    bootstrapSamples: o.bootstrapSamples ?? 2000,
    innerCriterion: o.innerCriterion ?? "deviance",
    standardize: o.standardize ?? true,
    maxIterations: o.maxIterations ?? 100_000,
    tolerance: o.tolerance ?? CV_TOLERANCE,
  };
  if (!Number.isFinite(s.seed)) throw new StatsInputError("a numeric seed is required so the folds can be reproduced", { seed: s.seed });
  checkPositiveInteger("outerFolds", s.outerFolds, 2);
  checkPositiveInteger("innerFolds", s.innerFolds, 2);
  checkPositiveInteger("repeats", s.repeats, 1);
  checkPositiveInteger("permutations", s.permutations, 0);
  checkL1Ratio(s.l1Ratio, false);
  if (s.preFilter !== null) checkPositiveInteger("preFilter.keep", s.preFilter.keep, 1);
  if (s.ci !== "delong" && s.ci !== "bootstrap") throw new StatsInputError("ci must be 'delong' or 'bootstrap'", { ci: s.ci });
  if (s.innerCriterion !== "deviance" && s.innerCriterion !== "auc") {
    throw new StatsInputError("innerCriterion must be 'deviance' or 'auc'", { innerCriterion: s.innerCriterion });
  }
  solverSettings(s);
  return s;
}

/** The smaller class must fill every outer fold and, inside each outer training part, every inner fold. */
function checkFoldFeasibility(y: Uint8Array, positives: number, s: Settings): void {
  const minority = Math.min(positives, y.length - positives);
  let needed = s.outerFolds;
  while (needed - Math.ceil(needed / s.outerFolds) < s.innerFolds) needed++;
  if (minority < needed) {
    throw new StatsInputError(
      `nested CV with ${s.outerFolds} outer × ${s.innerFolds} inner folds needs at least ${needed} patients in the smaller class; ` +
        `there are ${positives} positive and ${y.length - positives} negative. Use fewer folds or a larger cohort.`,
      { outerFolds: s.outerFolds, innerFolds: s.innerFolds, positives, negatives: y.length - positives, needed },
    );
  }
}

function drawSeed(rng: SeededRandom): number {
  return Math.floor(rng.next() * 4294967296);
}

/** One outer fold to fit: its test rows and the seed of its inner folds (drawn in the fixed order). */
export interface OuterSplit {
  repeat: number;
  fold: number;
  testIndices: Uint32Array;
  seed: number;
}

/** A fitted outer fold with its held-out scores (what the pooled AUC is made of). */
export interface OuterFoldResult {
  fold: OuterFold;
  testScores: Float64Array;
}

/** Everything the steps share, derived from the options and labels only (no fit): splits, permuted labels, seeds. */
interface Plan {
  s: Settings;
  procedure: ProcedureSettings;
  splits: OuterSplit[];
  permuted: Uint8Array[];
  bootstrapSeed: number;
  finalSeed: number;
}

interface Run {
  repeatAucs: Float64Array;
  outOfFoldScores: Float64Array;
  folds: OuterFold[];
}

function complement(n: number, test: Uint32Array): Uint32Array {
  const inTest = new Uint8Array(n);
  for (const i of test) inTest[i] = 1;
  const out = new Uint32Array(n - test.length);
  for (let i = 0, a = 0; i < n; i++) if (!inTest[i]) out[a++] = i;
  return out;
}

/** Repeat r's outer folds, then one inner seed per fold, all from SeededRandom(seed) in that order. */
function outerSplits(y: Uint8Array, s: Settings): OuterSplit[] {
  const rng = new SeededRandom(s.seed);
  const splits: OuterSplit[] = [];
  for (let r = 0; r < s.repeats; r++) {
    const outer = stratifiedKFold(y, s.outerFolds, drawSeed(rng));
    outer.forEach((testIndices, fold) => splits.push({ repeat: r, fold, testIndices, seed: drawSeed(rng) }));
  }
  return splits;
}

function fitOuterFold(X: Matrix, y: Uint8Array, p: ProcedureSettings, split: OuterSplit): OuterFoldResult {
  const { repeat, fold, testIndices } = split;
  const trainIndices = complement(y.length, testIndices);
  const model = selectAndFit(X, y, trainIndices, p, split.seed);
  const testScores = scoreRows(model.fit, X, model.columns, testIndices);
  const testLabels = Uint8Array.from(testIndices, (row) => y[row]!);
  return {
    testScores,
    fold: {
      repeat, fold, trainIndices, testIndices,
      lambdaPath: model.path,
      innerCriterion: model.criterion,
      innerTestIndices: model.innerTestIndices,
      chosenLambda: model.path[model.chosenIndex]!,
      selectedFeatures: model.columns,
      intercept: model.fit.intercept,
      coefficients: model.fit.coefficients,
      converged: model.fit.converged,
      auc: rocAuc(testScores, testLabels),
    },
  };
}

/** Each repeat's pooled out-of-fold AUC (one score per patient); repeat 0's scores. */
function pooled(y: Uint8Array, repeats: number, results: readonly OuterFoldResult[]): Run {
  const n = y.length;
  const repeatAucs = new Float64Array(repeats);
  let first = new Float64Array(n);
  for (let r = 0; r < repeats; r++) {
    const oof = new Float64Array(n);
    for (const { fold, testScores } of results) if (fold.repeat === r) fold.testIndices.forEach((row, k) => (oof[row] = testScores[k]!));
    repeatAucs[r] = rocAuc(oof, y);
    if (r === 0) first = oof;
  }
  return { repeatAucs, outOfFoldScores: first, folds: results.map((f) => f.fold) };
}

function runNested(X: Matrix, y: Uint8Array, s: Settings, p: ProcedureSettings): Run {
  return pooled(y, s.repeats, outerSplits(y, s).map((split) => fitOuterFold(X, y, p, split)));
}

function mean(v: Float64Array): number {
  let s = 0;
  for (const x of v) s += x;
  return s / v.length;
}

function planOf(X: Matrix, y: Uint8Array, options: NestedCvOptions): Plan {
  const s = settingsOf(options);
  const positives = checkLogisticInput(X, y);
  refuseConstantColumns(X);
  checkFoldFeasibility(y, positives, s);
  const procedure: ProcedureSettings = {
    innerFolds: s.innerFolds,
    l1Ratio: s.l1Ratio,
    lambdaCount: s.lambdaCount,
    lambdaMinRatio: s.lambdaMinRatio,
    keep: s.preFilter === null ? null : s.preFilter.keep,
    innerCriterion: s.innerCriterion,
    standardize: s.standardize,
    cv: { maxIterations: s.maxIterations, tolerance: s.tolerance },
  };
  // The extra stream: the bootstrap seed, then the permutations' shuffles, then the final refit's inner seed.
  const extraSeeds = new SeededRandom((s.seed ^ 0x5bd1e995) >>> 0);
  const bootstrapSeed = drawSeed(extraSeeds);
  const permuted = permutedLabels(y, s.permutations, extraSeeds);
  return { s, procedure, splits: outerSplits(y, s), permuted, bootstrapSeed, finalSeed: drawSeed(extraSeeds) };
}

/** The whole nested procedure rerun on permuted labels: its mean pooled AUC. */
function permutationAuc(X: Matrix, permuted: Uint8Array, plan: Plan): number {
  return mean(runNested(X, permuted, plan.s, plan.procedure).repeatAucs);
}

function finalFit(X: Matrix, y: Uint8Array, plan: Plan): SelectedModel {
  const all = Uint32Array.from({ length: y.length }, (_, i) => i);
  return selectAndFit(X, y, all, plan.procedure, plan.finalSeed, { maxIterations: plan.s.maxIterations, tolerance: DEFAULT_TOLERANCE });
}

function assemble(X: Matrix, y: Uint8Array, plan: Plan, folds: readonly OuterFoldResult[], permutationAucs: readonly number[], final: SelectedModel): NestedCvResult {
  const { s } = plan;
  const observed = pooled(y, s.repeats, folds);
  const auc = mean(observed.repeatAucs);
  const ci95 =
    s.ci === "delong"
      ? delongAucCi(observed.outOfFoldScores, y).ci95
      : bootstrapAucCi(observed.outOfFoldScores, y, { seed: plan.bootstrapSeed, samples: s.bootstrapSamples }).ci95;
  const permutationP = s.permutations > 0 ? permutationPFromAucs(auc, permutationAucs) : null;
  const counts = new Float64Array(X.cols);
  for (const fold of observed.folds) {
    fold.coefficients.forEach((b, k) => {
      if (b !== 0) counts[fold.selectedFeatures[k]!] = counts[fold.selectedFeatures[k]!]! + 1;
    });
  }
  for (let j = 0; j < X.cols; j++) counts[j] = counts[j]! / observed.folds.length;
  return {
    auc,
    repeatAucs: observed.repeatAucs,
    ci95,
    ciMethod: s.ci,
    permutationP,
    permutations: s.permutations,
    outOfFoldScores: observed.outOfFoldScores,
    folds: observed.folds,
    lambdaPath: final.path,
    selectionFrequency: counts,
    finalModel: final.fit,
    finalFeatures: final.columns,
    finalLambda: final.path[final.chosenIndex]!,
    settings: s,
  };
}

/** Nested CV; refuses NaN, a single class, a constant column and too few patients per class for the folds. */
export function nestedCrossValidatedLogistic(X: Matrix, y: Uint8Array, options: NestedCvOptions): NestedCvResult {
  const plan = planOf(X, y, options);
  const folds = plan.splits.map((split) => fitOuterFold(X, y, plan.procedure, split));
  const permutationAucs = plan.permuted.map((labels) => permutationAuc(X, labels, plan));
  return assemble(X, y, plan, folds, permutationAucs, finalFit(X, y, plan));
}

// The same procedure as independent steps (a distributed job runs one per task): every outer fold of every
// repeat (`fold:<r>:<f>`), every label permutation (`permutation:<b>`, a whole nested rerun) and the final
// refit (`final`). Each step derives its split and seeds from the options and labels alone, so any process
// runs any step; assembleNestedCv over all step results is nestedCrossValidatedLogistic's result, value for value.

/** One step's result: a fitted outer fold, a permutation's mean pooled AUC, or the final refit. */
export type NestedCvStepResult = { fold: OuterFoldResult } | { permutationAuc: number } | { final: SelectedModel };

/** The steps of a nested CV with these options (no data needed: outerFolds folds per repeat). */
export function nestedCvStepKeys(options: NestedCvOptions): string[] {
  const s = settingsOf(options);
  const keys: string[] = [];
  for (let r = 0; r < s.repeats; r++) for (let f = 0; f < s.outerFolds; f++) keys.push(`fold:${r}:${f}`);
  for (let b = 0; b < s.permutations; b++) keys.push(`permutation:${b}`);
  keys.push("final");
  return keys;
}

/** nestedCrossValidatedLogistic's input checks alone (the same typed errors), before any step is queued. */
export function checkNestedCv(X: Matrix, y: Uint8Array, options: NestedCvOptions): void {
  planOf(X, y, options);
}

/** Runs one step (input checks as nestedCrossValidatedLogistic: the same typed errors). */
export function nestedCvStep(X: Matrix, y: Uint8Array, options: NestedCvOptions, key: string): NestedCvStepResult {
  const plan = planOf(X, y, options);
  if (key === "final") return { final: finalFit(X, y, plan) };
  const [kind, a, b] = key.split(":");
  if (kind === "fold") {
    const split = plan.splits.find((sp) => sp.repeat === Number(a) && sp.fold === Number(b));
    if (split) return { fold: fitOuterFold(X, y, plan.procedure, split) };
  }
  if (kind === "permutation" && plan.permuted[Number(a)]) return { permutationAuc: permutationAuc(X, plan.permuted[Number(a)]!, plan) };
  throw new StatsInputError(`no nested-CV step '${key}' with these options`, { key });
}

/** The nested-CV result from every step's result (keyed as nestedCvStepKeys); a missing step throws. */
export function assembleNestedCv(X: Matrix, y: Uint8Array, options: NestedCvOptions, results: ReadonlyMap<string, NestedCvStepResult>): NestedCvResult {
  const plan = planOf(X, y, options);
  const step = (key: string, field: string): unknown => {
    const result = results.get(key) as Record<string, unknown> | undefined;
    if (result === undefined || !(field in result)) throw new StatsInputError(`nested-CV step '${key}' has no result yet`, { key });
    return result[field];
  };
  const folds = plan.splits.map((sp) => step(`fold:${sp.repeat}:${sp.fold}`, "fold") as OuterFoldResult);
  const permutationAucs = plan.permuted.map((_, b) => step(`permutation:${b}`, "permutationAuc") as number);
  return assemble(X, y, plan, folds, permutationAucs, step("final", "final") as SelectedModel);
}
