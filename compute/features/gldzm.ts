// IBSI grey level distance zone matrix features (family VMDZ): d(i, j) counts zones of grey level i whose
// smallest distance to the ROI edge (Manhattan, on the morphological mask) is j.
import { DenseCountMatrix } from "./count-matrix.js";
import type { RoiGrid } from "./roi.js";
import { sizeMatrixFormulas, sizeMatrixTerms } from "./size-matrix-terms.js";
import { aggregateSlices, type SliceMatrixFamily } from "./texture-aggregation.js";
import { edgeDistanceMap, forEachZone, zoneScratch } from "./zones.js";
import { ZONE_AGGREGATIONS, allUndefined, evaluateFormulas, toResult, undefinedBecause, type Aggregation, type FeatureResult } from "./types.js";

// Each row: shared measure, key, IBSI name, IBSI code — formulas in SIZE_MATRIX_MEASURES (j = zone distance).
export const GLDZM_FORMULAS = sizeMatrixFormulas("gldzm", "dzm", [
  // 0GBI: (1/N_s) Σ d_ij / j²
  ["small", "small_distance_emphasis", "Small distance emphasis", "0GBI"],
  // MB4I: (1/N_s) Σ d_ij j²
  ["large", "large_distance_emphasis", "Large distance emphasis", "MB4I"],
  // S1RA: (1/N_s) Σ d_ij / i²
  ["lowGrey", "low_grey_level_zone_emphasis", "Low grey level zone emphasis", "S1RA"],
  // K26C: (1/N_s) Σ d_ij i²
  ["highGrey", "high_grey_level_zone_emphasis", "High grey level zone emphasis", "K26C"],
  // RUVG: (1/N_s) Σ d_ij / (i² j²)
  ["smallLow", "small_distance_low_grey_level_emphasis", "Small distance low grey level emphasis", "RUVG"],
  // DKNJ: (1/N_s) Σ d_ij i² / j²
  ["smallHigh", "small_distance_high_grey_level_emphasis", "Small distance high grey level emphasis", "DKNJ"],
  // A7WM: (1/N_s) Σ d_ij j² / i²
  ["largeLow", "large_distance_low_grey_level_emphasis", "Large distance low grey level emphasis", "A7WM"],
  // KLTH: (1/N_s) Σ d_ij i² j²
  ["largeHigh", "large_distance_high_grey_level_emphasis", "Large distance high grey level emphasis", "KLTH"],
  // VFT7: (1/N_s) Σ_i d_i.²
  ["greyNonUniformity", "grey_level_non_uniformity", "Grey level non-uniformity", "VFT7"],
  // 7HP3: (1/N_s²) Σ_i d_i.²
  ["normalisedGreyNonUniformity", "normalised_grey_level_non_uniformity", "Normalised grey level non-uniformity", "7HP3"],
  // V294: (1/N_s) Σ_j d_.j²
  ["columnNonUniformity", "zone_distance_non_uniformity", "Zone distance non-uniformity", "V294"],
  // IATH: (1/N_s²) Σ_j d_.j²
  ["normalisedColumnNonUniformity", "normalised_zone_distance_non_uniformity", "Normalised zone distance non-uniformity", "IATH"],
  // VIWW: N_s / N_v
  ["percentage", "zone_percentage", "Zone percentage", "VIWW"],
  // QK93: Σ (i - μ)² p_ij
  ["greyVariance", "grey_level_variance", "Grey level variance", "QK93"],
  // 7WT1: Σ (j - μ)² p_ij
  ["columnVariance", "zone_distance_variance", "Zone distance variance", "7WT1"],
  // GBDU: -Σ p_ij log2 p_ij
  ["entropy", "zone_distance_entropy", "Zone distance entropy", "GBDU"],
]);

const NO_ZONES = "no zone exists for this matrix";

function gldzmFamily(roi: RoiGrid): SliceMatrixFamily<DenseCountMatrix> {
  const scratch = zoneScratch(roi);
  const distance2D = edgeDistanceMap(roi, true);
  const distance3D = edgeDistanceMap(roi, false);
  const maxDistance = Math.max(...roi.size); // generous bound: a Manhattan edge distance never exceeds it
  return {
    featureCount: GLDZM_FORMULAS.length,
    create: () => new DenseCountMatrix(roi.numberOfGreyLevels, maxDistance),
    build: (r, k, into) => {
      into.reset();
      let voxels = 0;
      // A zone voxel outside the morphological mask cannot occur (intensity mask ⊆ morphological mask).
      forEachZone(r, k, scratch, (level, size, d) => { into.add(level, Math.max(1, d)); voxels += size; }, k === undefined ? distance3D : distance2D);
      into.voxelCount = voxels;
    },
    merge: (t, s) => t.merge(s),
    features: (m) => {
      const terms = sizeMatrixTerms(m);
      return terms ? evaluateFormulas(GLDZM_FORMULAS, terms) : allUndefined(GLDZM_FORMULAS, NO_ZONES);
    },
  };
}

export function computeGldzm(roi: RoiGrid | undefined, wanted: ReadonlySet<Aggregation>): FeatureResult[] {
  const aggregations = ZONE_AGGREGATIONS.filter((a) => wanted.has(a));
  if (!roi || roi.intensityVoxelCount === 0) {
    return aggregations.flatMap((a) => GLDZM_FORMULAS.map((d) => toResult(d, undefinedBecause("the intensity mask is empty"), a)));
  }
  const byAggregation = aggregateSlices(gldzmFamily(roi), roi, new Set(aggregations), NO_ZONES);
  return aggregations.flatMap((a) => GLDZM_FORMULAS.map((d, n) => toResult(d, byAggregation.get(a)![n]!, a)));
}
