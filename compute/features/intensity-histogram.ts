// IBSI intensity histogram features (family ZVCW), on the discretised grey levels of the intensity mask.
import { summarise, type SampleSummary } from "./descriptive-statistics.js";
import type { RoiGrid } from "./roi.js";
import { allUndefined, evaluateFormulas, ratio, toResult, undefinedBecause, valueOf, type FeatureFormula, type FeatureResult } from "./types.js";

export interface HistogramTerms extends SampleSummary {
  /** Ng: number of bins of the discretisation. */
  readonly binCount: number;
  /** Voxel count per grey level; index i-1 holds grey level i. */
  readonly counts: Float64Array;
  readonly mode: number;
  /** H'(i): central differences, one-sided at the first and last bin. */
  readonly gradient: Float64Array;
}

type F = FeatureFormula<HistogramTerms>;
const DIMENSIONLESS = new Set(["skewness", "kurtosis", "coefficient_of_variation", "quartile_coefficient_of_dispersion", "entropy", "uniformity", "maximum_gradient", "minimum_gradient"]);
const f = (key: string, name: string, ibsiCode: string, description: string, compute: F["compute"]): F =>
  ({ key: `ih_${key}`, name, family: "intensity_histogram", ibsiCode, unit: DIMENSIONLESS.has(key) ? "" : "grey level", description, compute });


function argExtreme(values: Float64Array, better: (a: number, b: number) => boolean): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (better(values[i]!, values[best]!)) best = i;
  return best;
}

export const INTENSITY_HISTOGRAM_FORMULAS: readonly F[] = [
  // X6K6: μ = (1/N) Σ X_d,k
  f("mean", "Mean discretised intensity", "X6K6", "(1/N) Σ X_d", (s) => valueOf(s.mean)),
  // CH89: (1/N) Σ (X_d - μ)²
  f("variance", "Discretised intensity variance", "CH89", "(1/N) Σ (X_d - μ)²", (s) => valueOf(s.m2)),
  // 88K1: m3 / m2^(3/2); IBSI: 0 when the variance is 0
  f("skewness", "Discretised intensity skewness", "88K1", "m3 / m2^(3/2), 0 if m2 = 0 (IBSI)", (s) => valueOf(s.m2 === 0 ? 0 : s.m3 / Math.pow(s.m2, 1.5))),
  // C3I7: m4 / m2² - 3; IBSI: 0 when the variance is 0
  f("kurtosis", "(Excess) discretised intensity kurtosis", "C3I7", "m4 / m2² - 3, 0 if m2 = 0 (IBSI)", (s) => valueOf(s.m2 === 0 ? 0 : s.m4 / (s.m2 * s.m2) - 3)),
  // WIFQ: median of X_d
  f("median", "Median discretised intensity", "WIFQ", "median of X_d", (s) => valueOf(s.median)),
  // 1PR8: min X_d
  f("minimum", "Minimum discretised intensity", "1PR8", "min X_d", (s) => valueOf(s.min)),
  // GPMT: P10 of X_d
  f("p10", "10th discretised intensity percentile", "GPMT", "P10 of X_d", (s) => valueOf(s.p10)),
  // OZ0C: P90 of X_d
  f("p90", "90th discretised intensity percentile", "OZ0C", "P90 of X_d", (s) => valueOf(s.p90)),
  // 3NCY: max X_d
  f("maximum", "Maximum discretised intensity", "3NCY", "max X_d", (s) => valueOf(s.max)),
  // AMMC: most frequent grey level (ties: the one closest to the mean, then the lowest)
  f("mode", "Intensity histogram mode", "AMMC", "argmax_i n_i", (s) => valueOf(s.mode)),
  // WR0O: P75 - P25
  f("interquartile_range", "Discretised intensity interquartile range", "WR0O", "P75 - P25", (s) => valueOf(s.p75 - s.p25)),
  // 5Z3W: max X_d - min X_d
  f("range", "Discretised intensity range", "5Z3W", "max X_d - min X_d", (s) => valueOf(s.max - s.min)),
  // D2ZX: (1/N) Σ |X_d - μ|
  f("mean_absolute_deviation", "Intensity histogram mean absolute deviation", "D2ZX", "(1/N) Σ |X_d - μ|", (s) => valueOf(s.meanAbsoluteDeviation)),
  // WRZB: mean |X_d - μ_10-90| over P10 <= X_d <= P90
  f("robust_mean_absolute_deviation", "Intensity histogram robust mean absolute deviation", "WRZB", "mean |X_d - μ_{10-90}| over P10 <= X_d <= P90", (s) => valueOf(s.robustMeanAbsoluteDeviation)),
  // 4RNL: (1/N) Σ |X_d - M|
  f("median_absolute_deviation", "Intensity histogram median absolute deviation", "4RNL", "(1/N) Σ |X_d - median|", (s) => valueOf(s.medianAbsoluteDeviation)),
  // CWYJ: σ / μ
  f("coefficient_of_variation", "Intensity histogram coefficient of variation", "CWYJ", "σ / μ", (s) => ratio(Math.sqrt(s.m2), s.mean, "the mean grey level is zero")),
  // SLWD: (P75 - P25) / (P75 + P25)
  f("quartile_coefficient_of_dispersion", "Intensity histogram quartile coefficient of dispersion", "SLWD", "(P75 - P25) / (P75 + P25)", (s) => ratio(s.p75 - s.p25, s.p75 + s.p25, "P75 + P25 is zero")),
  // TLU2: -Σ p_i log2 p_i
  f("entropy", "Discretised intensity entropy", "TLU2", "-Σ p_i log2 p_i", (s) => {
    let h = 0;
    for (const n of s.counts) if (n > 0) { const p = n / s.count; h -= p * Math.log2(p); }
    return valueOf(h);
  }),
  // BJ5W: Σ p_i²
  f("uniformity", "Discretised intensity uniformity", "BJ5W", "Σ p_i²", (s) => {
    let u = 0;
    for (const n of s.counts) { const p = n / s.count; u += p * p; }
    return valueOf(u);
  }),
  // 12CE: max_i H'(i)
  f("maximum_gradient", "Maximum histogram gradient", "12CE", "max H'(i)", (s) => s.binCount < 2 ? undefinedBecause("a histogram with one bin has no gradient") : valueOf(s.gradient[argExtreme(s.gradient, (a, b) => a > b)]!)),
  // 8E6O: argmax_i H'(i)
  f("maximum_gradient_grey_level", "Maximum histogram gradient intensity", "8E6O", "argmax_i H'(i)", (s) => s.binCount < 2 ? undefinedBecause("a histogram with one bin has no gradient") : valueOf(argExtreme(s.gradient, (a, b) => a > b) + 1)),
  // VQB3: min_i H'(i)
  f("minimum_gradient", "Minimum histogram gradient", "VQB3", "min H'(i)", (s) => s.binCount < 2 ? undefinedBecause("a histogram with one bin has no gradient") : valueOf(s.gradient[argExtreme(s.gradient, (a, b) => a < b)]!)),
  // RHQZ: argmin_i H'(i)
  f("minimum_gradient_grey_level", "Minimum histogram gradient intensity", "RHQZ", "argmin_i H'(i)", (s) => s.binCount < 2 ? undefinedBecause("a histogram with one bin has no gradient") : valueOf(argExtreme(s.gradient, (a, b) => a < b) + 1)),
];

/** Histogram gradient H'(i) (IBSI): H(2)-H(1) at i=1, (H(i+1)-H(i-1))/2 inside, H(Ng)-H(Ng-1) at i=Ng. */
export function histogramGradient(counts: Float64Array): Float64Array {
  const ng = counts.length;
  const g = new Float64Array(ng);
  if (ng < 2) return g;
  g[0] = counts[1]! - counts[0]!;
  g[ng - 1] = counts[ng - 1]! - counts[ng - 2]!;
  for (let i = 1; i < ng - 1; i++) g[i] = (counts[i + 1]! - counts[i - 1]!) / 2;
  return g;
}

export function histogramTerms(greyLevels: Int32Array, mask: Uint8Array, binCount: number): HistogramTerms {
  const counts = new Float64Array(binCount);
  for (let v = 0; v < mask.length; v++) if (mask[v] !== 0) counts[greyLevels[v]! - 1]! += 1;
  let total = 0;
  for (const n of counts) total += n;
  const sorted = new Float64Array(total);
  let o = 0;
  for (let i = 0; i < binCount; i++) for (let c = 0; c < counts[i]!; c++) sorted[o++] = i + 1;
  const summary = summarise(sorted);
  let mode = 1;
  for (let i = 0; i < binCount; i++) {
    const better = counts[i]! > counts[mode - 1]! ||
      (counts[i]! === counts[mode - 1]! && Math.abs(i + 1 - summary.mean) < Math.abs(mode - summary.mean));
    if (better) mode = i + 1;
  }
  return { ...summary, binCount, counts, mode, gradient: histogramGradient(counts) };
}

export function computeIntensityHistogram(roi: RoiGrid | undefined): FeatureResult[] {
  const outcomes = !roi || roi.intensityVoxelCount === 0
    ? allUndefined(INTENSITY_HISTOGRAM_FORMULAS, "the intensity mask is empty")
    : evaluateFormulas(INTENSITY_HISTOGRAM_FORMULAS, histogramTerms(roi.greyLevels, roi.intensityMask, roi.numberOfGreyLevels));
  return INTENSITY_HISTOGRAM_FORMULAS.map((d, n) => toResult(d, outcomes[n]!));
}
