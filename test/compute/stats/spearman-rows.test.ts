// Computing a Spearman matrix in target row ranges (what each worker of the association pool does)
// and BH from per-range sorted runs give the scipy fixture's cells and the whole-matrix results.
import { describe, expect, it } from "vitest";
import { matrixFromRows, type Matrix } from "../../../compute/stats/matrix.js";
import { allocateSpearmanResult, spearmanMatrix, spearmanMatrixRows } from "../../../compute/stats/spearman.js";
import { benjaminiHochberg, benjaminiHochbergOfRuns, sortPValueColumns, type PValueRun } from "../../../compute/stats/benjamini-hochberg.js";
import { StatsInputError } from "../../../compute/stats/stats-errors.js";
import { SeededRandom } from "../../../compute/seeded-random.js";
import { decodeAll, expectClose, loadFixture, type JsonNumber } from "./fixture-helpers.js";
import { expectSpearmanFixtureCells, spearmanFixture } from "./spearman-fixture.js";

const bhFixture = loadFixture<{ cases: { name: string; p: JsonNumber[]; q: JsonNumber[]; m: number }[] }>("benjamini_hochberg.json");

/** Cut points 0 < … < G at odd places (every row its own range when `each`). */
function cuts(G: number, each: boolean): number[] {
  if (each) return Array.from({ length: G + 1 }, (_, i) => i);
  return [...new Set([0, Math.floor(G / 3), Math.floor(G / 3) + 1, G])].sort((a, b) => a - b);
}

function byRanges(features: Matrix, targets: Matrix, bounds: number[], blockRows?: number) {
  const result = allocateSpearmanResult(features.rows, targets.rows, true);
  for (let k = 0; k + 1 < bounds.length; k++) spearmanMatrixRows(features, targets, bounds[k]!, bounds[k + 1]!, result, blockRows ? { blockRows } : {});
  return result;
}

describe("spearmanMatrixRows in target ranges against scipy.stats.spearmanr", () => {
  for (const c of spearmanFixture.cases) {
    it(c.name, () => {
      const features = matrixFromRows(c.features.map(decodeAll));
      const targets = matrixFromRows(c.targets.map(decodeAll));
      for (const each of [false, true]) {
        const result = byRanges(features, targets, cuts(targets.rows, each), 3);
        expectSpearmanFixtureCells(result, c);
      }
    });
  }

  it("equals the whole-matrix run bit for bit on an odd shape with ties and scattered NaN", () => {
    const rng = new SeededRandom(11);
    const n = 37;
    const row = (levels: number, missing: number) => Array.from({ length: n }, () => (rng.next() < missing ? NaN : Math.floor(rng.next() * levels)));
    const features = matrixFromRows([...Array.from({ length: 5 }, () => row(5, 0.1)), Array.from({ length: n }, () => 2), row(1000, 0)]);
    const targets = matrixFromRows([...Array.from({ length: 259 }, (_, i) => row(i % 7 === 0 ? 3 : 50, i % 5 === 0 ? 0 : 0.15)), row(4, 0.95)]);
    const whole = spearmanMatrix(features, targets);
    const parts = byRanges(features, targets, [0, 1, 2, 97, 98, 255, 260]);
    expect(Array.from(parts.rho)).toEqual(Array.from(whole.rho));
    expect(Array.from(parts.p)).toEqual(Array.from(whole.p));
    expect(Array.from(parts.n)).toEqual(Array.from(whole.n));
    expect(Array.from(parts.status)).toEqual(Array.from(whole.status));
  });

  it("refuses a range outside the targets", () => {
    const m = matrixFromRows([[1, 2, 3]]);
    expect(() => spearmanMatrixRows(m, m, 0, 2, allocateSpearmanResult(1, 1))).toThrow(StatsInputError);
  });
});

/** BH over `p` seen as a rows × stride matrix whose columns are cut into ranges, each sorted on its own. */
function bhByColumnRuns(p: Float64Array, rows: number, stride: number, bounds: number[]) {
  const runs: PValueRun[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const width = bounds[k + 1]! - bounds[k]!;
    const keys = new Float64Array(rows * width);
    const order = new Uint32Array(rows * width);
    runs.push({ keys, order, count: sortPValueColumns(p, rows, stride, bounds[k]!, bounds[k + 1]!, keys, order) });
  }
  return benjaminiHochbergOfRuns(p.length, runs);
}

describe("benjaminiHochbergOfRuns against scipy.stats.false_discovery_control(method='bh')", () => {
  for (const c of bhFixture.cases) {
    it(c.name, () => {
      const p = decodeAll(c.p);
      const expected = decodeAll(c.q);
      for (const bounds of [[0, p.length], cuts(p.length, false), cuts(p.length, true)]) {
        const r = bhByColumnRuns(p, 1, p.length, bounds);
        expect(r.m).toBe(c.m);
        expected.forEach((q, i) => {
          if (Number.isNaN(q)) expect(Number.isNaN(r.q[i]!)).toBe(true);
          else expectClose(r.q[i]!, q, 1e-14, 0, `${c.name}[${i}]`);
        });
        expect(Array.from(r.excluded)).toEqual(Array.from(expected).flatMap((q, i) => (Number.isNaN(q) ? [i] : [])));
      }
    });
  }

  it("equals benjaminiHochberg bit for bit on a matrix with ties and NaN, columns cut in uneven runs", () => {
    const rng = new SeededRandom(5);
    const rows = 7;
    const stride = 61;
    const p = Float64Array.from({ length: rows * stride }, () => (rng.next() < 0.1 ? NaN : rng.next() < 0.3 ? 0.05 : rng.next() ** 3));
    const whole = benjaminiHochberg(p);
    const runs = bhByColumnRuns(p, rows, stride, [0, 1, 20, 21, 60, 61]);
    expect(Array.from(runs.q)).toEqual(Array.from(whole.q));
    expect(Array.from(runs.excluded)).toEqual(Array.from(whole.excluded));
    expect(runs.m).toBe(whole.m);
  });

  it("refuses a p-value outside [0, 1]", () => {
    expect(() => sortPValueColumns([0.5, 1.5], 1, 2, 0, 2, new Float64Array(2), new Uint32Array(2))).toThrow(StatsInputError);
  });
});
