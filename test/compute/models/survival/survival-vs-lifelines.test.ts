// Kaplan–Meier, log-rank, Cox (Efron ties, ridge penalty), univariate Cox and Harrell's C against
// lifelines 0.30.3 (fixture made by test/compute/models/fixtures/make_survival_fixtures.py).
import { describe, expect, it } from "vitest";
import { benjaminiHochberg } from "../../../../compute/stats/benjamini-hochberg.js";
import { matrixFromRows } from "../../../../compute/stats/matrix.js";
import { fitCox, harrellConcordance, kaplanMeier, logRankTest, univariateCox } from "../../../../compute/models/survival/index.js";
import { loadModelFixture } from "../fixture-helpers.js";

type Num = number | null;
interface CoxRef { penalizer: number; l1Ratio: number; coefficients: number[]; se: number[]; z: number[]; p: number[]; hrLower: number[]; hrUpper: number[]; logLikelihood: number; nullLogLikelihood: number; lrStatistic: Num; lrP: Num; concordance: number }
interface Fixture {
  X: number[][]; T: number[]; E: number[]; groups: string[]; tiedEventTimes: number;
  cox: CoxRef[]; coxL1: CoxRef[]; coxUnivariate: CoxRef[];
  kaplanMeier: { group: string; times: number[]; survival: number[]; lower: Num[]; upper: Num[]; atRisk: number[]; events: number[]; median: number | string }[];
  logRank: { statistic: number; p: number; df: number };
  concordance: { risk: number[]; riskTied: number[]; harrell: number; harrellTiedScores: number };
}
const fx = loadModelFixture<Fixture>("survival.json");
const data = { time: fx.T, event: fx.E };
const X = matrixFromRows(fx.X);

function expectRel(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = 1e-6): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!, a = actual[i]!;
    expect(Math.abs(a - e), `index ${i}: ${a} vs ${e}`).toBeLessThanOrEqual(tol * Math.max(Math.abs(e), 1e-300));
  }
}

describe("fixture", () => {
  it("has tied event times", () => expect(fx.tiedEventTimes).toBeGreaterThan(5));
});

describe("Cox PH (Efron) vs lifelines CoxPHFitter", () => {
  for (const ref of fx.cox) {
    it(`penalizer ${ref.penalizer}: coefficients, SE, z, p, HR CI, log-likelihood, C`, () => {
      const fit = fitCox(X, data, { penalizer: ref.penalizer, l1Ratio: ref.l1Ratio });
      expectRel(fit.coefficients, ref.coefficients);
      expectRel(fit.standardErrors, ref.se);
      expectRel(fit.z, ref.z);
      expectRel(fit.p, ref.p);
      expectRel(fit.hrLower, ref.hrLower);
      expectRel(fit.hrUpper, ref.hrUpper);
      expectRel([fit.logLikelihood, fit.nullLogLikelihood, fit.concordance], [ref.logLikelihood, ref.nullLogLikelihood, ref.concordance]);
      if (ref.lrStatistic !== null) expectRel([fit.likelihoodRatio!.statistic, fit.likelihoodRatio!.p], [ref.lrStatistic, ref.lrP!]);
    });
  }
  for (const ref of fx.coxL1) {
    // lifelines smooths |β| with a = 1.3^iteration: non-zero coefficients agree to 1e-6, zeroed ones are ~0 in both
    it(`L1 ratio ${ref.l1Ratio}, penalizer ${ref.penalizer}: coefficients and penalised log-likelihood`, () => {
      const fit = fitCox(X, data, { penalizer: ref.penalizer, l1Ratio: ref.l1Ratio });
      ref.coefficients.forEach((e, j) => {
        if (Math.abs(e) > 1e-4) expect(Math.abs(fit.coefficients[j]! - e) / Math.abs(e)).toBeLessThan(1e-6);
        else expect(Math.abs(fit.coefficients[j]!)).toBeLessThan(1e-5);
      });
      expectRel([fit.logLikelihood], [ref.logLikelihood]);
    });
  }
  it("univariate Cox per feature with BH q", () => {
    const rows = univariateCox(X, data);
    fx.coxUnivariate.forEach((ref, j) => {
      expectRel([rows[j]!.coefficient, rows[j]!.standardError, rows[j]!.p, rows[j]!.concordance], [ref.coefficients[0]!, ref.se[0]!, ref.p[0]!, ref.concordance]);
    });
    expectRel(rows.map((r) => r.q), benjaminiHochberg(fx.coxUnivariate.map((r) => r.p[0]!)).q, 1e-6);
  });
});

describe("Kaplan–Meier vs lifelines KaplanMeierFitter", () => {
  const curves = kaplanMeier(data, fx.groups, [0, 12, 24]);
  it("survival, exponential-Greenwood CI, at risk, events, median per group", () => {
    expect(curves.map((c) => c.group)).toEqual(fx.kaplanMeier.map((g) => g.group));
    fx.kaplanMeier.forEach((ref, g) => {
      const c = curves[g]!;
      expect(Array.from(c.times)).toEqual(ref.times);
      expectRel(c.survival, ref.survival, 1e-12);
      expect(Array.from(c.atRisk)).toEqual(ref.atRisk);
      expect(Array.from(c.events)).toEqual(ref.events);
      ref.lower.forEach((v, i) => { if (v !== null && c.survival[i]! < 1 && c.survival[i]! > 0) expectRel([c.ci95Lower[i]!, c.ci95Upper[i]!], [v, ref.upper[i]!], 1e-9); });
      expect(c.medianSurvival).toBe(typeof ref.median === "number" ? ref.median : null);
    });
  });
});

describe("log-rank test vs lifelines multivariate_logrank_test", () => {
  it("3 groups: statistic, df, p", () => {
    const r = logRankTest(data, fx.groups);
    expect(r.df).toBe(fx.logRank.df);
    expectRel([r.statistic, r.p], [fx.logRank.statistic, fx.logRank.p]);
  });
});

describe("Harrell's C vs lifelines concordance_index", () => {
  it("continuous and tied risk scores", () => {
    expectRel([harrellConcordance(fx.T, fx.E, fx.concordance.risk)], [fx.concordance.harrell], 1e-12);
    expectRel([harrellConcordance(fx.T, fx.E, fx.concordance.riskTied)], [fx.concordance.harrellTiedScores], 1e-12);
  });
});
