// Nested Cox model comparison: the LR test between nested full-data fits equals the one from lifelines'
// log-likelihoods (fixture), and on a planted cohort adding the informative block raises the out-of-fold C.
import { describe, expect, it } from "vitest";
import { combinedCoxModels } from "../../../../compute/models/survival/index.js";
import { matrixFromRows } from "../../../../compute/stats/matrix.js";
import { SeededRandom } from "../../../../compute/seeded-random.js";
import { chiSquareSf } from "../../../../compute/models/survival/log-rank.js";
import { loadModelFixture } from "../fixture-helpers.js";

interface Fx { X: number[][]; T: number[]; E: number[]; cox: { logLikelihood: number }[]; coxUnivariate: { logLikelihood: number }[] }
const fx = loadModelFixture<Fx>("survival.json");

describe("combinedCoxModels", () => {
  it("LR test x0 ⊂ x0…x4 matches lifelines' log-likelihoods", () => {
    const r = combinedCoxModels(matrixFromRows(fx.X), { time: fx.T, event: fx.E }, [
      { name: "x0", columns: [0] },
      { name: "all", columns: [0, 1, 2, 3, 4] },
    ], { seed: 3, bootstrapSamples: 50 });
    const expected = 2 * (fx.cox[0]!.logLikelihood - fx.coxUnivariate[0]!.logLikelihood);
    const lr = r.models[1]!.likelihoodRatio!;
    expect(lr.df).toBe(4);
    expect(Math.abs(lr.statistic - expected)).toBeLessThan(1e-6 * expected);
    expect(Math.abs(lr.p - chiSquareSf(expected, 4))).toBeLessThan(1e-9);
  });

  it("planted block raises the out-of-fold C; the increment CI excludes 0; non-nested pair has no LR", () => {
    const rng = new SeededRandom(11);
    const n = 300, rows: number[][] = [], time: number[] = [], event: number[] = [];
    for (let i = 0; i < n; i++) {
      const clinical = rng.normal(), genomic = rng.normal(), radiomic = rng.normal();
      const t = -Math.log(Math.max(rng.next(), 1e-12)) * Math.exp(-(0.3 * clinical + 1.0 * radiomic)), c = -Math.log(Math.max(rng.next(), 1e-12)) * 1.5;
      rows.push([clinical, genomic, radiomic]); time.push(Math.min(t, c)); event.push(t <= c ? 1 : 0);
    }
    const r = combinedCoxModels(matrixFromRows(rows), { time, event }, [
      { name: "clinical", columns: [0] },
      { name: "clinical+genomic", columns: [0, 1] },
      { name: "clinical+radiomic", columns: [0, 2] },
      { name: "all", columns: [0, 1, 2] },
    ], { seed: 5, bootstrapSamples: 200 });
    const [clin, , rad, all] = r.models;
    expect(all!.outOfFoldConcordance).toBeGreaterThan(clin!.outOfFoldConcordance + 0.05);
    expect(rad!.increment!.ci95[0]).toBeGreaterThan(0);
    expect(rad!.likelihoodRatio).toBeNull(); // clinical+genomic ⊄ clinical+radiomic
    expect(all!.likelihoodRatio!.df).toBe(1); // all vs clinical+radiomic adds the (null) genomic column
  });
});
