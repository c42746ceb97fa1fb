// IBSI re-segmentation: removes voxels from the intensity mask only; the morphological mask keeps them.
import { BadUserInputError } from "../errors.js";

/** Settings of IBSI re-segmentation; both steps may be combined (range first, then outliers). */
export interface ResegmentationSettings {
  /** Keep voxels with lower <= X <= upper; either bound may be omitted (open interval). */
  readonly range?: { readonly lower?: number; readonly upper?: number };
  /** Outlier filtering: keep voxels within mean ± sigmas·σ of the (range-filtered) ROI; IBSI uses 3. */
  readonly outlierSigmas?: number;
}

/** Range re-segmentation (IBSI): intensity mask keeps voxels with X in [lower, upper]. */
export function resegmentByRange(intensities: ArrayLike<number>, mask: Uint8Array, lower = -Infinity, upper = Infinity): Uint8Array {
  if (lower > upper) throw new BadUserInputError(`re-segmentation range is empty: [${lower}, ${upper}]`, { lower, upper });
  const out = new Uint8Array(mask.length);
  for (let v = 0; v < mask.length; v++) {
    if (mask[v] === 0) continue;
    const x = intensities[v]!;
    out[v] = x >= lower && x <= upper ? 1 : 0;
  }
  return out;
}

/** Mean and population standard deviation of the masked intensities. */
export function maskedMeanAndSd(intensities: ArrayLike<number>, mask: Uint8Array): { mean: number; sd: number; count: number } {
  let count = 0;
  let sum = 0;
  for (let v = 0; v < mask.length; v++) if (mask[v] !== 0) { count++; sum += intensities[v]!; }
  if (count === 0) return { mean: NaN, sd: NaN, count };
  const mean = sum / count;
  let squares = 0;
  for (let v = 0; v < mask.length; v++) if (mask[v] !== 0) { const d = intensities[v]! - mean; squares += d * d; }
  return { mean, sd: Math.sqrt(squares / count), count };
}

/** Outlier re-segmentation (IBSI): keep voxels with X in [μ - kσ, μ + kσ], σ the population SD. */
export function resegmentOutliers(intensities: ArrayLike<number>, mask: Uint8Array, sigmas = 3): Uint8Array {
  if (!(sigmas > 0)) throw new BadUserInputError(`outlier re-segmentation needs sigmas > 0, got ${sigmas}`, { sigmas });
  const { mean, sd, count } = maskedMeanAndSd(intensities, mask);
  if (count === 0) return new Uint8Array(mask.length);
  return resegmentByRange(intensities, mask, mean - sigmas * sd, mean + sigmas * sd);
}

/** Applies range then outlier re-segmentation to produce the intensity mask. */
export function resegment(intensities: ArrayLike<number>, mask: Uint8Array, settings: ResegmentationSettings): Uint8Array {
  let out = mask;
  if (settings.range) out = resegmentByRange(intensities, out, settings.range.lower, settings.range.upper);
  if (settings.outlierSigmas !== undefined) out = resegmentOutliers(intensities, out, settings.outlierSigmas);
  return out === mask ? Uint8Array.from(mask) : out;
}
