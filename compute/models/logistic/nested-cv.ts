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
import { permutationPValue } from "./permutation-p.js";
import { scoreRows } from "./predict.js";
import { selectAndFit, type ProcedureSettings } from "./select-and-fit.js";
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

function runNested(X: Matrix, y: Uint8Array, s: Settings, p: ProcedureSettings): Run {
  const rng = new SeededRandom(s.seed);
  const n = y.length;
  const repeatAucs = new Float64Array(s.repeats);
  const folds: OuterFold[] = [];
  let first = new Float64Array(n);
  for (let r = 0; r < s.repeats; r++) {
    const outer = stratifiedKFold(y, s.outerFolds, drawSeed(rng));
    const oof = new Float64Array(n);
    outer.forEach((testIndices, fold) => {
      const trainIndices = complement(n, testIndices);
      const model = selectAndFit(X, y, trainIndices, p, drawSeed(rng));
      const testScores = scoreRows(model.fit, X, model.columns, testIndices);
      const testLabels = new Uint8Array(testIndices.length);
      testIndices.forEach((row, k) => {
        oof[row] = testScores[k]!;
        testLabels[k] = y[row]!;
      });
      folds.push({
        repeat: r,
        fold,
        trainIndices,
        testIndices,
        lambdaPath: model.path,
        innerCriterion: model.criterion,
        innerTestIndices: model.innerTestIndices,
        chosenLambda: model.path[model.chosenIndex]!,
        selectedFeatures: model.columns,
        intercept: model.fit.intercept,
        coefficients: model.fit.coefficients,
        converged: model.fit.converged,
        auc: rocAuc(testScores, testLabels),
      });
    });
    repeatAucs[r] = rocAuc(oof, y);
    if (r === 0) first = oof;
  }
  return { repeatAucs, outOfFoldScores: first, folds };
}

function mean(v: Float64Array): number {
  let s = 0;
  for (const x of v) s += x;
  return s / v.length;
}

/** Nested CV; refuses NaN, a single class, a constant column and too few patients per class for the folds. */
export function nestedCrossValidatedLogistic(X: Matrix, y: Uint8Array, options: NestedCvOptions): NestedCvResult {
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
  const observed = runNested(X, y, s, procedure);
  const auc = mean(observed.repeatAucs);
  const extraSeeds = new SeededRandom((s.seed ^ 0x5bd1e995) >>> 0);
  const bootstrapSeed = drawSeed(extraSeeds);
  const ci95 =
    s.ci === "delong"
      ? delongAucCi(observed.outOfFoldScores, y).ci95
      : bootstrapAucCi(observed.outOfFoldScores, y, { seed: bootstrapSeed, samples: s.bootstrapSamples }).ci95;
  const permutationP =
    s.permutations > 0 ? permutationPValue(y, auc, s.permutations, extraSeeds, (permuted) => mean(runNested(X, permuted, s, procedure).repeatAucs)) : null;
  const counts = new Float64Array(X.cols);
  for (const fold of observed.folds) {
    fold.coefficients.forEach((b, k) => {
      if (b !== 0) counts[fold.selectedFeatures[k]!] = counts[fold.selectedFeatures[k]!]! + 1;
    });
  }
  for (let j = 0; j < X.cols; j++) counts[j] = counts[j]! / observed.folds.length;
  const all = Uint32Array.from({ length: y.length }, (_, i) => i);
  const final = selectAndFit(X, y, all, procedure, drawSeed(extraSeeds), { maxIterations: s.maxIterations, tolerance: DEFAULT_TOLERANCE });
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
