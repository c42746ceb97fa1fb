// A cross-validation step's result survives being stored as JSON (cv-step-codec.ts): typed arrays keep their
// type and every bit of their values, NaN and ±∞ come back, and a nested CV assembled from folds that went
// through JSON is the in-process result.
import { describe, expect, it } from "vitest";
import { assembleNestedCv, nestedCrossValidatedLogistic, nestedCvStep, nestedCvStepKeys, type NestedCvStepResult } from "../../../compute/models/logistic/index.js";
import { decodeStep, encodeStep } from "../../../ingest/analysis/cv-step-codec.js";
import { plantedCohort } from "../../compute/models/synthetic-cohorts.js";

const viaJson = (value: unknown) => decodeStep(JSON.parse(JSON.stringify(encodeStep(value))));

describe("cv-step-codec", () => {
  it("round-trips typed arrays, non-finite numbers and nested records exactly", () => {
    const value = { a: new Float64Array([0.1 + 0.2, -0, 1e-300, Number.NaN, Infinity]), b: Uint32Array.from([1, 4294967295]), c: Uint8Array.from([0, 1]), d: [{ x: -Infinity, y: "s", z: null, w: true }], e: 1 / 3 };
    const back = viaJson(value) as typeof value;
    expect(back).toEqual(value);
    expect(back.a).toBeInstanceOf(Float64Array);
    expect(back.b).toBeInstanceOf(Uint32Array);
    expect(Object.is(back.a[1], -0)).toBe(true);
  });

  it("folds stored as JSON assemble to nestedCrossValidatedLogistic's result", () => {
    const { X, y } = plantedCohort(60, 8, [1.5], 3);
    const options = { seed: 7, outerFolds: 3, innerFolds: 3, permutations: 2, lambdaCount: 12 };
    const results = new Map(nestedCvStepKeys(options).map((key) => [key, viaJson(nestedCvStep(X, y, options, key)) as NestedCvStepResult]));
    expect(assembleNestedCv(X, y, options, results)).toEqual(nestedCrossValidatedLogistic(X, y, options));
  });
});
