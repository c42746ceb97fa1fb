// rocAuc / rocCurve vs scikit-learn 1.9 (roc_auc_score, roc_curve), delongAucCi vs pROC 1.18
// (var / ci.auc method = "delong"), MLstatkit 0.1.91 and rocauc-comparison 0.1.1, and the pROC
// manual's worked example (aSAH s100b: 95 % CI 0.6301–0.8326). Fixture: test/compute/models/fixtures/roc.json.
import { describe, expect, it } from "vitest";
import { bootstrapAucCi, delongAucCi, normalQuantile, rocAuc, rocCurve, StatsInputError } from "../../../compute/stats/index.js";
import { loadModelFixture } from "../models/fixture-helpers.js";
import { decodeAll, expectClose, type JsonNumber } from "./fixture-helpers.js";

interface RocCase {
  name: string;
  scores: number[];
  y: number[];
  rocAuc: number;
  curve: { fpr: number[]; tpr: number[]; thresholds: JsonNumber[] };
  pROC?: { auc: number; variance: number; ci95: [number, number] };
  MLstatkit?: { auc: number; ci95: [number, number] };
  rocaucComparison?: { auc: number; variance: number };
}
const fixture = loadModelFixture<{ meta: { aSAHDocumented: { ci95: [number, number]; auc: number } }; cases: RocCase[] }>("roc.json");

describe("rocAuc and rocCurve vs scikit-learn", () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      // our AUC is the exact rank count divided once; sklearn's trapezoid sum may differ in the last bit
      expectClose(rocAuc(c.scores, c.y), c.rocAuc, 0, 2e-16, "AUC");
      const curve = rocCurve(c.scores, c.y);
      expect(Array.from(curve.thresholds)).toEqual(Array.from(decodeAll(c.curve.thresholds)));
      expect(curve.fpr.length).toBe(c.curve.fpr.length);
      c.curve.fpr.forEach((v, k) => expectClose(curve.fpr[k]!, v, 0, 1e-15, `fpr ${k}`));
      c.curve.tpr.forEach((v, k) => expectClose(curve.tpr[k]!, v, 0, 1e-15, `tpr ${k}`));
    });
  }
  it("refuses one class, NaN and bad labels with a typed error", () => {
    expect(() => rocAuc([1, 2, 3], [1, 1, 1])).toThrow(/both classes/);
    expect(() => rocAuc([1, NaN, 3], [1, 0, 1])).toThrow(StatsInputError);
    expect(() => rocAuc([1, 2, 3], [1, 0, 2])).toThrow(/1 \(positive\) or 0/);
    expect(() => rocAuc([1, 2], [1, 0, 1])).toThrow(/same length/);
  });
});

describe("delongAucCi vs pROC, MLstatkit and rocauc-comparison", () => {
  for (const c of fixture.cases.filter((k) => k.pROC !== undefined)) {
    it(c.name, () => {
      const r = delongAucCi(c.scores, c.y);
      expectClose(r.auc, c.pROC!.auc, 1e-14, 1e-15, "AUC");
      expectClose(r.variance, c.pROC!.variance, 1e-10, 1e-18, "variance (pROC)");
      expectClose(r.variance, c.rocaucComparison!.variance, 1e-10, 1e-18, "variance (rocauc-comparison)");
      expectClose(r.ci95[0], c.pROC!.ci95[0], 1e-12, 1e-14, "lower (pROC)");
      expectClose(r.ci95[1], c.pROC!.ci95[1], 1e-12, 1e-14, "upper (pROC)");
      expectClose(r.ci95[0], c.MLstatkit!.ci95[0], 1e-12, 1e-14, "lower (MLstatkit)");
      expectClose(r.ci95[1], c.MLstatkit!.ci95[1], 1e-12, 1e-14, "upper (MLstatkit)");
    });
  }
  it("reproduces the pROC manual's worked example to the printed digits", () => {
    const c = fixture.cases.find((k) => k.name.startsWith("pROC aSAH"))!;
    const r = delongAucCi(c.scores, c.y);
    const documented = fixture.meta.aSAHDocumented;
    expect(r.auc.toFixed(4)).toBe(documented.auc.toFixed(4));
    expect(r.ci95.map((v) => v.toFixed(4))).toEqual(documented.ci95.map((v) => v.toFixed(4)));
  });
  it("needs two of each class", () => {
    expect(() => delongAucCi([0.3, 0.2, 0.9, 0.5], [0, 0, 1, 0])).toThrow(/at least 2 positives/);
  });
  it("normalQuantile matches known values", () => {
    expectClose(normalQuantile(0.975), 1.959963984540054, 1e-15);
    expectClose(normalQuantile(1e-10), -6.361340902404056, 1e-14);
    expectClose(normalQuantile(0.5), 0, 0, 0);
  });
});

describe("bootstrapAucCi", () => {
  const c = fixture.cases[0]!;
  it("is reproducible by seed, brackets the AUC and is close to DeLong on a moderate sample", () => {
    const a = bootstrapAucCi(c.scores, c.y, { seed: 11, samples: 2000 });
    const b = bootstrapAucCi(c.scores, c.y, { seed: 11, samples: 2000 });
    expect(a.ci95).toEqual(b.ci95);
    expect(a.ci95[0]).toBeLessThan(a.auc);
    expect(a.ci95[1]).toBeGreaterThan(a.auc);
    const d = delongAucCi(c.scores, c.y);
    expect(Math.abs(a.ci95[0] - d.ci95[0])).toBeLessThan(0.03);
    expect(Math.abs(a.ci95[1] - d.ci95[1])).toBeLessThan(0.03);
    expect(bootstrapAucCi(c.scores, c.y, { seed: 12, samples: 2000 }).ci95).not.toEqual(a.ci95);
  });
});
