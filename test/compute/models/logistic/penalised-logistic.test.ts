// Coefficient parity with scikit-learn 1.9 LogisticRegression(solver="saga", C = 1/(n·λ)) on fixed
// data and λ (fixture from make_logistic_fixtures.py), and the fit's typed errors.
import { describe, expect, it } from "vitest";
import { fitPenalisedLogistic, lambdaPath, predictLogisticScores } from "../../../../compute/models/logistic/index.js";
import { matrix } from "../../../../compute/stats/matrix.js";
import { StatsInputError } from "../../../../compute/stats/stats-errors.js";
import { datasetOf, loadModelFixture } from "../fixture-helpers.js";

interface Case {
  dataset: string;
  standardize: boolean;
  l1Ratio: number;
  lambda: number;
  lambdaMax: number;
  intercept: number;
  coefficients: number[];
}
const fixture = loadModelFixture<{ datasets: Record<string, { X: number[][]; y: number[] }>; cases: Case[] }>("logistic.json");

describe("fitPenalisedLogistic vs scikit-learn saga", () => {
  for (const c of fixture.cases) {
    it(`${c.dataset} standardize=${c.standardize} α=${c.l1Ratio} λ=${c.lambda.toPrecision(4)}`, () => {
      const { X, y } = datasetOf(fixture.datasets[c.dataset]!);
      const fit = fitPenalisedLogistic(X, y, { lambda: c.lambda, l1Ratio: c.l1Ratio, standardize: c.standardize });
      expect(fit.converged).toBe(true);
      const scale = Math.max(...c.coefficients.map(Math.abs));
      for (let j = 0; j < c.coefficients.length; j++) {
        const expected = c.coefficients[j]!;
        const err = Math.abs(fit.coefficients[j]! - expected);
        // ≤ 1e-4 relative to the coefficient, or to the largest one for coefficients at (sklearn's) zero
        expect(err, `coefficient ${j}: ours ${fit.coefficients[j]} sklearn ${expected}`).toBeLessThanOrEqual(1e-4 * Math.max(Math.abs(expected), 1e-3 * scale));
        if (expected === 0) expect(Math.abs(fit.coefficients[j]!)).toBeLessThan(1e-6 * scale);
      }
      expect(Math.abs(fit.intercept - c.intercept)).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(c.intercept)));
    });
  }

  it("with tolerance 1e-20 every non-zero coefficient is within 1e-6 relative of sklearn's", () => {
    for (const c of fixture.cases) {
      const { X, y } = datasetOf(fixture.datasets[c.dataset]!);
      const fit = fitPenalisedLogistic(X, y, { lambda: c.lambda, l1Ratio: c.l1Ratio, standardize: c.standardize, tolerance: 1e-20 });
      c.coefficients.forEach((e, j) => {
        if (e !== 0) expect(Math.abs(fit.coefficients[j]! - e) / Math.abs(e), `${c.dataset} ${j}`).toBeLessThan(1e-6);
      });
    }
  });

  it("λmax of the path matches the λ at which every coefficient is 0", () => {
    for (const c of fixture.cases.filter((k) => k.lambda / k.lambdaMax > 0.49)) {
      const { X, y } = datasetOf(fixture.datasets[c.dataset]!);
      const path = lambdaPath(X, y, { l1Ratio: c.l1Ratio, standardize: c.standardize, count: 5 });
      expect(path[0]! / c.lambdaMax).toBeCloseTo(1, 10);
      const atMax = fitPenalisedLogistic(X, y, { lambda: path[0]! * 1.000001, l1Ratio: c.l1Ratio, standardize: c.standardize });
      expect(atMax.coefficients.every((b) => b === 0)).toBe(true);
      expect(path[4]! / path[0]!).toBeCloseTo(1e-3, 12);
    }
  });

  it("scores are the linear predictor on the original scale", () => {
    const c = fixture.cases[1]!;
    const { X, y } = datasetOf(fixture.datasets[c.dataset]!);
    const fit = fitPenalisedLogistic(X, y, { lambda: c.lambda, l1Ratio: c.l1Ratio });
    const s = predictLogisticScores(fit, X);
    let manual = fit.intercept;
    for (let j = 0; j < X.cols; j++) manual += fit.coefficients[j]! * X.data[j]!;
    expect(s[0]).toBeCloseTo(manual, 12);
  });
});

describe("fitPenalisedLogistic typed errors", () => {
  const X = matrix(6, 2, [1, 5, 2, 3, 3, 8, 4, 1, 5, 2, 6, 7]);
  it("refuses a single class", () => {
    expect(() => fitPenalisedLogistic(X, new Uint8Array(6).fill(1), { lambda: 0.1, l1Ratio: 1 })).toThrow(/both classes/);
  });
  it("refuses NaN with the row and column", () => {
    const bad = matrix(6, 2, [1, 5, 2, NaN, 3, 8, 4, 1, 5, 2, 6, 7]);
    expect(() => fitPenalisedLogistic(bad, Uint8Array.from([0, 1, 0, 1, 0, 1]), { lambda: 0.1, l1Ratio: 1 })).toThrow(/row 1, feature column 1/);
  });
  it("refuses a column constant over all patients", () => {
    const constant = matrix(6, 2, [1, 5, 2, 5, 3, 5, 4, 5, 5, 5, 6, 5]);
    const err = (() => {
      try {
        fitPenalisedLogistic(constant, Uint8Array.from([0, 1, 0, 1, 0, 1]), { lambda: 0.1, l1Ratio: 1 });
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(StatsInputError);
    expect((err as StatsInputError).code).toBe("BAD_USER_INPUT");
    expect((err as Error).message).toMatch(/constant.*column 1/);
  });
  it("refuses labels other than 1/0, a shape mismatch and a bad λ or l1Ratio", () => {
    expect(() => fitPenalisedLogistic(X, Uint8Array.from([0, 1, 2, 1, 0, 1]), { lambda: 0.1, l1Ratio: 1 })).toThrow(StatsInputError);
    expect(() => fitPenalisedLogistic(X, Uint8Array.from([0, 1, 0, 1, 0]), { lambda: 0.1, l1Ratio: 1 })).toThrow(/one row per label/);
    expect(() => fitPenalisedLogistic(X, Uint8Array.from([0, 1, 0, 1, 0, 1]), { lambda: -1, l1Ratio: 1 })).toThrow(/lambda/);
    expect(() => fitPenalisedLogistic(X, Uint8Array.from([0, 1, 0, 1, 0, 1]), { lambda: 0.1, l1Ratio: 1.5 })).toThrow(/l1Ratio/);
  });
});
