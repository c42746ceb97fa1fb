import { describe, expect, it } from "vitest";
import { normalSf } from "../../../compute/stats/normal.js";
import { correlationTwoSidedP, studentTCdf, studentTTwoSidedP } from "../../../compute/stats/student-t.js";
import { logGamma } from "../../../compute/stats/log-gamma.js";
import { StatsInputError } from "../../../compute/stats/stats-errors.js";
import { decode, expectClose, loadFixture, type JsonNumber } from "./fixture-helpers.js";

const tFixture = loadFixture<{ cases: { t: number; df: number; p: JsonNumber; cdfNeg: JsonNumber }[] }>("student_t.json");
const nFixture = loadFixture<{ cases: { z: number; sf: JsonNumber }[] }>("normal.json");

describe("Student t (scipy.stats.t)", () => {
  it("two-sided p matches 2·t.sf(|t|, df) to 1e-12 relative", () => {
    for (const c of tFixture.cases) {
      expectClose(studentTTwoSidedP(c.t, c.df), decode(c.p), 1e-12, 0, `t=${c.t} df=${c.df}`);
      expectClose(studentTTwoSidedP(-c.t, c.df), decode(c.p), 1e-12, 0, `t=-${c.t} df=${c.df}`);
    }
  });

  it("CDF of −t matches t.cdf(−t, df)", () => {
    for (const c of tFixture.cases) {
      expectClose(studentTCdf(-c.t, c.df), decode(c.cdfNeg), 1e-12, 0, `t=${c.t} df=${c.df}`);
    }
  });

  it("known values: t(1) is Cauchy, P(|T| ≥ 1) = ½", () => {
    expectClose(studentTTwoSidedP(1, 1), 0.5, 1e-15);
    expect(studentTTwoSidedP(Infinity, 5)).toBe(0);
  });

  it("correlation p equals the t-test p of t = r√(ν/(1−r²))", () => {
    for (const [r, df] of [[0.3, 10], [-0.95, 3], [0.999, 198], [1e-5, 500]] as const) {
      const t = r * Math.sqrt(df / ((1 - r) * (1 + r)));
      expectClose(correlationTwoSidedP(r, df), studentTTwoSidedP(t, df), 1e-12);
    }
    expect(correlationTwoSidedP(1, 5)).toBe(0);
  });

  it("rejects invalid degrees of freedom", () => {
    expect(() => studentTTwoSidedP(1, 0)).toThrow(StatsInputError);
  });
});

describe("normal survival function (scipy.stats.norm.sf)", () => {
  it("matches to 1e-12 relative, deep into the tail", () => {
    for (const c of nFixture.cases) expectClose(normalSf(c.z), decode(c.sf), 1e-12, 0, `z=${c.z}`);
  });
});

describe("logGamma", () => {
  it("matches factorials and Γ(½) = √π", () => {
    expectClose(logGamma(10), Math.log(362880), 1e-14);
    expectClose(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-14);
    expectClose(logGamma(171), 706.5730622457874, 1e-14); // ln(170!)
  });
});
