// External validation (a signature fitted on one cohort applied to another) and one-vs-rest targets.
import { describe, expect, it } from "vitest";
import { applySignature, nestedCrossValidatedLogistic, nestedCvOneVsRest, oneVsRest, predictLogisticScores, selectColumns } from "../../../../compute/models/logistic/index.js";
import { delongAucCi, rocAuc, StatsInputError } from "../../../../compute/stats/index.js";
import { SeededRandom } from "../../../../compute/seeded-random.js";
import { noiseCohort, plantedCohort } from "../synthetic-cohorts.js";

describe("applySignature (external validation)", () => {
  const training = plantedCohort(150, 20, [1.4, -1.0], 11);
  const validation = plantedCohort(120, 20, [1.4, -1.0], 12);
  const cv = nestedCrossValidatedLogistic(training.X, training.y, { seed: 1, preFilter: { keep: 8 }, lambdaCount: 25 });

  it("scores another cohort with the final model's features and reports its AUC with a DeLong CI", () => {
    const result = applySignature(cv.finalModel, validation.X, validation.y, { columns: cv.finalFeatures });
    const expectedScores = predictLogisticScores(cv.finalModel, selectColumns(validation.X, cv.finalFeatures));
    expect(Array.from(result.scores)).toEqual(Array.from(expectedScores));
    expect(result.auc).toBe(rocAuc(expectedScores, validation.y));
    expect(result.ci95).toEqual(delongAucCi(expectedScores, validation.y).ci95);
    expect(result.auc!).toBeGreaterThan(0.75);
    expect(result.positives + result.negatives).toBe(120);
  });

  it("a signature applied to an unrelated (noise) cohort has a CI covering 0.5", () => {
    const noise = noiseCohort(120, 20, 60, 13);
    const result = applySignature(cv.finalModel, noise.X, noise.y, { columns: cv.finalFeatures });
    expect(result.ci95![0]).toBeLessThan(0.5);
    expect(result.ci95![1]).toBeGreaterThan(0.5);
  });

  it("scores only, without labels; refuses a column-count mismatch", () => {
    const result = applySignature(cv.finalModel, validation.X, undefined, { columns: cv.finalFeatures });
    expect(result.auc).toBeNull();
    expect(() => applySignature(cv.finalModel, validation.X, validation.y)).toThrow(/select the signature's features/);
  });
});

describe("oneVsRest", () => {
  it("gives one binary target per class, classes sorted", () => {
    const { classes, targets } = oneVsRest(["LumA", "Basal", "LumB", "LumA", "Her2", "Basal"]);
    expect(classes).toEqual(["Basal", "Her2", "LumA", "LumB"]);
    expect(Array.from(targets[2]!)).toEqual([1, 0, 0, 1, 0, 0]);
    expect(Array.from(targets[0]!)).toEqual([0, 1, 0, 0, 0, 1]);
    for (let i = 0; i < 6; i++) expect(targets.reduce((s, t) => s + t[i]!, 0)).toBe(1);
  });
  it("refuses one class and empty labels", () => {
    expect(() => oneVsRest(["A", "A"])).toThrow(StatsInputError);
    expect(() => oneVsRest(["A", ""])).toThrow(/non-empty/);
  });
});

describe("nestedCvOneVsRest", () => {
  it("finds a planted three-class subtype: each class is predicted by its own feature", () => {
    const rng = new SeededRandom(21);
    const n = 120;
    const p = 15;
    const names = ["A", "B", "C"];
    const labels = Array.from({ length: n }, (_, i) => names[i % 3]!);
    const data = new Float64Array(n * p);
    for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) data[i * p + j] = rng.normal() + (j === i % 3 ? 1.5 : 0);
    const { classes, results } = nestedCvOneVsRest({ rows: n, cols: p, data }, labels, { seed: 4, lambdaCount: 20 });
    expect(classes).toEqual(names);
    results.forEach((r, k) => {
      expect(r.auc).toBeGreaterThan(0.75);
      expect(r.selectionFrequency[k]).toBe(1);
    });
  });
});
