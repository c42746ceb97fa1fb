// Nested CV as independent steps (what a distributed signature fit runs, one per task): every step's result,
// computed in any order, assembles to exactly nestedCrossValidatedLogistic's result — folds, pooled AUC, CI,
// permutation p, selection frequencies and the final refit — with repeats, permutations, a pre-filter and
// both CI methods; a missing step and an unknown step are typed errors.
import { describe, expect, it } from "vitest";
import { assembleNestedCv, nestedCrossValidatedLogistic, nestedCvStep, nestedCvStepKeys, type NestedCvStepResult } from "../../../../compute/models/logistic/index.js";
import type { NestedCvOptions } from "../../../../compute/models/logistic/index.js";
import { StatsInputError } from "../../../../compute/stats/index.js";
import { plantedCohort } from "../synthetic-cohorts.js";

const planted = plantedCohort(80, 12, [1.5, -1.2], 5);

function stepwise(options: NestedCvOptions) {
  const keys = nestedCvStepKeys(options);
  const results = new Map<string, NestedCvStepResult>();
  for (const key of [...keys].reverse()) results.set(key, nestedCvStep(planted.X, planted.y, options, key));
  return { keys, result: assembleNestedCv(planted.X, planted.y, options, results), results };
}

describe("nested CV steps", () => {
  it("lists a step per outer fold of each repeat, per permutation, and the final refit", () => {
    expect(nestedCvStepKeys({ seed: 1, outerFolds: 3, repeats: 2, permutations: 2 })).toEqual(["fold:0:0", "fold:0:1", "fold:0:2", "fold:1:0", "fold:1:1", "fold:1:2", "permutation:0", "permutation:1", "final"]);
  });

  it("assemble to nestedCrossValidatedLogistic's result with repeats, permutations and a pre-filter", () => {
    const options: NestedCvOptions = { seed: 9, outerFolds: 4, innerFolds: 3, repeats: 2, permutations: 3, preFilter: { keep: 6 }, lambdaCount: 20 };
    const { keys, result } = stepwise(options);
    expect(keys).toHaveLength(4 * 2 + 3 + 1);
    expect(result).toEqual(nestedCrossValidatedLogistic(planted.X, planted.y, options));
  });

  it("assemble to the same result with the bootstrap CI and the AUC inner criterion", () => {
    const options: NestedCvOptions = { seed: 4, outerFolds: 3, innerFolds: 3, ci: "bootstrap", bootstrapSamples: 200, innerCriterion: "auc", lambdaCount: 15, l1Ratio: 0.5 };
    expect(stepwise(options).result).toEqual(nestedCrossValidatedLogistic(planted.X, planted.y, options));
  });

  it("refuse to assemble with a step missing, and an unknown step", () => {
    const options: NestedCvOptions = { seed: 2, outerFolds: 3, innerFolds: 3, lambdaCount: 10 };
    const { results } = stepwise(options);
    results.delete("fold:0:1");
    expect(() => assembleNestedCv(planted.X, planted.y, options, results)).toThrow(StatsInputError);
    expect(() => nestedCvStep(planted.X, planted.y, options, "fold:0:7")).toThrow(StatsInputError);
    expect(() => nestedCvStep(planted.X, planted.y, options, "permutation:0")).toThrow(StatsInputError);
  });
});
