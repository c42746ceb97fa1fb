import { describe, expect, it } from "vitest";
import * as stats from "../../../compute/stats/index.js";

describe("compute/stats public API", () => {
  it("exports the kernels named in the API summary", () => {
    for (const name of [
      "spearmanMatrix",
      "spearmanCell",
      "benjaminiHochberg",
      "qValueAt",
      "mannWhitney",
      "mannWhitneyMatrix",
      "zScorePathwayScores",
      "ssgsea",
      "averageRanks",
      "sliceRows",
      "rocAuc",
      "rocCurve",
      "delongAucCi",
      "bootstrapAucCi",
      "stratifiedKFold",
      "normalQuantile",
    ]) {
      expect(typeof (stats as Record<string, unknown>)[name], name).toBe("function");
    }
  });

  it("chunks computed on sliceRows of the targets equal the whole matrix", () => {
    const n = 23;
    const f = stats.matrix(3, n, Float64Array.from({ length: 3 * n }, (_, i) => Math.sin(i * 1.7)));
    const t = stats.matrix(10, n, Float64Array.from({ length: 10 * n }, (_, i) => Math.cos(i * 0.37) + (i % 5 === 0 ? NaN : 0)));
    const whole = stats.spearmanMatrix(f, t);
    const parts = [stats.sliceRows(t, 0, 4), stats.sliceRows(t, 4, 10)].map((chunk) => stats.spearmanMatrix(f, chunk));
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 10; j++) {
        const part = j < 4 ? stats.spearmanCell(parts[0]!, i, j) : stats.spearmanCell(parts[1]!, i, j - 4);
        expect(part).toEqual(stats.spearmanCell(whole, i, j));
      }
    }
  });
});
