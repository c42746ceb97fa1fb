// IBSI neighbouring grey level dependence matrix features (family REK0): s(i, j) counts ROI voxels of grey
// level i with dependence count j = 1 + the number of ROI neighbours (Chebyshev distance δ) whose grey
// level differs by at most α.
import { DenseCountMatrix } from "./count-matrix.js";
import { chebyshevOffsets } from "./neighbourhood.js";
import { roiVoxels, type RoiGrid } from "./roi.js";
import { sizeMatrixFormulas, sizeMatrixTerms } from "./size-matrix-terms.js";
import { aggregateSlices, type SliceMatrixFamily } from "./texture-aggregation.js";
import { voxelRange } from "./zones.js";
import { ZONE_AGGREGATIONS, allUndefined, evaluateFormulas, toResult, undefinedBecause, type Aggregation, type FeatureResult } from "./types.js";

// Each row: shared measure, key, IBSI name, IBSI code — formulas in SIZE_MATRIX_MEASURES (j = dependence count).
export const NGLDM_FORMULAS = sizeMatrixFormulas("ngldm", "ngl", [
  // SODN: (1/N_s) Σ s_ij / j²
  ["small", "low_dependence_emphasis", "Low dependence emphasis", "SODN"],
  // IMOQ: (1/N_s) Σ s_ij j²
  ["large", "high_dependence_emphasis", "High dependence emphasis", "IMOQ"],
  // TL9H: (1/N_s) Σ s_ij / i²
  ["lowGrey", "low_grey_level_count_emphasis", "Low grey level count emphasis", "TL9H"],
  // OAE7: (1/N_s) Σ s_ij i²
  ["highGrey", "high_grey_level_count_emphasis", "High grey level count emphasis", "OAE7"],
  // EQ3F: (1/N_s) Σ s_ij / (i² j²)
  ["smallLow", "low_dependence_low_grey_level_emphasis", "Low dependence low grey level emphasis", "EQ3F"],
  // JA6D: (1/N_s) Σ s_ij i² / j²
  ["smallHigh", "low_dependence_high_grey_level_emphasis", "Low dependence high grey level emphasis", "JA6D"],
  // NBZI: (1/N_s) Σ s_ij j² / i²
  ["largeLow", "high_dependence_low_grey_level_emphasis", "High dependence low grey level emphasis", "NBZI"],
  // 9QMG: (1/N_s) Σ s_ij i² j²
  ["largeHigh", "high_dependence_high_grey_level_emphasis", "High dependence high grey level emphasis", "9QMG"],
  // FP8K: (1/N_s) Σ_i s_i.²
  ["greyNonUniformity", "grey_level_non_uniformity", "Grey level non-uniformity", "FP8K"],
  // 5SPA: (1/N_s²) Σ_i s_i.²
  ["normalisedGreyNonUniformity", "normalised_grey_level_non_uniformity", "Normalised grey level non-uniformity", "5SPA"],
  // Z87G: (1/N_s) Σ_j s_.j²
  ["columnNonUniformity", "dependence_count_non_uniformity", "Dependence count non-uniformity", "Z87G"],
  // OKJI: (1/N_s²) Σ_j s_.j²
  ["normalisedColumnNonUniformity", "normalised_dependence_count_non_uniformity", "Normalised dependence count non-uniformity", "OKJI"],
  // 6XV8: N_s / N_v
  ["percentage", "dependence_count_percentage", "Dependence count percentage", "6XV8"],
  // 1PFV: Σ (i - μ)² p_ij
  ["greyVariance", "grey_level_variance", "Grey level variance", "1PFV"],
  // DNX2: Σ (j - μ)² p_ij
  ["columnVariance", "dependence_count_variance", "Dependence count variance", "DNX2"],
  // FCBV: -Σ p_ij log2 p_ij
  ["entropy", "dependence_count_entropy", "Dependence count entropy", "FCBV"],
  // CAS9: Σ p_ij²
  ["energy", "dependence_count_energy", "Dependence count energy", "CAS9"],
]);

/** Fills the NGLDM from slice k (in-plane neighbourhood) or the volume (3D neighbourhood). */
export function buildNgldm(roi: RoiGrid, k: number | undefined, offsets: Int32Array, coarseness: number, into: DenseCountMatrix): void {
  into.reset();
  const g = roi.greyLevels;
  let voxels = 0;
  if (k === undefined && coarseness === 0) {
    // The whole volume at coarseness 0 (pyradiomics' α = 0): only the ROI's voxels, in the same order;
    // |w − level| ≤ 0 with w ≠ 0 is w = level.
    const list = roiVoxels(roi);
    for (let t = 0; t < list.length; t++) {
      const v = list[t]!;
      const level = g[v]!;
      voxels++;
      let dependence = 1;
      for (let n = 0; n < offsets.length; n++) if (g[v + offsets[n]!] === level) dependence++;
      into.add(level, dependence);
    }
    into.voxelCount = voxels;
    return;
  }
  const { from, to } = voxelRange(roi, k);
  for (let v = from; v < to; v++) {
    const level = g[v]!;
    if (level === 0) continue;
    voxels++;
    let dependence = 1;
    for (let n = 0; n < offsets.length; n++) {
      const w = g[v + offsets[n]!]!;
      if (w !== 0 && Math.abs(w - level) <= coarseness) dependence++;
    }
    into.add(level, dependence);
  }
  into.voxelCount = voxels;
}

const NO_VOXELS = "the matrix holds no ROI voxel";

function ngldmFamily(roi: RoiGrid, distance: number, coarseness: number): SliceMatrixFamily<DenseCountMatrix> {
  const offsets2D = chebyshevOffsets(roi.size, distance, true);
  const offsets3D = chebyshevOffsets(roi.size, distance, false);
  return {
    featureCount: NGLDM_FORMULAS.length,
    create: () => new DenseCountMatrix(roi.numberOfGreyLevels, offsets3D.length + 1),
    build: (r, k, into) => buildNgldm(r, k, k === undefined ? offsets3D : offsets2D, coarseness, into),
    merge: (t, s) => t.merge(s),
    features: (m) => {
      const terms = sizeMatrixTerms(m);
      return terms ? evaluateFormulas(NGLDM_FORMULAS, terms) : allUndefined(NGLDM_FORMULAS, NO_VOXELS);
    },
  };
}

export function computeNgldm(roi: RoiGrid | undefined, wanted: ReadonlySet<Aggregation>, distance: number, coarseness: number): FeatureResult[] {
  const aggregations = ZONE_AGGREGATIONS.filter((a) => wanted.has(a));
  if (!roi || roi.intensityVoxelCount === 0) {
    return aggregations.flatMap((a) => NGLDM_FORMULAS.map((d) => toResult(d, undefinedBecause("the intensity mask is empty"), a)));
  }
  const byAggregation = aggregateSlices(ngldmFamily(roi, distance, coarseness), roi, new Set(aggregations), NO_VOXELS);
  return aggregations.flatMap((a) => NGLDM_FORMULAS.map((d, n) => toResult(d, byAggregation.get(a)![n]!, a)));
}
