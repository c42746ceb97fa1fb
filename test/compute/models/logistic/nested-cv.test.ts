// Nested CV: recorded folds are stratified partitions, the pre-filter sees only training rows,
// out-of-fold scores come from the fold models, seeds reproduce runs, repeats and permutations,
// and the typed errors.
import { describe, expect, it } from "vitest";
import { nestedCrossValidatedLogistic, predictLogisticScores, selectColumns } from "../../../../compute/models/logistic/index.js";
import { mannWhitney, matrix, rocAuc, StatsInputError } from "../../../../compute/stats/index.js";
import { noiseCohort, plantedCohort } from "../synthetic-cohorts.js";

const planted = plantedCohort(160, 30, [1.5, -1.2, 1.0], 7);

describe("nestedCrossValidatedLogistic on a planted signal", () => {
  const r = nestedCrossValidatedLogistic(planted.X, planted.y, { seed: 3, preFilter: { keep: 12 } });

  it("finds the signal out of sample and selects the planted features more often than nulls", () => {
    expect(r.auc).toBeGreaterThan(0.8);
    expect(r.ci95[0]).toBeGreaterThan(0.7);
    for (const j of [0, 1, 2]) expect(r.selectionFrequency[j]).toBe(1);
    const nulls = Array.from(r.selectionFrequency.slice(3));
    expect(nulls.reduce((a, b) => a + b, 0) / nulls.length).toBeLessThan(0.5);
    expect(Array.from(r.finalFeatures)).toEqual(expect.arrayContaining([0, 1, 2]));
    expect(Math.sign(r.finalModel.coefficients[Array.from(r.finalFeatures).indexOf(1)]!)).toBe(-1);
    expect(r.lambdaPath.includes(r.finalLambda)).toBe(true);
  });

  it("records stratified outer folds that partition the patients", () => {
    expect(r.folds.length).toBe(5);
    const seen = new Uint8Array(planted.y.length);
    const positives = planted.y.reduce((a, b) => a + b, 0);
    for (const f of r.folds) {
      for (const i of f.testIndices) seen[i]!++;
      expect(f.trainIndices.length + f.testIndices.length).toBe(planted.y.length);
      const train = new Set(f.trainIndices);
      expect(Array.from(f.testIndices).some((i) => train.has(i))).toBe(false);
      const pos = Array.from(f.testIndices).filter((i) => planted.y[i] === 1).length;
      expect(Math.abs(pos - positives / 5)).toBeLessThanOrEqual(1);
      expect(f.lambdaPath.length).toBe(50);
      expect(f.innerCriterion.length).toBe(50);
      expect(f.lambdaPath.includes(f.chosenLambda)).toBe(true);
      expect(f.coefficients.length).toBe(f.selectedFeatures.length);
      // inner folds: a stratified partition of this fold's training rows only
      const inner = f.innerTestIndices.flatMap((t) => Array.from(t)).sort((a, b) => a - b);
      expect(inner).toEqual(Array.from(f.trainIndices));
      expect(f.innerTestIndices.length).toBe(5);
    }
    expect(seen.every((c) => c === 1)).toBe(true);
  });

  it("uses, in each fold, the top-k by Mann–Whitney p on that fold's training rows", () => {
    for (const f of r.folds) {
      const p = Array.from({ length: planted.X.cols }, (_, j) => {
        const pos: number[] = [];
        const neg: number[] = [];
        for (const i of f.trainIndices) (planted.y[i] === 1 ? pos : neg).push(planted.X.data[i * planted.X.cols + j]!);
        const mw = mannWhitney(pos, neg);
        return mw.ok ? mw.p : Infinity;
      });
      const expected = Array.from({ length: p.length }, (_, j) => j)
        .sort((a, b) => p[a]! - p[b]! || a - b)
        .slice(0, 12)
        .sort((a, b) => a - b);
      expect(Array.from(f.selectedFeatures)).toEqual(expected);
    }
  });

  it("out-of-fold scores are each fold model's scores of its test rows; the pooled AUC is their AUC", () => {
    for (const f of r.folds) {
      const fit = { ...r.finalModel, intercept: f.intercept, coefficients: f.coefficients };
      const s = predictLogisticScores(fit, selectColumns(planted.X, f.selectedFeatures));
      for (const i of f.testIndices) expect(r.outOfFoldScores[i]).toBeCloseTo(s[i]!, 12);
      const testY = Uint8Array.from(f.testIndices, (i) => planted.y[i]!);
      expect(f.auc).toBe(rocAuc(Float64Array.from(f.testIndices, (i) => s[i]!), testY));
    }
    expect(r.auc).toBe(rocAuc(r.outOfFoldScores, planted.y));
    expect(r.settings).toMatchObject({ seed: 3, outerFolds: 5, innerFolds: 5, repeats: 1, l1Ratio: 1, innerCriterion: "deviance", preFilter: { keep: 12 } });
  });

  it("is reproduced exactly by its seed, and another seed gives other folds", () => {
    const again = nestedCrossValidatedLogistic(planted.X, planted.y, { seed: 3, preFilter: { keep: 12 } });
    expect(again).toEqual(r);
    expect(structuredClone(r)).toEqual(r); // crosses a worker_threads boundary intact
    expect(r.folds.every((f) => f.converged) && r.finalModel.converged).toBe(true);
    const other = nestedCrossValidatedLogistic(planted.X, planted.y, { seed: 4, preFilter: { keep: 12 } });
    expect(other.folds[0]!.testIndices).not.toEqual(r.folds[0]!.testIndices);
  });
});

describe("nestedCrossValidatedLogistic options", () => {
  it("repeats: one outer split per repeat, AUC = mean of the repeats' pooled AUCs", () => {
    const r = nestedCrossValidatedLogistic(planted.X, planted.y, { seed: 1, repeats: 3, outerFolds: 4, innerFolds: 3, lambdaCount: 20 });
    expect(r.folds.length).toBe(12);
    expect(r.repeatAucs.length).toBe(3);
    expect(r.auc).toBeCloseTo((r.repeatAucs[0]! + r.repeatAucs[1]! + r.repeatAucs[2]!) / 3, 14);
    expect(r.folds[0]!.testIndices).not.toEqual(r.folds[4]!.testIndices);
  });

  it("elastic net, AUC as inner criterion and a bootstrap CI", () => {
    const r = nestedCrossValidatedLogistic(planted.X, planted.y, { seed: 2, l1Ratio: 0.5, innerCriterion: "auc", ci: "bootstrap", bootstrapSamples: 500, lambdaCount: 20 });
    expect(r.ciMethod).toBe("bootstrap");
    expect(r.ci95[0]).toBeLessThan(r.auc);
    expect(r.ci95[1]).toBeGreaterThan(r.auc);
    expect(r.finalModel.l1Ratio).toBe(0.5);
  });

  it("permutation p: smallest possible on a real signal, not small on noise", () => {
    const signal = nestedCrossValidatedLogistic(planted.X, planted.y, { seed: 2, permutations: 9, outerFolds: 3, innerFolds: 3, lambdaCount: 15 });
    expect(signal.permutationP).toBeCloseTo(1 / 10, 14);
    expect(signal.permutations).toBe(9);
    const noise = noiseCohort(60, 30, 30, 3);
    const r = nestedCrossValidatedLogistic(noise.X, noise.y, { seed: 2, permutations: 9, outerFolds: 3, innerFolds: 3, lambdaCount: 15 });
    expect(r.permutationP!).toBeGreaterThan(0.1);
    expect(nestedCrossValidatedLogistic(noise.X, noise.y, { seed: 2, outerFolds: 3, innerFolds: 3, lambdaCount: 15 }).permutationP).toBeNull();
  });
});

describe("nestedCrossValidatedLogistic typed errors", () => {
  const small = plantedCohort(40, 5, [1], 2);
  const code = (f: () => unknown): string | undefined => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(StatsInputError);
      return (e as StatsInputError).message;
    }
    return undefined;
  };
  it("too few of a class for the folds", () => {
    const y = new Uint8Array(40);
    y.fill(1, 0, 7); // 7 positives: 5 outer folds leave 5 in a training part, fine for 5 inner? 7 − 2 = 5 yes; 6 would not be
    expect(() => nestedCrossValidatedLogistic(small.X, y, { seed: 1, lambdaCount: 5 })).not.toThrow();
    y[6] = 0;
    expect(code(() => nestedCrossValidatedLogistic(small.X, y, { seed: 1 }))).toMatch(/needs at least 7 patients in the smaller class; there are 6 positive/);
  });
  it("a single class, NaN, a constant column", () => {
    expect(code(() => nestedCrossValidatedLogistic(small.X, new Uint8Array(40), { seed: 1 }))).toMatch(/both classes/);
    const nan = matrix(40, 5, Float64Array.from(small.X.data));
    nan.data[7] = NaN;
    expect(code(() => nestedCrossValidatedLogistic(nan, small.y, { seed: 1 }))).toMatch(/row 1, feature column 2/);
    const constant = matrix(40, 5, Float64Array.from(small.X.data));
    for (let i = 0; i < 40; i++) constant.data[i * 5 + 4] = 3;
    expect(code(() => nestedCrossValidatedLogistic(constant, small.y, { seed: 1 }))).toMatch(/constant over all patients \(first: column 4\)/);
  });
  it("bad options", () => {
    expect(code(() => nestedCrossValidatedLogistic(small.X, small.y, { seed: 1, outerFolds: 1 }))).toMatch(/outerFolds/);
    expect(code(() => nestedCrossValidatedLogistic(small.X, small.y, { seed: 1, l1Ratio: 0 }))).toMatch(/l1Ratio/);
    expect(code(() => nestedCrossValidatedLogistic(small.X, small.y, { seed: Number.NaN }))).toMatch(/seed/);
    expect(code(() => nestedCrossValidatedLogistic(small.X, small.y, { seed: 1, preFilter: { keep: 0 } }))).toMatch(/keep/);
  });
});
