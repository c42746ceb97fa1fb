// IBSI neighbourhood grey tone difference matrix features (family IPET): for grey level i, n_i voxels and
// s_i = Σ |i - Ā| with Ā the mean grey level of the voxel's ROI neighbours within Chebyshev distance δ.
// Voxels without any ROI neighbour are left out (IBSI), or counted with s 0 (`countIsolated`, pyradiomics'
// calculate_ngtdm: `if (count == 0) diff = 0`, and the voxel still adds to n_i).
import { chebyshevOffsets } from "./neighbourhood.js";
import type { RoiGrid } from "./roi.js";
import { aggregateSlices, type SliceMatrixFamily } from "./texture-aggregation.js";
import { voxelRange } from "./zones.js";
import {
  ZONE_AGGREGATIONS, allUndefined, evaluateFormulas, ratio, toResult, undefinedBecause, valueOf,
  type Aggregation, type FeatureFormula, type FeatureResult,
} from "./types.js";

export class NgtdmMatrix {
  /** s_i per grey level (index i, 1-based). */
  readonly s: Float64Array;
  /** n_i per grey level. */
  readonly n: Float64Array;
  constructor(readonly levelCount: number) {
    this.s = new Float64Array(levelCount + 1);
    this.n = new Float64Array(levelCount + 1);
  }
  reset(): void { this.s.fill(0); this.n.fill(0); }
  merge(o: NgtdmMatrix): void { for (let i = 0; i < this.s.length; i++) { this.s[i]! += o.s[i]!; this.n[i]! += o.n[i]!; } }
}

export interface NgtdmTerms {
  /** Grey levels with p_i > 0, their probabilities and s_i. */
  readonly levels: Int32Array;
  readonly p: Float64Array;
  readonly s: Float64Array;
  /** N_vc: voxels with a valid neighbourhood. */
  readonly voxelCount: number;
  readonly sumS: number;       // Σ s_i
  readonly sumPS: number;      // Σ p_i s_i
}

export function ngtdmTerms(m: NgtdmMatrix): NgtdmTerms | undefined {
  let total = 0;
  for (const c of m.n) total += c;
  if (total === 0) return undefined;
  const levels: number[] = [], p: number[] = [], s: number[] = [];
  let sumS = 0, sumPS = 0;
  for (let i = 1; i <= m.levelCount; i++) {
    if (m.n[i] === 0) continue;
    levels.push(i); p.push(m.n[i]! / total); s.push(m.s[i]!);
    sumS += m.s[i]!; sumPS += (m.n[i]! / total) * m.s[i]!;
  }
  return { levels: Int32Array.from(levels), p: Float64Array.from(p), s: Float64Array.from(s), voxelCount: total, sumS, sumPS };
}

/** Σ over pairs of present grey levels of term(a, b). */
function pairSum(t: NgtdmTerms, term: (a: number, b: number) => number): number {
  let acc = 0;
  for (let a = 0; a < t.levels.length; a++) for (let b = 0; b < t.levels.length; b++) acc += term(a, b);
  return acc;
}

/** Σ_a Σ_b |x_a - x_b| over ordered pairs, in O(n log n): sorted, element k appears with sign (2k - n + 1). */
export function sumOfAbsoluteDifferences(x: Float64Array): number {
  const sorted = Float64Array.from(x).sort();
  let acc = 0;
  for (let k = 0; k < sorted.length; k++) acc += sorted[k]! * (2 * k - sorted.length + 1);
  return 2 * acc;
}


type F = FeatureFormula<NgtdmTerms>;
const f = (key: string, name: string, ibsiCode: string, description: string, compute: F["compute"]): F =>
  ({ key: `ngt_${key}`, name, family: "ngtdm", ibsiCode, unit: "", description, compute });

export const NGTDM_FORMULAS: readonly F[] = [
  // QCDE: 1 / Σ p_i s_i; IBSI caps it at 10^6 when Σ p_i s_i = 0
  f("coarseness", "Coarseness", "QCDE", "1 / Σ p_i s_i, 10^6 if the sum is 0 (IBSI)", (t) => valueOf(t.sumPS === 0 ? 1e6 : Math.min(1e6, 1 / t.sumPS))),
  // 65HE: [Σ Σ p_i p_j (i - j)² / (N_g,p (N_g,p - 1))] · [Σ s_i / N_vc]; IBSI: 0 when N_g,p = 1
  f("contrast", "Contrast", "65HE", "(Σ_ij p_i p_j (i - j)² / (N_gp (N_gp - 1))) (Σ s_i / N_vc), 0 if N_gp = 1 (IBSI)", (t) => {
    const ngp = t.levels.length;
    if (ngp < 2) return valueOf(0); // IBSI: 0 when N_g,p = 1
    // Σ_ij p_i p_j (i - j)² = 2 (Σ p_i i² - (Σ p_i i)²) because Σ p_i = 1.
    let m1 = 0, m2 = 0;
    for (let a = 0; a < ngp; a++) { m1 += t.p[a]! * t.levels[a]!; m2 += t.p[a]! * t.levels[a]! ** 2; }
    return valueOf(((2 * (m2 - m1 * m1)) / (ngp * (ngp - 1))) * (t.sumS / t.voxelCount));
  }),
  // NQ30: Σ p_i s_i / Σ Σ |i p_i - j p_j|; IBSI: 0 when N_g,p = 1
  f("busyness", "Busyness", "NQ30", "Σ p_i s_i / Σ_ij |i p_i - j p_j|, 0 if N_gp = 1 (IBSI)", (t) => {
    if (t.levels.length < 2) return valueOf(0); // IBSI: 0 when N_g,p = 1
    return ratio(t.sumPS, sumOfAbsoluteDifferences(Float64Array.from(t.levels, (i, a) => i * t.p[a]!)), "Σ |i p_i - j p_j| is zero");
  }),
  // HDEZ: (1/N_vc) Σ Σ |i - j| (p_i s_i + p_j s_j) / (p_i + p_j)
  f("complexity", "Complexity", "HDEZ", "(1/N_vc) Σ_ij |i - j| (p_i s_i + p_j s_j) / (p_i + p_j)", (t) =>
    valueOf(pairSum(t, (a, b) => (Math.abs(t.levels[a]! - t.levels[b]!) * (t.p[a]! * t.s[a]! + t.p[b]! * t.s[b]!)) / (t.p[a]! + t.p[b]!)) / t.voxelCount)),
  // 1X9X: Σ Σ (p_i + p_j)(i - j)² / Σ s_i; IBSI: 0 when Σ s_i = 0
  f("strength", "Strength", "1X9X", "Σ_ij (p_i + p_j)(i - j)² / Σ s_i, 0 if Σ s_i = 0 (IBSI)", (t) => {
    // Σ_ij (p_i + p_j)(i - j)² = 2 Σ_i p_i Σ_j (i - j)², and Σ_j (i - j)² = n i² - 2 i S1 + S2 over present j.
    const n = t.levels.length;
    let s1 = 0, s2 = 0;
    for (const j of t.levels) { s1 += j; s2 += j * j; }
    let numerator = 0;
    for (let a = 0; a < n; a++) { const i = t.levels[a]!; numerator += 2 * t.p[a]! * (n * i * i - 2 * i * s1 + s2); }
    return valueOf(t.sumS === 0 ? 0 : numerator / t.sumS); // IBSI: 0 when Σ s_i = 0
  }),
];

/** Fills the NGTDM from slice k (in-plane neighbourhood) or the volume (3D neighbourhood). */
export function buildNgtdm(roi: RoiGrid, k: number | undefined, offsets: Int32Array, into: NgtdmMatrix, countIsolated = false): void {
  into.reset();
  const g = roi.greyLevels;
  const { from, to } = voxelRange(roi, k);
  for (let v = from; v < to; v++) {
    const level = g[v]!;
    if (level === 0) continue;
    let sum = 0, count = 0;
    for (let n = 0; n < offsets.length; n++) {
      const w = g[v + offsets[n]!]!;
      if (w !== 0) { sum += w; count++; }
    }
    if (count === 0 && !countIsolated) continue;
    if (count > 0) into.s[level]! += Math.abs(level - sum / count);
    into.n[level]! += 1;
  }
}

const NO_VOXELS = "no ROI voxel has a neighbour in the ROI";

function ngtdmFamily(roi: RoiGrid, distance: number, countIsolated: boolean): SliceMatrixFamily<NgtdmMatrix> {
  const offsets2D = chebyshevOffsets(roi.size, distance, true);
  const offsets3D = chebyshevOffsets(roi.size, distance, false);
  return {
    featureCount: NGTDM_FORMULAS.length,
    create: () => new NgtdmMatrix(roi.numberOfGreyLevels),
    build: (r, k, into) => buildNgtdm(r, k, k === undefined ? offsets3D : offsets2D, into, countIsolated),
    merge: (t, s) => t.merge(s),
    features: (m) => {
      const terms = ngtdmTerms(m);
      return terms ? evaluateFormulas(NGTDM_FORMULAS, terms) : allUndefined(NGTDM_FORMULAS, NO_VOXELS);
    },
  };
}

export function computeNgtdm(roi: RoiGrid | undefined, wanted: ReadonlySet<Aggregation>, distance: number, countIsolated = false): FeatureResult[] {
  const aggregations = ZONE_AGGREGATIONS.filter((a) => wanted.has(a));
  if (!roi || roi.intensityVoxelCount === 0) {
    return aggregations.flatMap((a) => NGTDM_FORMULAS.map((d) => toResult(d, undefinedBecause("the intensity mask is empty"), a)));
  }
  const byAggregation = aggregateSlices(ngtdmFamily(roi, distance, countIsolated), roi, new Set(aggregations), NO_VOXELS);
  return aggregations.flatMap((a) => NGTDM_FORMULAS.map((d, n) => toResult(d, byAggregation.get(a)![n]!, a)));
}
