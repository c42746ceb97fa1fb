// Kruskal–Wallis against scipy.stats.kruskal (fixtures/make_combat_fixtures.py), and batch diagnostics.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { batchEffectDiagnostics, combat, kruskalWallis } from "../../../compute/harmonisation/index.js";
import { matrix } from "../../../compute/stats/matrix.js";
import { SeededRandom } from "../../../compute/seeded-random.js";
import { StatsInputError } from "../../../compute/stats/stats-errors.js";
import { expectClose } from "../stats/fixture-helpers.js";

interface KwCase { values: number[]; groups: string[]; statistic: number; p: number; df: number }
const fixture = JSON.parse(readFileSync(new URL("./fixtures/kruskal_wallis.json", import.meta.url), "utf8")) as { cases: KwCase[] };

describe("kruskalWallis vs scipy.stats.kruskal", () => {
  fixture.cases.forEach((c, i) => {
    it(`case ${i} (n = ${c.values.length}, ${c.df + 1} groups)`, () => {
      const r = kruskalWallis(c.values, c.groups);
      expect(r.degreesOfFreedom).toBe(c.df);
      expectClose(r.statistic, c.statistic, 1e-12, 1e-13, "H");
      expectClose(r.p, c.p, 1e-10, 0, "p");
    });
  });

  it("refuses all-tied values, a single group and NaN", () => {
    expect(() => kruskalWallis([1, 1, 1, 1], ["a", "a", "b", "b"])).toThrow(/all values are tied/);
    expect(() => kruskalWallis([1, 2, 3], ["a", "a", "a"])).toThrow(/at least two groups/);
    expect(() => kruskalWallis([1, NaN, 3, 4], ["a", "a", "b", "b"])).toThrow(StatsInputError);
  });
});

describe("batchEffectDiagnostics", () => {
  it("shows an injected scanner effect before ComBat and not after", () => {
    const random = new SeededRandom(42);
    const batches = ["GE", "Siemens", "Philips"];
    const batch = Array.from({ length: 90 }, (_, j) => batches[j % 3]!);
    const F = 6;
    const data = new Float64Array(F * 90);
    for (let f = 0; f < F; f++) {
      for (let j = 0; j < 90; j++) {
        const b = j % 3;
        data[f * 90 + j] = 10 + (f === 0 ? [0, 3, -2][b]! : 0) + (f === 0 ? [1, 2, 0.5][b]! : 1) * random.normal();
      }
    }
    const before = matrix(F, 90, data);
    const after = combat(before, batch, {}).adjusted;
    const diagnostics = batchEffectDiagnostics(before, after, batch);
    expect(diagnostics).toHaveLength(F);
    expect(diagnostics[0]!.before.p).toBeLessThan(0.001);
    expect(diagnostics[0]!.after.p).toBeGreaterThan(0.05);
    const direct = kruskalWallis(data.subarray(0, 90), batch);
    expect(diagnostics[0]!.before).toEqual({ statistic: direct.statistic, p: direct.p });
    for (const d of diagnostics.slice(1)) expect(d.before.p).toBeGreaterThan(0.001); // null features: no planted effect
  });

  it("names the feature it cannot test", () => {
    const before = matrix(2, 4, [1, 2, 3, 4, 5, 5, 5, 5]);
    expect(() => batchEffectDiagnostics(before, before, ["a", "a", "b", "b"])).toThrow(/feature 1 \(before harmonisation\): Kruskal–Wallis: all values are tied/);
    expect(() => batchEffectDiagnostics(before, matrix(1, 4, [1, 2, 3, 4]), ["a", "a", "b", "b"])).toThrow(/differ in shape/);
  });
});
