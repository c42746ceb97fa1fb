// IBSI intensity-volume histogram features (family P88C): the volume fraction ν of the ROI with
// intensity >= i, against the intensity fraction γ = (i - i_min) / (i_max - i_min).
import type { IvhDiscretisationSettings } from "./settings.js";
import type { RoiGrid } from "./roi.js";
import { allUndefined, evaluateFormulas, toResult, undefinedBecause, valueOf, type FeatureFormula, type FeatureOutcome, type FeatureResult } from "./types.js";

export interface IvhTerms {
  /** Intensity of each histogram level, increasing (every level of the grid, empty ones included). */
  readonly levels: Float64Array;
  /** ν_i: fraction of ROI voxels with intensity >= levels[i]. */
  readonly volumeFraction: Float64Array;
  /** γ_i: (levels[i] - levels[0]) / (levels[last] - levels[0]); NaN when only one level exists. */
  readonly intensityFraction: Float64Array;
  /** Spacing between levels (used past the last level). */
  readonly step: number;
}

/** V_x: ν at the lowest level with γ >= x. */
function volumeAtIntensityFraction(t: IvhTerms, x: number): FeatureOutcome {
  if (t.levels.length < 2) return undefinedBecause("the ROI has a single intensity level, so the intensity fraction is undefined");
  for (let i = 0; i < t.levels.length; i++) if (t.intensityFraction[i]! >= x - 1e-12) return valueOf(t.volumeFraction[i]!);
  return valueOf(0);
}

/** I_x: the lowest level with ν <= x (past the last level, ν is 0). */
function intensityAtVolumeFraction(t: IvhTerms, x: number): number {
  for (let i = 0; i < t.levels.length; i++) if (t.volumeFraction[i]! <= x + 1e-12) return t.levels[i]!;
  return t.levels[t.levels.length - 1]! + t.step;
}

function difference(a: FeatureOutcome, b: FeatureOutcome): FeatureOutcome {
  return "value" in a && "value" in b ? valueOf(a.value - b.value) : undefinedBecause("a volume fraction is undefined");
}

type F = FeatureFormula<IvhTerms>;
const f = (key: string, name: string, ibsiCode: string, unit: string, description: string, compute: F["compute"]): F =>
  ({ key: `ivh_${key}`, name, family: "intensity_volume_histogram", ibsiCode, unit, description, compute });

export const IVH_FORMULAS: readonly F[] = [
  // BC2M: V_10 = ν at the lowest intensity with γ >= 0.10
  f("v10", "Volume fraction at 10% intensity", "BC2M", "", "ν(min i with γ_i >= 0.10)", (t) => volumeAtIntensityFraction(t, 0.1)),
  // BC2M: V_90 = ν at the lowest intensity with γ >= 0.90
  f("v90", "Volume fraction at 90% intensity", "BC2M", "", "ν(min i with γ_i >= 0.90)", (t) => volumeAtIntensityFraction(t, 0.9)),
  // GBPN: I_10 = lowest intensity with ν <= 0.10
  f("i10", "Intensity at 10% volume", "GBPN", "intensity", "min i with ν_i <= 0.10", (t) => valueOf(intensityAtVolumeFraction(t, 0.1))),
  // GBPN: I_90 = lowest intensity with ν <= 0.90
  f("i90", "Intensity at 90% volume", "GBPN", "intensity", "min i with ν_i <= 0.90", (t) => valueOf(intensityAtVolumeFraction(t, 0.9))),
  // DDTU: V_10 - V_90
  f("v10_minus_v90", "Volume fraction difference between 10% and 90% intensity", "DDTU", "", "V_10 - V_90", (t) => difference(volumeAtIntensityFraction(t, 0.1), volumeAtIntensityFraction(t, 0.9))),
  // CNV2: I_10 - I_90
  f("i10_minus_i90", "Intensity difference between 10% and 90% volume", "CNV2", "intensity", "I_10 - I_90", (t) => valueOf(intensityAtVolumeFraction(t, 0.1) - intensityAtVolumeFraction(t, 0.9))),
  // 9CMM: area under the IVH curve, trapezoidal in γ; IBSI: 0 for a single grey level (no consensus value)
  f("area_under_curve", "Area under the IVH curve", "9CMM", "", "∫ ν dγ (trapezoid rule), 0 for one level (IBSI)", (t) => {
    if (t.levels.length < 2) return valueOf(0);
    let area = 0;
    for (let i = 1; i < t.levels.length; i++) area += ((t.volumeFraction[i]! + t.volumeFraction[i - 1]!) / 2) * (t.intensityFraction[i]! - t.intensityFraction[i - 1]!);
    return valueOf(area);
  }),
];

/** Picks the IVH discretisation when the caller did not: integers as they are, else 1000 bins (as MIRP). */
export function defaultIvhDiscretisation(values: Float64Array): IvhDiscretisationSettings {
  for (const x of values) if (!Number.isInteger(x)) return { method: "fixedBinNumber", binCount: 1000 };
  return { method: "none" };
}

/**
 * Builds the IVH. `range` is the re-segmentation range if any (it fixes i_min/i_max for "none" and the
 * bin anchor for fixed bin size), otherwise the ROI minimum and maximum are used.
 */
export function ivhTerms(values: Float64Array, settings: IvhDiscretisationSettings, range: { lower?: number; upper?: number } = {}): IvhTerms {
  let min = Infinity, max = -Infinity;
  for (const x of values) { if (x < min) min = x; if (x > max) max = x; }
  const lower = Number.isFinite(range.lower ?? NaN) ? range.lower! : min;
  const upper = Number.isFinite(range.upper ?? NaN) ? range.upper! : max;
  let levelCount: number;
  let binOf: (x: number) => number;
  let levelValue: (bin: number) => number;
  let step: number;
  switch (settings.method) {
    case "none": {
      const lo = Math.round(lower);
      levelCount = Math.round(upper) - lo + 1;
      binOf = (x) => Math.round(x) - lo;
      levelValue = (b) => lo + b;
      step = 1;
      break;
    }
    case "fixedBinSize": {
      const w = settings.binWidth;
      levelCount = Math.floor((upper - lower) / w) + 1;
      binOf = (x) => Math.max(0, Math.floor((x - lower) / w));
      levelValue = (b) => lower + (b + 0.5) * w;
      step = w;
      break;
    }
    case "fixedBinNumber": {
      const n = settings.binCount;
      levelCount = n;
      binOf = (x) => (max > min ? Math.min(n - 1, Math.floor((n * (x - min)) / (max - min))) : 0);
      levelValue = (b) => b + 1;
      step = 1;
      break;
    }
  }
  const counts = new Float64Array(Math.max(1, levelCount));
  for (const x of values) {
    const b = Math.min(counts.length - 1, Math.max(0, binOf(x)));
    counts[b]! += 1;
  }
  const levels = new Float64Array(counts.length);
  const volumeFraction = new Float64Array(counts.length);
  const intensityFraction = new Float64Array(counts.length);
  let below = 0;
  for (let b = 0; b < counts.length; b++) {
    levels[b] = levelValue(b);
    volumeFraction[b] = 1 - below / values.length;
    below += counts[b]!;
  }
  const span = levels[levels.length - 1]! - levels[0]!;
  for (let b = 0; b < counts.length; b++) intensityFraction[b] = span > 0 ? (levels[b]! - levels[0]!) / span : NaN;
  return { levels, volumeFraction, intensityFraction, step };
}

export function computeIntensityVolumeHistogram(
  roi: RoiGrid | undefined,
  settings: IvhDiscretisationSettings | undefined,
  range: { lower?: number; upper?: number } = {},
): FeatureResult[] {
  let outcomes: FeatureOutcome[];
  if (!roi || roi.intensityVoxelCount === 0) {
    outcomes = allUndefined(IVH_FORMULAS, "the intensity mask is empty");
  } else {
    const values = new Float64Array(roi.intensityVoxelCount);
    let n = 0;
    for (let v = 0; v < roi.intensityMask.length; v++) if (roi.intensityMask[v] !== 0) values[n++] = roi.intensities[v]!;
    outcomes = evaluateFormulas(IVH_FORMULAS, ivhTerms(values, settings ?? defaultIvhDiscretisation(values), range));
  }
  return IVH_FORMULAS.map((d, i) => toResult(d, outcomes[i]!));
}
