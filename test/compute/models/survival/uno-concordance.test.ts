// Uno's IPCW C against scikit-survival 0.28.0 concordance_index_ipcw (fixture: make_survival_fixtures.py).
import { describe, expect, it } from "vitest";
import { unoConcordance } from "../../../../compute/models/survival/index.js";
import { loadModelFixture } from "../fixture-helpers.js";

interface Fx { T: number[]; E: number[]; concordance: { risk: number[]; riskTied: number[] }; uno: { name: string; tau: number | null; c: number; testRows?: number[] }[] }
const fx = loadModelFixture<Fx>("survival.json");
const all = { time: fx.T, event: fx.E };

describe("Uno's C vs sksurv concordance_index_ipcw", () => {
  for (const ref of fx.uno) {
    it(ref.name, () => {
      const risk = ref.name === "tied-scores" ? fx.concordance.riskTied : fx.concordance.risk;
      let c: number;
      if (ref.testRows) {
        const rows = ref.testRows;
        const train = { time: fx.T.slice(0, 80), event: fx.E.slice(0, 80) };
        c = unoConcordance(train, { time: rows.map((i) => fx.T[i]!), event: rows.map((i) => fx.E[i]!) }, rows.map((i) => risk[i]!));
      } else c = unoConcordance(all, all, risk, ref.tau === null ? {} : { tau: ref.tau });
      expect(Math.abs(c - ref.c)).toBeLessThanOrEqual(1e-12);
    });
  }
});
