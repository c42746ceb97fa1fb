// IBSI grey level run length matrix features (family TP0I): r(i, j) counts runs of j consecutive ROI
// voxels with grey level i along a direction.
import { DenseCountMatrix } from "./count-matrix.js";
import type { RoiGrid } from "./roi.js";
import { sizeMatrixTerms, type SizeMatrixTerms } from "./size-matrix-terms.js";
import { aggregateDirectional, type DirectionalMatrixFamily, type Offset } from "./texture-aggregation.js";
import {
  DIRECTIONAL_AGGREGATIONS, allUndefined, evaluateFormulas, toResult, undefinedBecause, valueOf,
  type Aggregation, type FeatureFormula, type FeatureResult,
} from "./types.js";

type F = FeatureFormula<SizeMatrixTerms>;
const f = (key: string, name: string, ibsiCode: string, description: string, compute: F["compute"]): F =>
  ({ key: `rlm_${key}`, name, family: "glrlm", ibsiCode, unit: "", description, compute });

export const GLRLM_FORMULAS: readonly F[] = [
  // 22OV: (1/N_s) Σ r_ij / j²
  f("short_runs_emphasis", "Short runs emphasis", "22OV", "(1/N_s) Σ r_ij / j²", (t) => valueOf(t.smallEmphasis)),
  // W4KF: (1/N_s) Σ r_ij j²
  f("long_runs_emphasis", "Long runs emphasis", "W4KF", "(1/N_s) Σ r_ij j²", (t) => valueOf(t.largeEmphasis)),
  // V3SW: (1/N_s) Σ r_ij / i²
  f("low_grey_level_run_emphasis", "Low grey level run emphasis", "V3SW", "(1/N_s) Σ r_ij / i²", (t) => valueOf(t.lowGreyEmphasis)),
  // G3QZ: (1/N_s) Σ r_ij i²
  f("high_grey_level_run_emphasis", "High grey level run emphasis", "G3QZ", "(1/N_s) Σ r_ij i²", (t) => valueOf(t.highGreyEmphasis)),
  // HTZT: (1/N_s) Σ r_ij / (i² j²)
  f("short_run_low_grey_level_emphasis", "Short run low grey level emphasis", "HTZT", "(1/N_s) Σ r_ij / (i² j²)", (t) => valueOf(t.smallLowEmphasis)),
  // GD3A: (1/N_s) Σ r_ij i² / j²
  f("short_run_high_grey_level_emphasis", "Short run high grey level emphasis", "GD3A", "(1/N_s) Σ r_ij i² / j²", (t) => valueOf(t.smallHighEmphasis)),
  // IVPO: (1/N_s) Σ r_ij j² / i²
  f("long_run_low_grey_level_emphasis", "Long run low grey level emphasis", "IVPO", "(1/N_s) Σ r_ij j² / i²", (t) => valueOf(t.largeLowEmphasis)),
  // 3KUM: (1/N_s) Σ r_ij i² j²
  f("long_run_high_grey_level_emphasis", "Long run high grey level emphasis", "3KUM", "(1/N_s) Σ r_ij i² j²", (t) => valueOf(t.largeHighEmphasis)),
  // R5YN: (1/N_s) Σ_i r_i.²
  f("grey_level_non_uniformity", "Grey level non-uniformity", "R5YN", "(1/N_s) Σ_i r_i.²", (t) => valueOf(t.greyNonUniformity)),
  // OVBL: (1/N_s²) Σ_i r_i.²
  f("normalised_grey_level_non_uniformity", "Normalised grey level non-uniformity", "OVBL", "(1/N_s²) Σ_i r_i.²", (t) => valueOf(t.greyNonUniformity / t.total)),
  // W92Y: (1/N_s) Σ_j r_.j²
  f("run_length_non_uniformity", "Run length non-uniformity", "W92Y", "(1/N_s) Σ_j r_.j²", (t) => valueOf(t.columnNonUniformity)),
  // IC23: (1/N_s²) Σ_j r_.j²
  f("normalised_run_length_non_uniformity", "Normalised run length non-uniformity", "IC23", "(1/N_s²) Σ_j r_.j²", (t) => valueOf(t.columnNonUniformity / t.total)),
  // 9ZK5: N_s / N_v
  f("run_percentage", "Run percentage", "9ZK5", "N_s / N_v", (t) => valueOf(t.total / t.voxelCount)),
  // 8CE5: Σ (i - μ)² p_ij
  f("grey_level_variance", "Grey level variance", "8CE5", "Σ (i - μ)² p_ij", (t) => valueOf(t.greyVariance)),
  // SXLW: Σ (j - μ)² p_ij
  f("run_length_variance", "Run length variance", "SXLW", "Σ (j - μ)² p_ij", (t) => valueOf(t.columnVariance)),
  // HJ9O: -Σ p_ij log2 p_ij
  f("run_entropy", "Run entropy", "HJ9O", "-Σ p_ij log2 p_ij", (t) => valueOf(t.entropy)),
];

const NO_RUNS = "no run exists for this matrix";

/** Counts runs along one direction within slice k (or the volume); N_v = ROI voxels covered. */
export function buildGlrlm(roi: RoiGrid, direction: Offset, k: number | undefined, into: DenseCountMatrix): void {
  into.reset();
  const [nx, ny, nz] = roi.size;
  const step = direction[0] + nx * (direction[1] + ny * direction[2]);
  const g = roi.greyLevels;
  const kFrom = k ?? 0, kTo = k ?? nz - 1;
  let voxels = 0;
  for (let kk = kFrom; kk <= kTo; kk++) {
    const end = (kk + 1) * nx * ny;
    for (let v = kk * nx * ny; v < end; v++) {
      const a = g[v]!;
      if (a === 0) continue;
      voxels++;
      if (g[v - step] === a) continue; // not the start of a run
      let length = 1;
      while (g[v + length * step] === a) length++;
      into.add(a, length);
    }
  }
  into.voxelCount = voxels;
}

export function glrlmFamily(roi: RoiGrid): DirectionalMatrixFamily<DenseCountMatrix> {
  const maxRun = Math.max(...roi.size);
  return {
    featureCount: GLRLM_FORMULAS.length,
    create: () => new DenseCountMatrix(roi.numberOfGreyLevels, maxRun),
    reset: (m) => m.reset(),
    build: (r, d, k, into) => buildGlrlm(r, d, k, into),
    merge: (t, s) => t.merge(s),
    features: (m) => {
      const terms = sizeMatrixTerms(m);
      return terms ? evaluateFormulas(GLRLM_FORMULAS, terms) : allUndefined(GLRLM_FORMULAS, NO_RUNS);
    },
  };
}

export function computeGlrlm(roi: RoiGrid | undefined, wanted: ReadonlySet<Aggregation>): FeatureResult[] {
  const aggregations = DIRECTIONAL_AGGREGATIONS.filter((a) => wanted.has(a));
  if (!roi || roi.intensityVoxelCount === 0) {
    return aggregations.flatMap((a) => GLRLM_FORMULAS.map((d) => toResult(d, undefinedBecause("the intensity mask is empty"), a)));
  }
  const byAggregation = aggregateDirectional(glrlmFamily(roi), roi, new Set(aggregations), NO_RUNS);
  return aggregations.flatMap((a) => GLRLM_FORMULAS.map((d, n) => toResult(d, byAggregation.get(a)![n]!, a)));
}
