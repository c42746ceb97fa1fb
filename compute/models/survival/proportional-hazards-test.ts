// Proportional-hazards check from scaled Schoenfeld residuals (Grambsch & Therneau 1994), as lifelines
// proportional_hazard_test(fit, df, time_transform="km"): g(t) = 1 − KM(t) (chosen over "rank" because
// lifelines' rank transform depends on the unstable sort order of tied times; "km" is order-free).
//   per covariate j: T_j = (Σ_k (g_k − ḡ) s*_kj)² / (d · se_j² · Σ_k (g_k − ḡ)²) ~ χ²₁, s* = d · r · Cov(β)
//   global (same V ≈ Cov·d approximation, old R cox.zph): d · uᵀ Cov u / Σ(g − ḡ)², u = Σ_k (g_k − ḡ) r_k, ~ χ²_p.
// r_k = Efron Schoenfeld residual of event k: x_k − Σ_l (R_x − (l/d)D_x) / (d (R − (l/d) D)) at its time.
import type { Matrix } from "../../stats/matrix.js";
import { checkCovariates, checkSurvival } from "./input-checks.js";
import { kaplanMeierCurve } from "./kaplan-meier.js";
import { chiSquareSf } from "./log-rank.js";
import { descendingTimeOrder } from "./efron-partial-likelihood.js";
import type { CoxFit, SurvivalData } from "./types.js";

export interface ProportionalHazardsTest {
  timeTransform: "km";
  covariates: { name: string; statistic: number; p: number }[];
  global: { statistic: number; df: number; p: number };
}

/** Efron Schoenfeld residuals of the event rows (d × p, row order = the `eventRows` returned). */
export function schoenfeldResiduals(fit: CoxFit, X: Matrix, data: SurvivalData): { residuals: Float64Array; eventRows: Uint32Array } {
  const n = X.rows, p = X.cols, beta = fit.coefficients;
  const order = descendingTimeOrder(data.time);
  const xc = (i: number, j: number) => X.data[i * p + j]! - fit.featureMeans[j]!;
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) { let s = 0; for (let j = 0; j < p; j++) s += beta[j]! * xc(i, j); score[i] = Math.exp(s); }
  const R1 = new Float64Array(p), D1 = new Float64Array(p), mean = new Float64Array(p);
  const out: number[] = [], rows: number[] = [];
  let R0 = 0;
  for (let s = 0; s < n; ) {
    const t = data.time[order[s]!]!;
    const tied: number[] = [];
    let D0 = 0;
    D1.fill(0);
    while (s < n && data.time[order[s]!] === t) {
      const i = order[s++]!;
      R0 += score[i]!;
      for (let j = 0; j < p; j++) R1[j]! += score[i]! * xc(i, j);
      if (data.event[i] === 1) { tied.push(i); D0 += score[i]!; for (let j = 0; j < p; j++) D1[j]! += score[i]! * xc(i, j); }
    }
    const d = tied.length;
    if (d === 0) continue;
    mean.fill(0);
    for (let l = 0; l < d; l++) for (let j = 0; j < p; j++) mean[j]! += (R1[j]! - (l / d) * D1[j]!) / ((R0 - (l / d) * D0) * d);
    for (const i of tied) { rows.push(i); for (let j = 0; j < p; j++) out.push(xc(i, j) - mean[j]!); }
  }
  return { residuals: Float64Array.from(out), eventRows: Uint32Array.from(rows) };
}

export function proportionalHazardsTest(fit: CoxFit, X: Matrix, data: SurvivalData): ProportionalHazardsTest {
  checkSurvival(data, 2);
  checkCovariates(X, data.time.length);
  const p = X.cols;
  const { residuals, eventRows } = schoenfeldResiduals(fit, X, data);
  const d = eventRows.length;
  const km = kaplanMeierCurve(data);
  const g = Float64Array.from(eventRows, (i) => {
    const t = data.time[i]!;
    let lo = 0, hi = km.times.length - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (km.times[mid]! < t) lo = mid + 1; else hi = mid; }
    return 1 - km.survival[lo]!;
  });
  let gMean = 0;
  g.forEach((v) => (gMean += v));
  gMean /= d;
  let gss = 0;
  const u = new Float64Array(p);
  for (let k = 0; k < d; k++) {
    const c = g[k]! - gMean;
    gss += c * c;
    for (let j = 0; j < p; j++) u[j]! += c * residuals[k * p + j]!;
  }
  const V = fit.covariance;
  const Vu = new Float64Array(p);
  for (let j = 0; j < p; j++) for (let m = 0; m < p; m++) Vu[j]! += V[j * p + m]! * u[m]!;
  const covariates = fit.names.map((name, j) => {
    const statistic = (d * d * Vu[j]! * Vu[j]!) / (d * V[j * p + j]! * gss);
    return { name, statistic, p: chiSquareSf(statistic, 1) };
  });
  let quad = 0;
  for (let j = 0; j < p; j++) quad += u[j]! * Vu[j]!;
  const statistic = (d * quad) / gss;
  return { timeTransform: "km", covariates, global: { statistic, df: p, p: chiSquareSf(statistic, p) } };
}
