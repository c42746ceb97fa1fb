// External validation (a signature fitted on one cohort applied to another) and one-vs-rest targets.
import { describe, expect, it } from "vitest";
import { applySignature, nestedCrossValidatedLogistic, oneVsRest, predictLogisticScores, selectColumns } from "../../../../compute/models/logistic/index.js";
import { delongAucCi, rocAuc, StatsInputError } from "../../../../compute/stats/index.js";
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
