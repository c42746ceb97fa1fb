// Penalised Cox CV: folds stratified on the event, a planted covariate drives the CV C well above 0.5,
// while on pure noise the honest nested C stays near 0.5 (no selection leakage).
import { describe, expect, it } from "vitest";
import { nestedPenalisedCoxCv, penalisedCoxCv } from "../../../../compute/models/survival/index.js";
import { SeededRandom } from "../../../../compute/seeded-random.js";

function cohort(seed: number, planted: number) {
  const rng = new SeededRandom(seed), n = 200, p = 20;
  const X = { rows: n, cols: p, data: new Float64Array(n * p) };
  const time = new Float64Array(n), event = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) X.data[i * p + j] = rng.normal();
    const t = -Math.log(Math.max(rng.next(), 1e-12)) * Math.exp(-planted * X.data[i * p]!), c = -Math.log(Math.max(rng.next(), 1e-12)) * 2;
    time[i] = Math.min(t, c); event[i] = t <= c ? 1 : 0;
  }
  return { X, data: { time, event } };
}

describe("penalisedCoxCv", () => {
  it("planted effect: chosen penalizer's CV C > 0.65, folds balanced in events, deterministic", () => {
    const { X, data } = cohort(1, 1.0);
    const r = penalisedCoxCv(X, data, { seed: 7, penalizers: [0.3, 0.1, 0.03, 0.01] });
    expect(r.concordance).toBeGreaterThan(0.65);
    const ev = r.foldTestIndices.map((f) => Array.from(f).reduce((a, i) => a + data.event[i]!, 0));
    expect(Math.max(...ev) - Math.min(...ev)).toBeLessThanOrEqual(1);
    expect(penalisedCoxCv(X, data, { seed: 7, penalizers: [0.3, 0.1, 0.03, 0.01] }).cvConcordance).toEqual(r.cvConcordance);
    expect(r.finalModel.coefficients[0]).toBeGreaterThan(0);
  });
  it("pure noise: nested out-of-fold C near 0.5", () => {
    const { X, data } = cohort(2, 0);
    const r = nestedPenalisedCoxCv(X, data, { seed: 3, penalizers: [1, 0.1, 0.01], folds: 4, outerFolds: 4 });
    expect(Math.abs(r.concordance - 0.5)).toBeLessThan(0.08);
    expect(r.outerFolds).toHaveLength(4);
  });
});
