// The leakage test: on pure noise (60 patients × 2,000 features), choosing the top features
// by Mann–Whitney on ALL patients and then cross-validating gives an optimistic AUC, while the
// platform's pre-filter inside each training fold gives an AUC whose 95 % CI covers 0.5.
import { describe, expect, it } from "vitest";
import { nestedCrossValidatedLogistic, selectColumns } from "../../../../compute/models/logistic/index.js";
import { mannWhitneyMatrix } from "../../../../compute/stats/index.js";
import { noiseCohort } from "../synthetic-cohorts.js";

function topByMannWhitneyOnAllRows(X: { rows: number; cols: number; data: Float64Array }, y: Uint8Array, keep: number): number[] {
  const t = new Float64Array(X.rows * X.cols);
  for (let i = 0; i < X.rows; i++) for (let j = 0; j < X.cols; j++) t[j * X.rows + i] = X.data[i * X.cols + j]!;
  const mw = mannWhitneyMatrix({ rows: X.cols, cols: X.rows, data: t }, { rows: 1, cols: X.rows, data: Float64Array.from(y) });
  return Array.from({ length: X.cols }, (_, j) => j)
    .sort((a, b) => mw.p[a]! - mw.p[b]!)
    .slice(0, keep);
}

describe("no leakage: pre-filtering inside the folds", () => {
  const { X, y } = noiseCohort(60, 2000, 30, 20261206);
  const keep = 10;

  it("filtering on all patients first gives an optimistic AUC on pure noise", () => {
    const leaked = selectColumns(X, topByMannWhitneyOnAllRows(X, y, keep));
    const r = nestedCrossValidatedLogistic(leaked, y, { seed: 5 });
    expect(r.auc).toBeGreaterThan(0.7);
    expect(r.ci95[0]).toBeGreaterThan(0.5);
  });

  it("the platform's filter inside each training fold reports an AUC whose CI covers 0.5", () => {
    const r = nestedCrossValidatedLogistic(X, y, { seed: 5, preFilter: { keep } });
    expect(r.ci95[0]).toBeLessThan(0.5);
    expect(r.ci95[1]).toBeGreaterThan(0.5);
    expect(r.auc).toBeLessThan(0.7);
    // and each fold's kept columns differ from the all-patient choice (they saw other labels)
    const global = new Set(topByMannWhitneyOnAllRows(X, y, keep));
    for (const fold of r.folds) {
      expect(fold.selectedFeatures.length).toBe(keep);
      expect(Array.from(fold.selectedFeatures).every((j) => global.has(j))).toBe(false);
    }
  });
});
