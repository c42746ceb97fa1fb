// The scipy.stats.spearmanr fixture (spearman.json) and the one check every Spearman path is held to:
// each cell's n, rho (1e-12 relative) and p (1e-10 relative), or the same typed reason for an undefined cell.
import { expect } from "vitest";
import { spearmanCell, type SpearmanMatrixResult } from "../../../compute/stats/spearman.js";
import { expectClose, loadFixture, type JsonNumber } from "./fixture-helpers.js";

export interface SpearmanFixtureCell {
  n: number;
  rho: number | null;
  p: number | null;
  reason?: string;
}
export interface SpearmanFixtureCase {
  name: string;
  features: JsonNumber[][];
  targets: JsonNumber[][];
  cells: SpearmanFixtureCell[][];
}
export const spearmanFixture = loadFixture<{ cases: SpearmanFixtureCase[] }>("spearman.json");

export function expectSpearmanFixtureCells(result: SpearmanMatrixResult, c: SpearmanFixtureCase): void {
  c.cells.forEach((row, i) =>
    row.forEach((expected, j) => {
      const cell = spearmanCell(result, i, j);
      const label = `${c.name} (${i},${j})`;
      if (expected.rho === null) {
        expect(cell, label).toEqual({ ok: false, reason: expected.reason, details: { n: expected.n } });
        return;
      }
      if (!cell.ok) throw new Error(`${label}: expected a value, got ${cell.reason}`);
      expect(cell.n, label).toBe(expected.n);
      expectClose(cell.rho, expected.rho, 1e-12, 1e-15, `${label} rho`);
      // p is as accurate as rho allows: near |rho| = 1 its relative condition number is ~2ν/(1−ρ²),
      // so one ulp of rho (scipy's and ours differ in the last bit) moves p = 1e-242 by ~1e-11.
      expectClose(cell.p, expected.p!, 1e-10, 0, `${label} p`);
    }),
  );
}
