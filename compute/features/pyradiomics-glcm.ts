// pyradiomics' glcm values where its definition goes beyond IBSI's, per 3D direction then averaged over
// the directions that have neighbour pairs (pyradiomics' nanmean over angles):
//   Correlation = 1 where σx σy = 0 and Imc1 = 0 where max(HX, HY) = 0 (IBSI: undefined);
//   MCC = sqrt(second largest eigenvalue of Q), Q(i,j) = Σ_k p(i,k) p(j,k) / (px(i) py(k)); 1 for a flat ROI.
import { DenseCountMatrix } from "./count-matrix.js";
import { buildGlcm, GLCM_FORMULAS, glcmTerms, NO_PAIRS } from "./glcm.js";
import type { RoiGrid } from "./roi.js";
import { DIRECTIONS_3D, OutcomeMean } from "./texture-aggregation.js";
import { allUndefined, evaluateFormulas, toResult, type FeatureResult } from "./types.js";

export interface PyradiomicsGlcmValues {
  readonly Correlation: number;
  readonly Imc1: number;
  readonly MCC: number;
}

/** Eigenvalues of a symmetric n×n matrix (row-major, overwritten) by cyclic Jacobi rotations. */
export function symmetricEigenvalues(a: Float64Array, n: number): number[] {
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p * n + q]! ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        if (apq === 0) continue;
        // Rotation angle that zeroes a_pq: tan 2θ = 2 a_pq / (a_qq - a_pp).
        const theta = (a[q * n + q]! - a[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1), s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p]!, akq = a[k * n + q]!;
          a[k * n + p] = c * akp - s * akq; a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k]!, aqk = a[q * n + k]!;
          a[p * n + k] = c * apk - s * aqk; a[q * n + k] = s * apk + c * aqk;
        }
      }
    }
  }
  return Array.from({ length: n }, (_, i) => a[i * n + i]!);
}

/**
 * Second largest eigenvalue of Q for a symmetric GLCM (px = py): Q is similar to the symmetric
 * S = Dx^-1/2 P Dy^-1 P^T Dx^-1/2 over the levels present in this direction; absent levels add zeros.
 */
function secondEigenvalue(m: DenseCountMatrix, total: number): number {
  const ng = m.levelCount;
  const px = new Float64Array(ng);
  for (let i = 0; i < ng; i++) for (let j = 0; j < ng; j++) px[i]! += m.data[i * ng + j]! / total;
  const present: number[] = [];
  for (let i = 0; i < ng; i++) if (px[i]! > 0) present.push(i);
  const n = present.length;
  if (n < 2) return 0;
  const s = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let b = a; b < n; b++) {
      const i = present[a]!, j = present[b]!;
      let sum = 0;
      for (const k of present) sum += (m.data[i * ng + k]! / total) * (m.data[j * ng + k]! / total) / px[k]!;
      s[a * n + b] = s[b * n + a] = sum / Math.sqrt(px[i]! * px[j]!);
    }
  }
  return symmetricEigenvalues(s, n).sort((x, y) => x - y)[n - 2]!;
}

/** Grey levels present in the intensity mask (pyradiomics removes the others from the GLCM). */
function presentLevelCount(roi: RoiGrid): number {
  const seen = new Uint8Array(roi.numberOfGreyLevels + 1);
  let count = 0;
  for (const level of roi.greyLevels) if (level > 0 && seen[level] === 0) { seen[level] = 1; count++; }
  return count;
}

/**
 * The glcm class in one pass over the 13 directions (distance 1): each direction's matrix gives both the
 * IBSI formulas (their "3D, averaged" results, as computeGlcm) and pyradiomics' Correlation, Imc1 and MCC
 * (undefined without neighbour pairs).
 */
export function pyradiomicsGlcm(roi: RoiGrid): { results: FeatureResult[]; values: PyradiomicsGlcmValues | undefined } {
  const ng = roi.numberOfGreyLevels;
  const flat = presentLevelCount(roi) < 2;
  const m = new DenseCountMatrix(ng, ng);
  const averaged = new OutcomeMean(GLCM_FORMULAS.length);
  let count = 0, correlation = 0, imc1 = 0, mcc = 0, mccCount = 0;
  for (const d of DIRECTIONS_3D) {
    buildGlcm(roi, d, undefined, 1, m);
    const t = glcmTerms(m);
    averaged.add(t ? evaluateFormulas(GLCM_FORMULAS, t) : allUndefined(GLCM_FORMULAS, NO_PAIRS));
    if (!t) continue;
    count++;
    const sigma = t.sigmaX * t.sigmaY;
    correlation += sigma === 0 ? 1 : (t.autocorrelation - t.muX * t.muY) / sigma;
    imc1 += t.hx === 0 ? 0 : (t.hxy - t.hxy1) / t.hx;
    if (flat) continue;
    let total = 0;
    for (const x of m.nonZeroCells()) total += m.data[x]!;
    const lambda = secondEigenvalue(m, total);
    // numpy: sqrt of a (rounding-)negative eigenvalue is NaN, which nanmean skips.
    if (lambda >= 0) { mcc += Math.sqrt(lambda); mccCount++; }
  }
  const results = averaged.result(NO_PAIRS).map((o, n) => toResult(GLCM_FORMULAS[n]!, o, "3D, averaged"));
  return { results, values: count === 0 ? undefined : { Correlation: correlation / count, Imc1: imc1 / count, MCC: flat ? 1 : mcc / mccCount } };
}
