// IBSI grey level co-occurrence matrix features (family LFYI): symmetric co-occurrence of grey levels
// i and j between ROI voxels at Chebyshev distance δ along a direction, both voxels in the intensity mask.
import { DenseCountMatrix } from "./count-matrix.js";
import { roiVoxels, type RoiGrid } from "./roi.js";
import { aggregateDirectional, type DirectionalMatrixFamily, type Offset } from "./texture-aggregation.js";
import {
  DIRECTIONAL_AGGREGATIONS, allUndefined, evaluateFormulas, ratio, toResult, undefinedBecause, valueOf,
  type Aggregation, type FeatureFormula, type FeatureResult,
} from "./types.js";

/** Every quantity the GLCM formulas need, computed once per matrix (p = normalised matrix). */
export interface GlcmTerms {
  readonly ng: number;
  readonly jointMaximum: number;
  readonly jointAverage: number;   // μ = Σ i p_ij
  readonly jointVariance: number;  // Σ (i - μ)² p_ij
  readonly jointEntropy: number;
  readonly diff: Float64Array;     // p_{x-y}(k), k = 0..Ng-1
  readonly sum: Float64Array;      // p_{x+y}(k), k = 0..2Ng (k < 2 unused)
  readonly difference: Moments;    // of p_{x-y}
  readonly sumOf: Moments;         // of p_{x+y}
  readonly angularSecondMoment: number;
  readonly contrast: number;
  readonly dissimilarity: number;
  readonly inverseDifference: number;
  readonly normalisedInverseDifference: number;
  readonly inverseDifferenceMoment: number;
  readonly normalisedInverseDifferenceMoment: number;
  readonly autocorrelation: number;  // Σ i j p_ij
  readonly muX: number; readonly muY: number; readonly sigmaX: number; readonly sigmaY: number;
  readonly clusterTendency: number; readonly clusterShade: number; readonly clusterProminence: number;
  readonly hx: number; readonly hxy: number; readonly hxy1: number; readonly hxy2: number;
}

export function glcmTerms(m: DenseCountMatrix): GlcmTerms | undefined {
  const ng = m.levelCount;
  const c = m.data;
  const cells = m.nonZeroCells();
  let total = 0;
  for (const x of cells) total += c[x]!;
  if (total === 0) return undefined;
  const px = new Float64Array(ng + 1), py = new Float64Array(ng + 1);
  const diff = new Float64Array(ng), sum = new Float64Array(2 * ng + 1);
  let jointMaximum = 0, jointEntropy = 0, asm = 0, contrast = 0, dissimilarity = 0;
  let id = 0, nid = 0, idm = 0, nidm = 0, autocorrelation = 0;
  for (const x of cells) {
    const i = Math.floor(x / ng) + 1, j = (x % ng) + 1;
    const p = c[x]! / total;
    const k = Math.abs(i - j);
    px[i]! += p; py[j]! += p; diff[k]! += p; sum[i + j]! += p;
    if (p > jointMaximum) jointMaximum = p;
    jointEntropy -= p * Math.log2(p);
    asm += p * p;
    contrast += k * k * p;
    dissimilarity += k * p;
    id += p / (1 + k);
    nid += p / (1 + k / ng);
    idm += p / (1 + k * k);
    nidm += p / (1 + (k * k) / (ng * ng));
    autocorrelation += i * j * p;
  }
  const presentX: number[] = [], presentY: number[] = [];
  let muX = 0, muY = 0, hx = 0, hy = 0;
  for (let i = 1; i <= ng; i++) {
    if (px[i]! > 0) { presentX.push(i); muX += i * px[i]!; hx -= px[i]! * Math.log2(px[i]!); }
    if (py[i]! > 0) { presentY.push(i); muY += i * py[i]!; hy -= py[i]! * Math.log2(py[i]!); }
  }
  let varX = 0, varY = 0;
  for (const i of presentX) varX += (i - muX) ** 2 * px[i]!;
  for (const j of presentY) varY += (j - muY) ** 2 * py[j]!;
  // HXY2 = -Σ_ij p_x(i) p_y(j) log2(p_x(i) p_y(j)) = HX + HY, since both marginals sum to 1.
  const hxy2 = hx + hy;
  let jointVariance = 0, tendency = 0, shade = 0, prominence = 0, hxy1 = 0;
  for (const x of cells) {
    const i = Math.floor(x / ng) + 1, j = (x % ng) + 1;
    const p = c[x]! / total;
    jointVariance += (i - muX) ** 2 * p;
    const s = i + j - muX - muY;
    tendency += s * s * p; shade += s * s * s * p; prominence += s * s * s * s * p;
    hxy1 -= p * Math.log2(px[i]! * py[j]!);
  }
  return {
    ng, jointMaximum, jointAverage: muX, jointVariance, jointEntropy, diff, sum,
    difference: moments(diff, 0), sumOf: moments(sum, 2), angularSecondMoment: asm,
    contrast, dissimilarity, inverseDifference: id, normalisedInverseDifference: nid,
    inverseDifferenceMoment: idm, normalisedInverseDifferenceMoment: nidm, autocorrelation,
    muX, muY, sigmaX: Math.sqrt(varX), sigmaY: Math.sqrt(varY),
    clusterTendency: tendency, clusterShade: shade, clusterProminence: prominence,
    hx: Math.max(hx, hy), hxy: jointEntropy, hxy1, hxy2,
  };
}

interface Moments { readonly mean: number; readonly variance: number; readonly entropy: number }

function moments(p: Float64Array, from: number): Moments {
  let mean = 0, entropy = 0;
  for (let k = from; k < p.length; k++) { mean += k * p[k]!; if (p[k]! > 0) entropy -= p[k]! * Math.log2(p[k]!); }
  let variance = 0;
  for (let k = from; k < p.length; k++) variance += (k - mean) ** 2 * p[k]!;
  return { mean, variance, entropy };
}

type F = FeatureFormula<GlcmTerms>;
const f = (key: string, name: string, ibsiCode: string, description: string, compute: F["compute"]): F =>
  ({ key: `cm_${key}`, name, family: "glcm", ibsiCode, unit: "", description, compute });

export const GLCM_FORMULAS: readonly F[] = [
  // GYBY: max p_ij
  f("joint_maximum", "Joint maximum", "GYBY", "max p_ij", (t) => valueOf(t.jointMaximum)),
  // 60VM: Σ i p_ij
  f("joint_average", "Joint average", "60VM", "Σ i p_ij", (t) => valueOf(t.jointAverage)),
  // UR99: Σ (i - μ)² p_ij
  f("joint_variance", "Joint variance", "UR99", "Σ (i - μ)² p_ij", (t) => valueOf(t.jointVariance)),
  // TU9B: -Σ p_ij log2 p_ij
  f("joint_entropy", "Joint entropy", "TU9B", "-Σ p_ij log2 p_ij", (t) => valueOf(t.jointEntropy)),
  // TF7R: Σ k p_{x-y}(k)
  f("difference_average", "Difference average", "TF7R", "Σ k p_{x-y}(k)", (t) => valueOf(t.difference.mean)),
  // D3YU: Σ (k - μ_{x-y})² p_{x-y}(k)
  f("difference_variance", "Difference variance", "D3YU", "Σ (k - μ_{x-y})² p_{x-y}(k)", (t) => valueOf(t.difference.variance)),
  // NTRS: -Σ p_{x-y}(k) log2 p_{x-y}(k)
  f("difference_entropy", "Difference entropy", "NTRS", "-Σ p_{x-y}(k) log2 p_{x-y}(k)", (t) => valueOf(t.difference.entropy)),
  // ZGXS: Σ k p_{x+y}(k)
  f("sum_average", "Sum average", "ZGXS", "Σ k p_{x+y}(k)", (t) => valueOf(t.sumOf.mean)),
  // OEEB: Σ (k - μ_{x+y})² p_{x+y}(k)
  f("sum_variance", "Sum variance", "OEEB", "Σ (k - μ_{x+y})² p_{x+y}(k)", (t) => valueOf(t.sumOf.variance)),
  // P6QZ: -Σ p_{x+y}(k) log2 p_{x+y}(k)
  f("sum_entropy", "Sum entropy", "P6QZ", "-Σ p_{x+y}(k) log2 p_{x+y}(k)", (t) => valueOf(t.sumOf.entropy)),
  // 8ZQL: Σ p_ij²
  f("angular_second_moment", "Angular second moment", "8ZQL", "Σ p_ij²", (t) => valueOf(t.angularSecondMoment)),
  // ACUI: Σ (i - j)² p_ij
  f("contrast", "Contrast", "ACUI", "Σ (i - j)² p_ij", (t) => valueOf(t.contrast)),
  // 8S9J: Σ |i - j| p_ij
  f("dissimilarity", "Dissimilarity", "8S9J", "Σ |i - j| p_ij", (t) => valueOf(t.dissimilarity)),
  // IB1Z: Σ p_ij / (1 + |i - j|)
  f("inverse_difference", "Inverse difference", "IB1Z", "Σ p_ij / (1 + |i - j|)", (t) => valueOf(t.inverseDifference)),
  // NDRX: Σ p_ij / (1 + |i - j| / Ng)
  f("normalised_inverse_difference", "Normalised inverse difference", "NDRX", "Σ p_ij / (1 + |i - j| / Ng)", (t) => valueOf(t.normalisedInverseDifference)),
  // WF0Z: Σ p_ij / (1 + (i - j)²)
  f("inverse_difference_moment", "Inverse difference moment", "WF0Z", "Σ p_ij / (1 + (i - j)²)", (t) => valueOf(t.inverseDifferenceMoment)),
  // 1QCO: Σ p_ij / (1 + (i - j)² / Ng²)
  f("normalised_inverse_difference_moment", "Normalised inverse difference moment", "1QCO", "Σ p_ij / (1 + (i - j)² / Ng²)", (t) => valueOf(t.normalisedInverseDifferenceMoment)),
  // E8JP: Σ_{k>=1} p_{x-y}(k) / k²
  f("inverse_variance", "Inverse variance", "E8JP", "Σ_{k>=1} p_{x-y}(k) / k²", (t) => {
    let s = 0;
    for (let k = 1; k < t.diff.length; k++) s += t.diff[k]! / (k * k);
    return valueOf(s);
  }),
  // NI2N: (Σ i j p_ij - μ_x μ_y) / (σ_x σ_y)
  f("correlation", "Correlation", "NI2N", "(Σ i j p_ij - μ_x μ_y) / (σ_x σ_y)", (t) =>
    ratio(t.autocorrelation - t.muX * t.muY, t.sigmaX * t.sigmaY, "the marginal distribution has zero variance (a single grey level)")),
  // QWB0: Σ i j p_ij
  f("autocorrelation", "Autocorrelation", "QWB0", "Σ i j p_ij", (t) => valueOf(t.autocorrelation)),
  // DG8W: Σ (i + j - μ_x - μ_y)² p_ij
  f("cluster_tendency", "Cluster tendency", "DG8W", "Σ (i + j - μ_x - μ_y)² p_ij", (t) => valueOf(t.clusterTendency)),
  // 7NFM: Σ (i + j - μ_x - μ_y)³ p_ij
  f("cluster_shade", "Cluster shade", "7NFM", "Σ (i + j - μ_x - μ_y)³ p_ij", (t) => valueOf(t.clusterShade)),
  // AE86: Σ (i + j - μ_x - μ_y)⁴ p_ij
  f("cluster_prominence", "Cluster prominence", "AE86", "Σ (i + j - μ_x - μ_y)⁴ p_ij", (t) => valueOf(t.clusterProminence)),
  // R8DG: (HXY - HXY1) / HX
  f("information_correlation_1", "Information correlation 1", "R8DG", "(HXY - HXY1) / HX", (t) =>
    ratio(t.hxy - t.hxy1, t.hx, "the marginal entropy HX is zero (a single grey level)")),
  // JN9H: sqrt(1 - exp(-2 (HXY2 - HXY)))
  f("information_correlation_2", "Information correlation 2", "JN9H", "sqrt(1 - exp(-2 (HXY2 - HXY)))", (t) =>
    valueOf(Math.sqrt(Math.max(0, 1 - Math.exp(-2 * (t.hxy2 - t.hxy)))))),
];

export const NO_PAIRS = "no pair of neighbouring ROI voxels exists for this matrix";

/**
 * Adds the symmetric co-occurrences along one direction (scaled by δ) within slice k or the volume: each
 * pair counted once as (g[v], g[v + step]), then the matrix made symmetric (the same counts, cell order and
 * values as adding both orientations pair by pair).
 */
export function buildGlcm(roi: RoiGrid, direction: Offset, k: number | undefined, distance: number, into: DenseCountMatrix): void {
  into.reset();
  const [nx, ny] = roi.size;
  const step = distance * (direction[0] + nx * (direction[1] + ny * direction[2]));
  const g = roi.greyLevels;
  if (k === undefined) {
    // The whole volume: only the ROI's voxels (the grid's margin keeps v + step inside it).
    const list = roiVoxels(roi);
    for (let t = 0; t < list.length; t++) {
      const v = list[t]!;
      const b = g[v + step]!;
      if (b !== 0) into.add(g[v]!, b);
    }
  } else {
    for (let v = k * nx * ny, end = (k + 1) * nx * ny; v < end; v++) {
      const a = g[v]!;
      if (a === 0) continue;
      const b = g[v + step]!;
      if (b !== 0) into.add(a, b);
    }
  }
  into.symmetrise();
}

function glcmFamily(ng: number, distance: number): DirectionalMatrixFamily<DenseCountMatrix> {
  return {
    featureCount: GLCM_FORMULAS.length,
    create: () => new DenseCountMatrix(ng, ng),
    reset: (m) => m.reset(),
    build: (roi, d, k, into) => buildGlcm(roi, d, k, distance, into),
    merge: (t, s) => t.merge(s),
    features: (m) => {
      const terms = glcmTerms(m);
      return terms ? evaluateFormulas(GLCM_FORMULAS, terms) : allUndefined(GLCM_FORMULAS, NO_PAIRS);
    },
  };
}

export function computeGlcm(roi: RoiGrid | undefined, wanted: ReadonlySet<Aggregation>, distance: number): FeatureResult[] {
  const aggregations = DIRECTIONAL_AGGREGATIONS.filter((a) => wanted.has(a));
  if (!roi || roi.intensityVoxelCount === 0) {
    return aggregations.flatMap((a) => GLCM_FORMULAS.map((d) => toResult(d, undefinedBecause("the intensity mask is empty"), a)));
  }
  const byAggregation = aggregateDirectional(glcmFamily(roi.numberOfGreyLevels, distance), roi, new Set(aggregations), NO_PAIRS);
  return aggregations.flatMap((a) => GLCM_FORMULAS.map((d, n) => toResult(d, byAggregation.get(a)![n]!, a)));
}
