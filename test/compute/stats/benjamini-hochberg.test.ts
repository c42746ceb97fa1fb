import { describe, expect, it } from "vitest";
import { benjaminiHochberg, qValueAt } from "../../../compute/stats/benjamini-hochberg.js";
import { StatsInputError } from "../../../compute/stats/stats-errors.js";
import { decodeAll, expectClose, loadFixture, type JsonNumber } from "./fixture-helpers.js";

const fixture = loadFixture<{ cases: { name: string; p: JsonNumber[]; q: JsonNumber[]; m: number }[] }>("benjamini_hochberg.json");

describe("benjaminiHochberg against scipy.stats.false_discovery_control(method='bh')", () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const p = decodeAll(c.p);
      const expected = decodeAll(c.q);
      const r = benjaminiHochberg(p);
      expect(r.m).toBe(c.m);
      expected.forEach((q, i) => {
        if (Number.isNaN(q)) expect(qValueAt(r, i)).toEqual({ ok: false, reason: "missing-p-value" });
        else expectClose(r.q[i]!, q, 1e-14, 0, `${c.name}[${i}]`);
      });
      expect(Array.from(r.excluded)).toEqual(Array.from(expected).flatMap((q, i) => (Number.isNaN(q) ? [i] : [])));
    });
  }

  it("is monotone in p and capped at 1", () => {
    const p = Float64Array.from({ length: 200 }, (_, i) => ((i * 37) % 200) / 199);
    const r = benjaminiHochberg(p);
    const idx = Array.from(p.keys()).sort((a, b) => p[a]! - p[b]!);
    for (let k = 1; k < idx.length; k++) expect(r.q[idx[k]!]!).toBeGreaterThanOrEqual(r.q[idx[k - 1]!]!);
    for (const q of r.q) expect(q).toBeLessThanOrEqual(1);
  });

  it("gives tied p-values the same q", () => {
    const r = benjaminiHochberg([0.02, 0.01, 0.02, 0.02]);
    expect(r.q[0]).toBe(r.q[2]);
    expect(r.q[2]).toBe(r.q[3]);
  });

  it("handles an empty or all-missing family", () => {
    expect(benjaminiHochberg([]).m).toBe(0);
    const r = benjaminiHochberg([NaN, NaN]);
    expect(r.m).toBe(0);
    expect(Array.from(r.excluded)).toEqual([0, 1]);
  });

  it("rejects p-values outside [0, 1]", () => {
    expect(() => benjaminiHochberg([0.5, 1.2])).toThrow(StatsInputError);
    expect(() => benjaminiHochberg([-0.1])).toThrow(StatsInputError);
    expect(() => benjaminiHochberg([Infinity])).toThrow(StatsInputError);
  });
});
