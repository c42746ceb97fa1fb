// ComBat against the real neuroCombat 0.2.12 (fixtures/make_combat_fixtures.py), and its refusals.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { batchEffectDiagnostics, combat, type CombatOptions } from "../../../compute/harmonisation/index.js";
import { SeededRandom } from "../../../compute/seeded-random.js";
import { matrix } from "../../../compute/stats/matrix.js";
import { StatsInputError } from "../../../compute/stats/stats-errors.js";

interface Cohort { features: number; samples: number; data: number[]; batch: string[]; categorical: Record<string, string[]>; continuous: Record<string, number[]> }
interface Case {
  name: string;
  options: { parametric: boolean; meanOnly: boolean; referenceBatch: string | null; empiricalBayes: boolean };
  cohort: string;
  categorical: string[];
  continuous: string[];
  expected: { batches: string[]; adjusted: number[]; gammaStar: number[]; deltaStar: number[]; gammaHat: number[]; deltaHat: number[]; standMean: number[]; varPooled: number[] };
}
const fixture = JSON.parse(readFileSync(new URL("./fixtures/combat.json", import.meta.url), "utf8")) as { meta: Record<string, string>; cohorts: Record<string, Cohort>; cases: Case[] };

/** |ours − neuroCombat| ≤ 1e−6 · max(1, |neuroCombat|): relative for values above 1, absolute below. */
const TOLERANCE = 1e-6;
function expectAllClose(actual: ArrayLike<number>, expected: readonly number[], label: string): number {
  expect(actual.length, label).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const err = Math.abs(actual[i]! - expected[i]!) / Math.max(1, Math.abs(expected[i]!));
    if (!(err <= TOLERANCE)) expect.fail(`${label}[${i}]: ours ${actual[i]} neuroCombat ${expected[i]} (scaled error ${err})`);
    worst = Math.max(worst, err);
  }
  return worst;
}

function runCase(c: Case) {
  const cohort = fixture.cohorts[c.cohort]!;
  const options: CombatOptions = { parametric: c.options.parametric, meanOnly: c.options.meanOnly, empiricalBayes: c.options.empiricalBayes };
  if (c.options.referenceBatch !== null) options.referenceBatch = c.options.referenceBatch;
  return combat(
    matrix(cohort.features, cohort.samples, cohort.data),
    cohort.batch,
    {
      categorical: Object.fromEntries(c.categorical.map((k) => [k, cohort.categorical[k]!])),
      continuous: Object.fromEntries(c.continuous.map((k) => [k, Float64Array.from(cohort.continuous[k]!)])),
    },
    options,
  );
}

describe("combat vs neuroCombat", () => {
  expect(fixture.meta.neuroCombat).toBe("0.2.12");
  for (const c of fixture.cases) {
    it(c.name, () => {
      const result = runCase(c);
      expect(result.batches).toEqual(c.expected.batches);
      expect(result.adjusted.rows).toBe(fixture.cohorts[c.cohort]!.features);
      const worst = expectAllClose(result.adjusted.data, c.expected.adjusted, "adjusted");
      expectAllClose(result.estimates.gammaStar, c.expected.gammaStar, "gammaStar");
      expectAllClose(result.estimates.deltaStar, c.expected.deltaStar, "deltaStar");
      expectAllClose(result.estimates.gammaHat, c.expected.gammaHat, "gammaHat");
      expectAllClose(result.estimates.deltaHat, c.expected.deltaHat, "deltaHat");
      expectAllClose(result.estimates.standMean, c.expected.standMean, "standMean");
      expectAllClose(result.estimates.varPooled, c.expected.varPooled, "varPooled");
      if (process.env.COMBAT_REPORT) console.log(`${c.name}: worst scaled error ${worst.toExponential(2)}`);
    });
  }

  it("leaves the reference batch's samples exactly as they were", () => {
    const c = fixture.cases.find((x) => x.options.referenceBatch === "GE")!;
    const cohort = fixture.cohorts[c.cohort]!;
    const result = runCase(c);
    cohort.batch.forEach((b, j) => {
      if (b !== "GE") return;
      for (let f = 0; f < cohort.features; f++) expect(result.adjusted.data[f * cohort.samples + j]).toBe(cohort.data[f * cohort.samples + j]);
    });
  });
});

describe("combat on large batches", () => {
  it("non-parametric stays finite for a batch of 800, where neuroCombat's likelihood products underflow to 0/0", () => {
    // neuroCombat 0.2.12 on this shape (800 + 200 samples, 20 features) returns NaN for every value:
    // (2π δ)^(−400) overflows, L = 0 for every feature, Σ γL / ΣL = NaN. Ours weighs in log space.
    const random = new SeededRandom(5);
    const batch = Array.from({ length: 1000 }, (_, j) => (j < 800 ? "a" : "b"));
    const F = 20;
    const data = Float64Array.from({ length: F * 1000 }, (_, i) => random.normal() + (i % 1000 < 800 ? 1.5 : 0));
    const result = combat(matrix(F, 1000, data), batch, {}, { parametric: false });
    expect(result.adjusted.data.every(Number.isFinite)).toBe(true);
    const diagnostics = batchEffectDiagnostics(matrix(F, 1000, data), result.adjusted, batch);
    for (const d of diagnostics) {
      expect(d.before.p).toBeLessThan(1e-10);
      expect(d.after.p).toBeGreaterThan(0.01);
    }
  });
});

describe("combat refuses what it cannot harmonise", () => {
  const F = 4;
  const batch = ["A", "A", "A", "B", "B", "B", "C", "C"];
  const n = batch.length;
  const data = () => matrix(F, n, Array.from({ length: F * n }, (_, i) => Math.sin(i * 1.7) * 3 + (i % n)));

  it("a batch with one sample", () => {
    const one = ["A", "A", "A", "B", "B", "C", "C", "D"];
    expect(() => combat(data(), one, {})).toThrow(StatsInputError);
    expect(() => combat(data(), one, {})).toThrow(/^batch 'D' has only one sample; ComBat needs at least 2/);
    expect(() => combat(data(), ["A", "A", "A", "B", "B", "B", "C", "D"], {})).toThrow(/^batch 'C', batch 'D' have only one sample/);
  });

  it("a covariate confounded with batch, named", () => {
    const site = batch.map((b) => (b === "A" ? "academic" : "community"));
    expect(() => combat(data(), batch, { categorical: { site } })).toThrow(/covariate 'site' \(level 'community'\) is confounded with batch/);
    const dose = Float64Array.from(batch, (b) => (b === "C" ? 2 : 1));
    expect(() => combat(data(), batch, { continuous: { dose } })).toThrow(/covariate 'dose' is confounded with batch/);
  });

  it("covariates collinear with each other (not with batch alone)", () => {
    const sex = ["F", "M", "F", "M", "F", "M", "F", "M"];
    const male = Float64Array.from(sex, (s) => (s === "M" ? 1 : 0));
    expect(() => combat(data(), batch, { categorical: { sex }, continuous: { male } })).toThrow(/covariate 'male' is a linear combination of batch and the covariates before it/);
  });

  it("a constant feature, named", () => {
    const m = data();
    m.data.fill(2.5, 2 * n, 3 * n);
    expect(() => combat(m, batch, {})).toThrow(/feature 2 has no variance/);
  });

  it("a feature without variance in the reference batch", () => {
    const m = data();
    m.data.fill(1, 1 * n, 1 * n + 3); // feature 1 constant over batch A's samples 0..2
    expect(() => combat(m, batch, {}, { referenceBatch: "A" })).toThrow(/feature 1 has no residual variance in the reference batch 'A'/);
    expect(() => combat(m, batch, {}, { referenceBatch: "Z" })).toThrow(/reference batch 'Z' is not one of the batches: A, B, C/);
  });

  it("missing values, label count, one batch, one feature", () => {
    const m = data();
    m.data[5] = NaN;
    expect(() => combat(m, batch, {})).toThrow(/feature 0, sample 5 is NaN/);
    expect(() => combat(data(), batch.slice(1), {})).toThrow(StatsInputError);
    expect(() => combat(data(), batch.map(() => "A"), {})).toThrow(/at least 2 batches/);
    expect(() => combat(matrix(1, n, data().data.subarray(0, n)), batch, {})).toThrow(/at least 2/);
  });

  it("sorts batches by code point as numpy does, not by first appearance", () => {
    const labels = ["b", "b", "b", "Z", "Z", "Z", "a", "a"];
    expect(combat(data(), labels, {}).batches).toEqual(["Z", "a", "b"]);
  });
});
