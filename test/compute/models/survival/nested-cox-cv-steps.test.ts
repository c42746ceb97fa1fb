// Nested penalised Cox CV as independent steps (a distributed survival analysis runs one per task): each
// outer fold and the final penalisedCoxCv, computed in any order, assemble to exactly nestedPenalisedCoxCv's
// result; a missing step and an unknown step are typed errors.
import { describe, expect, it } from "vitest";
import { assembleNestedCoxCv, nestedCoxCvStep, nestedCoxCvStepKeys, nestedPenalisedCoxCv, type NestedCoxCvStepResult } from "../../../../compute/models/survival/index.js";
import { SeededRandom } from "../../../../compute/seeded-random.js";
import { StatsInputError } from "../../../../compute/stats/index.js";

function cohort(seed: number) {
  const rng = new SeededRandom(seed), n = 90, p = 6;
  const X = { rows: n, cols: p, data: new Float64Array(n * p) };
  const time = new Float64Array(n), event = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) X.data[i * p + j] = rng.normal();
    const t = -Math.log(Math.max(rng.next(), 1e-12)) * Math.exp(-X.data[i * p]!), c = -Math.log(Math.max(rng.next(), 1e-12)) * 2;
    time[i] = Math.min(t, c); event[i] = t <= c ? 1 : 0;
  }
  return { X, data: { time, event } };
}

describe("nested penalised Cox CV steps", () => {
  const { X, data } = cohort(3);
  const options = { seed: 5, folds: 3, outerFolds: 4, l1Ratio: 0.5, penalizers: [0.3, 0.1, 0.03] };

  it("assemble to nestedPenalisedCoxCv's result", () => {
    const keys = nestedCoxCvStepKeys(options);
    expect(keys).toEqual(["fold:0", "fold:1", "fold:2", "fold:3", "final"]);
    const results = new Map<string, NestedCoxCvStepResult>();
    for (const key of [...keys].reverse()) results.set(key, nestedCoxCvStep(X, data, options, key));
    expect(assembleNestedCoxCv(X, data, options, results)).toEqual(nestedPenalisedCoxCv(X, data, options));
    results.delete("fold:2");
    expect(() => assembleNestedCoxCv(X, data, options, results)).toThrow(StatsInputError);
    expect(() => nestedCoxCvStep(X, data, options, "fold:9")).toThrow(StatsInputError);
  });
});
