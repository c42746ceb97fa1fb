// IBSI intensity-based statistical features (family UHIW), on the raw intensities of the intensity mask.
import { summarise, type SampleSummary } from "./descriptive-statistics.js";
import type { RoiGrid } from "./roi.js";
import { allUndefined, evaluateFormulas, ratio, toResult, valueOf, type FeatureFormula, type FeatureResult } from "./types.js";

type F = FeatureFormula<SampleSummary>;
const f = (key: string, name: string, ibsiCode: string, unit: string, description: string, compute: F["compute"]): F =>
  ({ key: `stat_${key}`, name, family: "intensity_statistics", ibsiCode, unit, description, compute });


export const INTENSITY_STATISTICS_FORMULAS: readonly F[] = [
  // Q4LE: μ = (1/N) Σ X_k
  f("mean", "Mean intensity", "Q4LE", "intensity", "μ = (1/N) Σ X_k", (s) => valueOf(s.mean)),
  // ECT3: σ² = (1/N) Σ (X_k - μ)²
  f("variance", "Intensity variance", "ECT3", "intensity²", "(1/N) Σ (X_k - μ)²", (s) => valueOf(s.m2)),
  // KE2A: m3 / m2^(3/2); IBSI: 0 when the variance is 0
  f("skewness", "Intensity skewness", "KE2A", "", "m3 / m2^(3/2), 0 if m2 = 0 (IBSI)", (s) => valueOf(s.m2 === 0 ? 0 : s.m3 / Math.pow(s.m2, 1.5))),
  // IPH6: m4 / m2² - 3; IBSI: 0 when the variance is 0
  f("kurtosis", "(Excess) intensity kurtosis", "IPH6", "", "m4 / m2² - 3, 0 if m2 = 0 (IBSI)", (s) => valueOf(s.m2 === 0 ? 0 : s.m4 / (s.m2 * s.m2) - 3)),
  // Y12H: median of X
  f("median", "Median intensity", "Y12H", "intensity", "median of X", (s) => valueOf(s.median)),
  // 1GSF: min X
  f("minimum", "Minimum intensity", "1GSF", "intensity", "min X", (s) => valueOf(s.min)),
  // QG58: P10 of X
  f("p10", "10th intensity percentile", "QG58", "intensity", "P10 of X (linear interpolation)", (s) => valueOf(s.p10)),
  // 8DWT: P90 of X
  f("p90", "90th intensity percentile", "8DWT", "intensity", "P90 of X (linear interpolation)", (s) => valueOf(s.p90)),
  // 84IY: max X
  f("maximum", "Maximum intensity", "84IY", "intensity", "max X", (s) => valueOf(s.max)),
  // SALO: P75 - P25
  f("interquartile_range", "Intensity interquartile range", "SALO", "intensity", "P75 - P25", (s) => valueOf(s.p75 - s.p25)),
  // 2OJQ: max X - min X
  f("range", "Intensity range", "2OJQ", "intensity", "max X - min X", (s) => valueOf(s.max - s.min)),
  // 4FUA: (1/N) Σ |X_k - μ|
  f("mean_absolute_deviation", "Intensity-based mean absolute deviation", "4FUA", "intensity", "(1/N) Σ |X_k - μ|", (s) => valueOf(s.meanAbsoluteDeviation)),
  // 1128: mean |X - μ_10-90| over X in [P10, P90]
  f("robust_mean_absolute_deviation", "Intensity-based robust mean absolute deviation", "1128", "intensity", "mean |X - μ_{10-90}| over P10 <= X <= P90", (s) => valueOf(s.robustMeanAbsoluteDeviation)),
  // N72L: (1/N) Σ |X_k - M|
  f("median_absolute_deviation", "Intensity-based median absolute deviation", "N72L", "intensity", "(1/N) Σ |X_k - median|", (s) => valueOf(s.medianAbsoluteDeviation)),
  // 7TET: σ / μ
  f("coefficient_of_variation", "Intensity-based coefficient of variation", "7TET", "", "σ / μ", (s) => ratio(Math.sqrt(s.m2), s.mean, "the mean intensity is zero")),
  // 9S40: (P75 - P25) / (P75 + P25)
  f("quartile_coefficient_of_dispersion", "Intensity-based quartile coefficient of dispersion", "9S40", "", "(P75 - P25) / (P75 + P25)", (s) => ratio(s.p75 - s.p25, s.p75 + s.p25, "P75 + P25 is zero")),
  // N8CA: Σ X_k²
  f("energy", "Intensity-based energy", "N8CA", "intensity²", "Σ X_k²", (s) => valueOf(s.sumOfSquares)),
  // 5ZWQ: sqrt((1/N) Σ X_k²)
  f("root_mean_square", "Root mean square intensity", "5ZWQ", "intensity", "sqrt((1/N) Σ X_k²)", (s) => valueOf(Math.sqrt(s.sumOfSquares / s.count))),
];

/** Sorted intensities of the voxels in the intensity mask. */
export function sortedMaskedValues(values: ArrayLike<number>, mask: Uint8Array, count: number): Float64Array {
  const out = new Float64Array(count);
  let n = 0;
  for (let v = 0; v < mask.length; v++) if (mask[v] !== 0) out[n++] = values[v]!;
  return out.sort();
}

export function computeIntensityStatistics(roi: RoiGrid | undefined): FeatureResult[] {
  const outcomes = !roi || roi.intensityVoxelCount === 0
    ? allUndefined(INTENSITY_STATISTICS_FORMULAS, "the intensity mask is empty")
    : evaluateFormulas(INTENSITY_STATISTICS_FORMULAS, summarise(sortedMaskedValues(roi.intensities, roi.intensityMask, roi.intensityVoxelCount)));
  return INTENSITY_STATISTICS_FORMULAS.map((d, n) => toResult(d, outcomes[n]!));
}
