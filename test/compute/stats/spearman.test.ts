import { describe, expect, it } from "vitest";
import { matrixFromRows } from "../../../compute/stats/matrix.js";
import { spearman, spearmanCell, spearmanMatrix, SpearmanStatus } from "../../../compute/stats/spearman.js";
import { StatsInputError } from "../../../compute/stats/stats-errors.js";
import { decodeAll } from "./fixture-helpers.js";
import { expectSpearmanFixtureCells, spearmanFixture, type SpearmanFixtureCase } from "./spearman-fixture.js";

type Case = SpearmanFixtureCase;
const fixture = spearmanFixture;

function check(c: Case, blockRows?: number): void {
  const features = matrixFromRows(c.features.map(decodeAll));
  const targets = matrixFromRows(c.targets.map(decodeAll));
  const result = spearmanMatrix(features, targets, blockRows === undefined ? {} : { blockRows });
  expectSpearmanFixtureCells(result, c);
}

describe("spearmanMatrix against scipy.stats.spearmanr (pairwise-complete)", () => {
  for (const c of fixture.cases) {
    it(c.name, () => check(c));
  }

  it("gives the same cells whatever the target block size", () => {
    for (const c of fixture.cases) check(c, 3);
  });
});

describe("spearmanMatrix edge cases", () => {
  it("marks undefined cells with a status and NaN, never a silent NaN", () => {
    const r = spearmanMatrix(matrixFromRows([[1, 1, 1, 1]]), matrixFromRows([[1, 2, 3, 4], [NaN, NaN, 1, 2]]));
    expect(r.status[0]).toBe(SpearmanStatus.constantFeature);
    expect(r.status[1]).toBe(SpearmanStatus.tooFewObservations);
    expect(r.n[1]).toBe(2);
    expect(Number.isNaN(r.rho[0]!)).toBe(true);
  });

  it("respects minN", () => {
    const cell = spearman([1, 2, 3, 4], [1, 3, 2, 4], { minN: 5 });
    expect(cell).toEqual({ ok: false, reason: "too-few-observations", details: { n: 4 } });
    expect(() => spearman([1, 2, 3], [1, 2, 3], { minN: 2 })).toThrow(StatsInputError);
  });

  it("rejects mismatched sample counts", () => {
    expect(() => spearmanMatrix(matrixFromRows([[1, 2, 3]]), matrixFromRows([[1, 2]]))).toThrow(StatsInputError);
  });

  it("textbook example: perfectly monotone data gives rho = 1, p = 0", () => {
    expect(spearman([1, 2, 3, 4, 5], [2, 4, 8, 16, 1000])).toEqual({ ok: true, rho: 1, p: 0, n: 5 });
  });
});

describe("spearmanMatrix missing-value path", () => {
  it("equals the complete-data kernel run on each pair's complete observations", () => {
    let seed = 7;
    const rnd = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const n = 40;
    const row = (): number[] => Array.from({ length: n }, () => (rnd() < 0.2 ? NaN : Math.floor(rnd() * 6)));
    const features = Array.from({ length: 5 }, row);
    const targets = Array.from({ length: 9 }, row);
    const result = spearmanMatrix(matrixFromRows(features), matrixFromRows(targets), { blockRows: 4 });
    features.forEach((f, i) =>
      targets.forEach((t, j) => {
        const keep = f.map((v, k) => !Number.isNaN(v) && !Number.isNaN(t[k]!));
        const x = f.filter((_, k) => keep[k]);
        const y = t.filter((_, k) => keep[k]);
        expect(spearmanCell(result, i, j), `(${i},${j})`).toEqual(spearman(x, y));
      }),
    );
  });
});
