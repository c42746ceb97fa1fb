// Schoenfeld-residual PH test against lifelines proportional_hazard_test(time_transform="km").
import { describe, expect, it } from "vitest";
import { fitCox, proportionalHazardsTest } from "../../../../compute/models/survival/index.js";
import { matrixFromRows } from "../../../../compute/stats/matrix.js";
import { loadModelFixture } from "../fixture-helpers.js";

interface Fx { X: number[][]; T: number[]; E: number[]; cox: { phTestKm: number[] | null }[]; coxUnivariate: { phTestKm: number[] }[] }
const fx = loadModelFixture<Fx>("survival.json");
const data = { time: fx.T, event: fx.E };

function rel(a: number, e: number): number { return Math.abs(a - e) / Math.abs(e); }

describe("proportionalHazardsTest vs lifelines (km transform)", () => {
  it("5-covariate model: every covariate's statistic", () => {
    const X = matrixFromRows(fx.X);
    const r = proportionalHazardsTest(fitCox(X, data), X, data);
    fx.cox[0]!.phTestKm!.forEach((ref, j) => expect(rel(r.covariates[j]!.statistic, ref)).toBeLessThan(1e-6));
    expect(r.global.df).toBe(5);
  });
  it("univariate models: statistic; global equals the single covariate's", () => {
    fx.coxUnivariate.forEach((ref, j) => {
      const X = matrixFromRows(fx.X.map((row) => [row[j]!]));
      const r = proportionalHazardsTest(fitCox(X, data), X, data);
      expect(rel(r.covariates[0]!.statistic, ref.phTestKm[0]!)).toBeLessThan(1e-6);
      expect(rel(r.global.statistic, ref.phTestKm[0]!)).toBeLessThan(1e-6);
    });
  });
});
