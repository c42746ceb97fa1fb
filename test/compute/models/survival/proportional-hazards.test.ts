// Schoenfeld-residual PH test against lifelines proportional_hazard_test(time_transform="km").
import { describe, expect, it } from "vitest";
import { fitCox, proportionalHazardsTest } from "../../../../compute/models/survival/index.js";
import { matrixFromRows } from "../../../../compute/stats/matrix.js";
import { SeededRandom } from "../../../../compute/seeded-random.js";
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

describe("proportionalHazardsTest detects a planted non-proportional effect", () => {
  it("effect that reverses after t = 1 → small p; a constant effect → no rejection", () => {
    const rng = new SeededRandom(17), n = 400;
    const rows: number[][] = [], tNph: number[] = [], tPh: number[] = [];
    for (let i = 0; i < n; i++) {
      const x = rng.normal(), u = Math.max(rng.next(), 1e-12), c = 3;
      // hazard e^{x} before t = 1 and e^{−x} after: invert the piecewise cumulative hazard
      const h1 = Math.exp(x), h2 = Math.exp(-x), H = -Math.log(u);
      tNph.push(Math.min(H < h1 ? H / h1 : 1 + (H - h1) / h2, c));
      tPh.push(Math.min(H / h1, c));
      rows.push([x]);
    }
    const X = matrixFromRows(rows);
    const nphData = { time: tNph, event: tNph.map((t) => (t < 3 ? 1 : 0)) };
    const phData = { time: tPh, event: tPh.map((t) => (t < 3 ? 1 : 0)) };
    expect(proportionalHazardsTest(fitCox(X, nphData), X, nphData).covariates[0]!.p).toBeLessThan(1e-6);
    expect(proportionalHazardsTest(fitCox(X, phData), X, phData).covariates[0]!.p).toBeGreaterThan(0.01);
  });
});
