// IBSI grey level size zone matrix features (family 9SAK): s(i, j) counts zones of grey level i holding
// j voxels (26-connected in 3D, 8-connected within a slice in 2D).
import { SparseCountMatrix } from "./count-matrix.js";
import type { RoiGrid } from "./roi.js";
import { sizeMatrixFormulas, sizeMatrixTerms } from "./size-matrix-terms.js";
import { aggregateSlices, type SliceMatrixFamily } from "./texture-aggregation.js";
import { forEachZone, zoneScratch } from "./zones.js";
import {
  ZONE_AGGREGATIONS, allUndefined, evaluateFormulas, toResult, undefinedBecause,
  type Aggregation, type FeatureResult,
} from "./types.js";

// Each row: shared measure, key, IBSI name, IBSI code — formulas in SIZE_MATRIX_MEASURES (j = zone size).
export const GLSZM_FORMULAS = sizeMatrixFormulas("glszm", "szm", [
  // 5QRC: (1/N_s) Σ s_ij / j²
  ["small", "small_zone_emphasis", "Small zone emphasis", "5QRC"],
  // 48P8: (1/N_s) Σ s_ij j²
  ["large", "large_zone_emphasis", "Large zone emphasis", "48P8"],
  // XMSY: (1/N_s) Σ s_ij / i²
  ["lowGrey", "low_grey_level_zone_emphasis", "Low grey level zone emphasis", "XMSY"],
  // 5GN9: (1/N_s) Σ s_ij i²
  ["highGrey", "high_grey_level_zone_emphasis", "High grey level zone emphasis", "5GN9"],
  // 5RAI: (1/N_s) Σ s_ij / (i² j²)
  ["smallLow", "small_zone_low_grey_level_emphasis", "Small zone low grey level emphasis", "5RAI"],
  // HW1V: (1/N_s) Σ s_ij i² / j²
  ["smallHigh", "small_zone_high_grey_level_emphasis", "Small zone high grey level emphasis", "HW1V"],
  // YH51: (1/N_s) Σ s_ij j² / i²
  ["largeLow", "large_zone_low_grey_level_emphasis", "Large zone low grey level emphasis", "YH51"],
  // J17V: (1/N_s) Σ s_ij i² j²
  ["largeHigh", "large_zone_high_grey_level_emphasis", "Large zone high grey level emphasis", "J17V"],
  // JNSA: (1/N_s) Σ_i s_i.²
  ["greyNonUniformity", "grey_level_non_uniformity", "Grey level non-uniformity", "JNSA"],
  // Y1RO: (1/N_s²) Σ_i s_i.²
  ["normalisedGreyNonUniformity", "normalised_grey_level_non_uniformity", "Normalised grey level non-uniformity", "Y1RO"],
  // 4JP3: (1/N_s) Σ_j s_.j²
  ["columnNonUniformity", "zone_size_non_uniformity", "Zone size non-uniformity", "4JP3"],
  // VB3A: (1/N_s²) Σ_j s_.j²
  ["normalisedColumnNonUniformity", "normalised_zone_size_non_uniformity", "Normalised zone size non-uniformity", "VB3A"],
  // P30P: N_s / N_v
  ["percentage", "zone_percentage", "Zone percentage", "P30P"],
  // BYLV: Σ (i - μ)² p_ij
  ["greyVariance", "grey_level_variance", "Grey level variance", "BYLV"],
  // 3NSA: Σ (j - μ)² p_ij
  ["columnVariance", "zone_size_variance", "Zone size variance", "3NSA"],
  // GU8N: -Σ p_ij log2 p_ij
  ["entropy", "zone_size_entropy", "Zone size entropy", "GU8N"],
]);

const NO_ZONES = "no zone exists for this matrix";

function glszmFamily(roi: RoiGrid): SliceMatrixFamily<SparseCountMatrix> {
  const scratch = zoneScratch(roi);
  return {
    featureCount: GLSZM_FORMULAS.length,
    create: () => new SparseCountMatrix(roi.numberOfGreyLevels),
    build: (r, k, into) => {
      into.reset();
      let voxels = 0;
      forEachZone(r, k, scratch, (level, size) => { into.add(level, size); voxels += size; });
      into.voxelCount = voxels;
    },
    merge: (t, s) => t.merge(s),
    features: (m) => {
      const terms = sizeMatrixTerms(m);
      return terms ? evaluateFormulas(GLSZM_FORMULAS, terms) : allUndefined(GLSZM_FORMULAS, NO_ZONES);
    },
  };
}

export function computeGlszm(roi: RoiGrid | undefined, wanted: ReadonlySet<Aggregation>): FeatureResult[] {
  const aggregations = ZONE_AGGREGATIONS.filter((a) => wanted.has(a));
  if (!roi || roi.intensityVoxelCount === 0) {
    return aggregations.flatMap((a) => GLSZM_FORMULAS.map((d) => toResult(d, undefinedBecause("the intensity mask is empty"), a)));
  }
  const byAggregation = aggregateSlices(glszmFamily(roi), roi, new Set(aggregations), NO_ZONES);
  return aggregations.flatMap((a) => GLSZM_FORMULAS.map((d, n) => toResult(d, byAggregation.get(a)![n]!, a)));
}


