// pyradiomics-compatible mode: pyradiomics' default settings (binWidth 25 with bin edges at multiples of
// the bin width, 3D texture with features averaged over the 13 directions, voxelArrayShift) and its
// feature names (original_<class>_<Feature>). Values come from the IBSI formulas wherever pyradiomics
// computes the same quantity; where its definition differs, the pyradiomics definition is applied here:
//   firstorder Kurtosis is not excess (IBSI + 3); Energy, TotalEnergy and RootMeanSquared add
//   voxelArrayShift to every intensity; TotalEnergy multiplies by the voxel volume.
// glcm Correlation / Imc1 (flat directions: 1 / 0) and MCC follow pyradiomics (pyradiomics-glcm.ts).
// GLRLM leaves out directions along which the ROI is one voxel thick (pyradiomics-directions.ts).
// The shape class ("morphology" among the families) is not the IBSI family: pyradiomics-shape.ts computes
// it from pyradiomics' own mesh (pyradiomics-mesh.ts), diameters and 1/N principal axes, and nothing else.
// glcm Idn/Idmn use Ng = the highest grey level, as pyradiomics' coefficients['Ng'] does.
import type { Mask, Volume } from "../image/volume.js";
import { computeFamily, prepareInput } from "./compute-features.js";
import { pyradiomicsDirections, pyradiomicsGlrlmAveraged } from "./pyradiomics-directions.js";
import { pyradiomicsGlcm } from "./pyradiomics-glcm.js";
import { pyradiomicsShapeFeatures } from "./pyradiomics-shape.js";
import { pyradiomicsShape2DFeatures } from "./pyradiomics-shape-2d.js";
import type { FeatureSettings } from "./settings.js";
import type { FeatureFamily, FeatureResult } from "./types.js";

export interface PyradiomicsOptions {
  /** Bin width in intensity units (pyradiomics default 25). */
  readonly binWidth?: number;
  /** Added to intensities for Energy, TotalEnergy and RootMeanSquared (pyradiomics default 0; 1000 is common for CT). */
  readonly voxelArrayShift?: number;
  /** pyradiomics binCount: that many equal-width bins over [min, max] instead of binWidth. */
  readonly binCount?: number | null;
  /** IBSI families to compute (default: all that map to pyradiomics classes); "morphology" is pyradiomics' shape class. */
  readonly families?: readonly FeatureFamily[];
  /** Also pyradiomics' shape2D class, on the slice across `force2Ddimension` (numpy axis: 0 z, 1 y, 2 x; default 0). */
  readonly shape2D?: boolean;
  readonly force2Ddimension?: 0 | 1 | 2;
}

export interface PyradiomicsFeature {
  /** pyradiomics name, e.g. "original_glcm_Contrast". */
  readonly name: string;
  /** Key of the IBSI result it derives from. */
  readonly ibsiKey: string;
  /** IBSI code and unit of that result, when it is one IBSI feature. */
  readonly ibsiCode?: string;
  readonly unit?: string;
  readonly value?: number;
  readonly undefinedReason?: string;
}

/** Settings equivalent to pyradiomics' defaults for the features mapped here. */
export function pyradiomicsSettings(options: PyradiomicsOptions = {}): FeatureSettings {
  return {
    discretisation: options.binCount ? { method: "fixedBinNumber", binCount: options.binCount } : { method: "fixedBinSize", binWidth: options.binWidth ?? 25, anchor: "multipleOfBinWidth" },
    glcmDistance: 1,
    ngldmDistance: 1,
    ngldmCoarseness: 0,
    ngtdmDistance: 1,
    // calculate_ngtdm counts a voxel without ROI neighbours (difference 0); IBSI leaves it out.
    ngtdmIsolatedVoxels: "count",
    aggregations: ["3D, averaged", "3D"],
  };
}

/** pyradiomics class and feature name per IBSI result key (texture keys with their 3D aggregation). */
export const PYRADIOMICS_NAMES: Readonly<Record<string, string>> = {
  // firstorder (Energy, TotalEnergy, RootMeanSquared and Kurtosis are recomputed below)
  stat_p10: "firstorder_10Percentile", stat_p90: "firstorder_90Percentile", ih_entropy: "firstorder_Entropy",
  stat_interquartile_range: "firstorder_InterquartileRange", stat_maximum: "firstorder_Maximum", stat_mean: "firstorder_Mean",
  stat_mean_absolute_deviation: "firstorder_MeanAbsoluteDeviation", stat_median: "firstorder_Median", stat_minimum: "firstorder_Minimum",
  stat_range: "firstorder_Range", stat_robust_mean_absolute_deviation: "firstorder_RobustMeanAbsoluteDeviation",
  stat_skewness: "firstorder_Skewness", ih_uniformity: "firstorder_Uniformity", stat_variance: "firstorder_Variance",
  // glcm: features per direction, averaged (IBSI 3D, averaged)
  cm_autocorrelation_3d_avg: "glcm_Autocorrelation", cm_joint_average_3d_avg: "glcm_JointAverage",
  cm_cluster_prominence_3d_avg: "glcm_ClusterProminence", cm_cluster_shade_3d_avg: "glcm_ClusterShade",
  cm_cluster_tendency_3d_avg: "glcm_ClusterTendency", cm_contrast_3d_avg: "glcm_Contrast", cm_correlation_3d_avg: "glcm_Correlation",
  cm_difference_average_3d_avg: "glcm_DifferenceAverage", cm_difference_entropy_3d_avg: "glcm_DifferenceEntropy",
  cm_difference_variance_3d_avg: "glcm_DifferenceVariance", cm_angular_second_moment_3d_avg: "glcm_JointEnergy",
  cm_joint_entropy_3d_avg: "glcm_JointEntropy", cm_information_correlation_1_3d_avg: "glcm_Imc1",
  cm_information_correlation_2_3d_avg: "glcm_Imc2", cm_inverse_difference_moment_3d_avg: "glcm_Idm",
  cm_inverse_difference_3d_avg: "glcm_Id", cm_inverse_variance_3d_avg: "glcm_InverseVariance",
  cm_normalised_inverse_difference_3d_avg: "glcm_Idn", cm_normalised_inverse_difference_moment_3d_avg: "glcm_Idmn",
  cm_joint_maximum_3d_avg: "glcm_MaximumProbability", cm_sum_average_3d_avg: "glcm_SumAverage",
  cm_sum_entropy_3d_avg: "glcm_SumEntropy", cm_joint_variance_3d_avg: "glcm_SumSquares",
  // glrlm: features per direction, averaged
  rlm_grey_level_non_uniformity_3d_avg: "glrlm_GrayLevelNonUniformity", rlm_normalised_grey_level_non_uniformity_3d_avg: "glrlm_GrayLevelNonUniformityNormalized",
  rlm_grey_level_variance_3d_avg: "glrlm_GrayLevelVariance", rlm_high_grey_level_run_emphasis_3d_avg: "glrlm_HighGrayLevelRunEmphasis",
  rlm_long_runs_emphasis_3d_avg: "glrlm_LongRunEmphasis", rlm_long_run_high_grey_level_emphasis_3d_avg: "glrlm_LongRunHighGrayLevelEmphasis",
  rlm_long_run_low_grey_level_emphasis_3d_avg: "glrlm_LongRunLowGrayLevelEmphasis", rlm_low_grey_level_run_emphasis_3d_avg: "glrlm_LowGrayLevelRunEmphasis",
  rlm_run_entropy_3d_avg: "glrlm_RunEntropy", rlm_run_length_non_uniformity_3d_avg: "glrlm_RunLengthNonUniformity",
  rlm_normalised_run_length_non_uniformity_3d_avg: "glrlm_RunLengthNonUniformityNormalized", rlm_run_percentage_3d_avg: "glrlm_RunPercentage",
  rlm_run_length_variance_3d_avg: "glrlm_RunVariance", rlm_short_runs_emphasis_3d_avg: "glrlm_ShortRunEmphasis",
  rlm_short_run_high_grey_level_emphasis_3d_avg: "glrlm_ShortRunHighGrayLevelEmphasis", rlm_short_run_low_grey_level_emphasis_3d_avg: "glrlm_ShortRunLowGrayLevelEmphasis",
  // glszm (3D)
  szm_grey_level_non_uniformity_3d: "glszm_GrayLevelNonUniformity", szm_normalised_grey_level_non_uniformity_3d: "glszm_GrayLevelNonUniformityNormalized",
  szm_grey_level_variance_3d: "glszm_GrayLevelVariance", szm_high_grey_level_zone_emphasis_3d: "glszm_HighGrayLevelZoneEmphasis",
  szm_large_zone_emphasis_3d: "glszm_LargeAreaEmphasis", szm_large_zone_high_grey_level_emphasis_3d: "glszm_LargeAreaHighGrayLevelEmphasis",
  szm_large_zone_low_grey_level_emphasis_3d: "glszm_LargeAreaLowGrayLevelEmphasis", szm_low_grey_level_zone_emphasis_3d: "glszm_LowGrayLevelZoneEmphasis",
  szm_zone_size_non_uniformity_3d: "glszm_SizeZoneNonUniformity", szm_normalised_zone_size_non_uniformity_3d: "glszm_SizeZoneNonUniformityNormalized",
  szm_small_zone_emphasis_3d: "glszm_SmallAreaEmphasis", szm_small_zone_high_grey_level_emphasis_3d: "glszm_SmallAreaHighGrayLevelEmphasis",
  szm_small_zone_low_grey_level_emphasis_3d: "glszm_SmallAreaLowGrayLevelEmphasis", szm_zone_size_entropy_3d: "glszm_ZoneEntropy",
  szm_zone_percentage_3d: "glszm_ZonePercentage", szm_zone_size_variance_3d: "glszm_ZoneVariance",
  // gldm (IBSI NGLDM, α = 0, δ = 1)
  ngl_dependence_count_entropy_3d: "gldm_DependenceEntropy", ngl_dependence_count_non_uniformity_3d: "gldm_DependenceNonUniformity",
  ngl_normalised_dependence_count_non_uniformity_3d: "gldm_DependenceNonUniformityNormalized", ngl_dependence_count_variance_3d: "gldm_DependenceVariance",
  ngl_grey_level_non_uniformity_3d: "gldm_GrayLevelNonUniformity", ngl_grey_level_variance_3d: "gldm_GrayLevelVariance",
  ngl_high_grey_level_count_emphasis_3d: "gldm_HighGrayLevelEmphasis", ngl_high_dependence_emphasis_3d: "gldm_LargeDependenceEmphasis",
  ngl_high_dependence_high_grey_level_emphasis_3d: "gldm_LargeDependenceHighGrayLevelEmphasis", ngl_high_dependence_low_grey_level_emphasis_3d: "gldm_LargeDependenceLowGrayLevelEmphasis",
  ngl_low_grey_level_count_emphasis_3d: "gldm_LowGrayLevelEmphasis", ngl_low_dependence_emphasis_3d: "gldm_SmallDependenceEmphasis",
  ngl_low_dependence_high_grey_level_emphasis_3d: "gldm_SmallDependenceHighGrayLevelEmphasis", ngl_low_dependence_low_grey_level_emphasis_3d: "gldm_SmallDependenceLowGrayLevelEmphasis",
  // ngtdm (3D)
  ngt_busyness_3d: "ngtdm_Busyness", ngt_coarseness_3d: "ngtdm_Coarseness", ngt_complexity_3d: "ngtdm_Complexity",
  ngt_contrast_3d: "ngtdm_Contrast", ngt_strength_3d: "ngtdm_Strength",
};

const FAMILIES: readonly FeatureFamily[] = ["morphology", "intensity_statistics", "intensity_histogram", "glcm", "glrlm", "glszm", "ngldm", "ngtdm"];

function fromResult(name: string, r: FeatureResult): PyradiomicsFeature {
  const base = { name, ibsiKey: r.key, ibsiCode: r.ibsiCode, unit: r.unit };
  return r.value !== undefined ? { ...base, value: r.value } : { ...base, undefinedReason: r.undefinedReason! };
}

/** Computes the mapped features under pyradiomics' defaults and returns them with pyradiomics names. */
export function computePyradiomicsFeatures(volume: Volume, mask: Mask, options: PyradiomicsOptions = {}, imageType = "original"): PyradiomicsFeature[] {
  const families = options.families ?? FAMILIES;
  const out: PyradiomicsFeature[] = families.includes("morphology") ? pyradiomicsShapeFeatures(mask, imageType) : [];
  if (options.shape2D) out.push(...pyradiomicsShape2DFeatures(mask, options.force2Ddimension ?? 0, imageType));
  const others = families.filter((f) => f !== "morphology");
  if (others.length === 0) return out.sort((a, b) => a.name.localeCompare(b.name));
  const input = prepareInput(volume, mask, pyradiomicsSettings(options));
  // glcm: one pass gives the IBSI formulas per direction and pyradiomics' own values (pyradiomics-glcm.ts).
  const shared = others.includes("glcm") && input.roi && input.roi.intensityVoxelCount > 0 ? pyradiomicsGlcm(input.roi) : undefined;
  const results = others.flatMap((f) => (f === "glcm" && shared ? shared.results : computeFamily(input, f)));
  const glcm = shared?.values;
  const directions = results.some((r) => r.family === "glrlm") && input.roi && input.roi.intensityVoxelCount > 0 ? pyradiomicsDirections(input.roi) : undefined;
  const glrlm = directions ? pyradiomicsGlrlmAveraged(input.roi!, directions) : undefined;
  for (const r of results) {
    const name = PYRADIOMICS_NAMES[r.key];
    if (!name) continue;
    const rl = glrlm?.get(r.key);
    if (rl) { out.push(fromResult(`${imageType}_${name}`, { ...r, ...("value" in rl ? { value: rl.value, undefinedReason: undefined } : { value: undefined, undefinedReason: rl.undefinedReason }) } as FeatureResult)); continue; }
    const own = glcm && (name === "glcm_Correlation" || name === "glcm_Imc1") ? glcm[name.slice(5) as "Correlation" | "Imc1"] : undefined;
    out.push(own !== undefined ? { name: `${imageType}_${name}`, ibsiKey: r.key, ibsiCode: r.ibsiCode, unit: r.unit, value: own } : fromResult(`${imageType}_${name}`, r));
  }
  if (results.some((r) => r.family === "glcm")) {
    out.push(glcm ? { name: `${imageType}_glcm_MCC`, ibsiKey: "cm_mcc", value: glcm.MCC } : { name: `${imageType}_glcm_MCC`, ibsiKey: "cm_mcc", undefinedReason: "no pair of neighbouring ROI voxels exists" });
  }
  const kurtosis = results.find((r) => r.key === "stat_kurtosis");
  if (!kurtosis) return out.sort((a, b) => a.name.localeCompare(b.name));
  const flat = results.find((r) => r.key === "stat_variance")?.value === 0;
  // pyradiomics returns 0 for a flat region (m4 / m2² with m2 := 1).
  out.push(kurtosis.value !== undefined || flat
    ? { name: `${imageType}_firstorder_Kurtosis`, ibsiKey: kurtosis.key, ibsiCode: kurtosis.ibsiCode, value: flat ? 0 : kurtosis.value! + 3 }
    : fromResult(`${imageType}_firstorder_Kurtosis`, kurtosis));
  const roi = input.roi;
  const shift = options.voxelArrayShift ?? 0;
  if (!roi || roi.intensityVoxelCount === 0) {
    for (const f of ["Energy", "TotalEnergy", "RootMeanSquared"]) out.push({ name: `${imageType}_firstorder_${f}`, ibsiKey: "stat_energy", undefinedReason: "the intensity mask is empty" });
  } else {
    let energy = 0;
    for (let v = 0; v < roi.intensityMask.length; v++) if (roi.intensityMask[v] !== 0) energy += (roi.intensities[v]! + shift) ** 2;
    const voxelVolume = roi.spacing[0] * roi.spacing[1] * roi.spacing[2];
    out.push({ name: `${imageType}_firstorder_Energy`, ibsiKey: "stat_energy", value: energy });
    out.push({ name: `${imageType}_firstorder_TotalEnergy`, ibsiKey: "stat_energy", value: energy * voxelVolume });
    out.push({ name: `${imageType}_firstorder_RootMeanSquared`, ibsiKey: "stat_root_mean_square", value: Math.sqrt(energy / roi.intensityVoxelCount) });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
