import { describe, expect, it } from "vitest";
import { matrixFromRows } from "../../../compute/stats/matrix.js";
import { mannWhitney, type MannWhitneyMethod } from "../../../compute/stats/mann-whitney.js";
import { mannWhitneyCell, mannWhitneyMatrix } from "../../../compute/stats/mann-whitney-matrix.js";
import { mannWhitneyExactSf } from "../../../compute/stats/mann-whitney-exact.js";
import { StatsInputError } from "../../../compute/stats/stats-errors.js";
import { decode, decodeAll, expectClose, loadFixture, type JsonNumber } from "./fixture-helpers.js";

interface Case {
  name: string;
  x: JsonNumber[];
  y: JsonNumber[];
  method: MannWhitneyMethod;
  u: JsonNumber;
  p: JsonNumber;
  auc: JsonNumber;
}
const fixture = loadFixture<{ cases: Case[] }>("mann_whitney.json");

describe("mannWhitney against scipy.stats.mannwhitneyu (two-sided, continuity correction)", () => {
  for (const c of fixture.cases) {
    it(`${c.name} (${c.method})`, () => {
      const r = mannWhitney(decodeAll(c.x), decodeAll(c.y), { method: c.method, minGroupSize: 1 });
      if (!r.ok) throw new Error(`undefined: ${r.reason}`);
      expect(r.u).toBe(decode(c.u));
      expectClose(r.auc, decode(c.auc), 1e-15);
      expectClose(r.p, decode(c.p), 1e-10, 0, "p");
    });
  }
});

describe("mannWhitney behaviour", () => {
  it("chooses exact for small groups without ties and asymptotic with ties ('auto')", () => {
    const exact = mannWhitney([3.5, 1.25, 9], [2, 4, 8, 0.5, 7]);
    const tied = mannWhitney([1, 1, 2], [1, 2, 3, 3]);
    expect(exact.ok && exact.method).toBe("exact");
    expect(tied.ok && tied.method).toBe("asymptotic");
  });

  it("textbook exact value: complete separation of 5 vs 5 gives p = 2/252", () => {
    const r = mannWhitney([6, 7, 8, 9, 10], [1, 2, 3, 4, 5]);
    expect(r).toMatchObject({ ok: true, u: 25, auc: 1, method: "exact" });
    if (r.ok) expectClose(r.p, 2 / 252, 1e-15);
  });

  it("exact null distribution sums to 1 and is symmetric", () => {
    expect(mannWhitneyExactSf(0, 4, 6)).toBe(1);
    expectClose(mannWhitneyExactSf(24, 4, 6), 1 / 210, 1e-15); // only one arrangement reaches U = 24
    // symmetry about n1·n2/2 = 12: P(U ≥ 13) = P(U ≤ 11) = 1 − P(U ≥ 12)
    expectClose(mannWhitneyExactSf(13, 4, 6), 1 - mannWhitneyExactSf(12, 4, 6), 1e-15);
  });

  it("drops NaN, then enforces the minimum group size with a typed reason", () => {
    const r = mannWhitney([1, NaN, 2], [3, 4, 5, 6]);
    expect(r).toEqual({ ok: false, reason: "group-too-small", details: { n1: 2, n2: 4 } });
  });

  it("reports all-tied data instead of a p-value", () => {
    expect(mannWhitney([2, 2, 2], [2, 2, 2, 2])).toEqual({ ok: false, reason: "all-values-tied", details: { n1: 3, n2: 4 } });
  });

  it("refuses an exact p-value with ties", () => {
    expect(() => mannWhitney([1, 2, 2], [3, 4, 5], { method: "exact" })).toThrow(StatsInputError);
  });
});

describe("mannWhitneyMatrix", () => {
  it("agrees with the single-pair test, including NaN features and unknown labels", () => {
    const features = [
      [0.5, 1.5, 2.5, 3.5, 4.5, 0.1, 2.2, 3.3, 1.1, 0.7],
      [1, 1, 2, 2, 3, 3, NaN, 4, 1, 2],
      [5, 5, 5, 5, 5, 5, 5, 5, 5, 5],
    ];
    const groupings = [
      [1, 1, 1, 0, 0, 0, 0, 0, 1, 0],
      [1, NaN, 0, 1, 0, 1, 0, 0, 1, NaN],
      [1, 1, 0, 0, 0, 0, 0, 0, 0, 0],
    ];
    const r = mannWhitneyMatrix(matrixFromRows(features), matrixFromRows(groupings), { minGroupSize: 3 });
    features.forEach((f, i) =>
      groupings.forEach((g, j) => {
        const x = f.filter((_, k) => g[k] === 1);
        const y = f.filter((_, k) => g[k] === 0);
        expect(mannWhitneyCell(r, i, j), `(${i},${j})`).toEqual(mannWhitney(x, y, { minGroupSize: 3 }));
      }),
    );
    expect(mannWhitneyCell(r, 0, 2)).toMatchObject({ ok: false, reason: "group-too-small" });
    expect(mannWhitneyCell(r, 2, 0)).toMatchObject({ ok: false, reason: "all-values-tied" });
  });

  it("rejects labels other than 1, 0 and NaN", () => {
    expect(() => mannWhitneyMatrix(matrixFromRows([[1, 2, 3]]), matrixFromRows([[1, 2, 0]]))).toThrow(StatsInputError);
  });
});
