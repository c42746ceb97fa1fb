// IBSI intensity discretisation (chapter 1, section "Intensity discretisation"): maps the intensities of
// the voxels inside the intensity mask to grey levels 1..Ng. Voxels outside the mask get grey level 0.
import { BadUserInputError } from "../errors.js";

/** How intensities become grey levels. */
export type DiscretisationSettings =
  /** Fixed bin number (FBN): Ng bins spanning [min, max] of the ROI intensities. */
  | { readonly method: "fixedBinNumber"; readonly binCount: number }
  /**
   * Fixed bin size (FBS): bins of width w anchored at `lowerBound` — the lower bound of the
   * re-segmentation range if there is one, otherwise the minimum ROI intensity (IBSI). With
   * `anchor: "multipleOfBinWidth"` the bins start at floor(min / w) · w instead (pyradiomics).
   */
  | { readonly method: "fixedBinSize"; readonly binWidth: number; readonly lowerBound?: number; readonly anchor?: "ibsi" | "multipleOfBinWidth" }
  /** Intensities are already integer grey levels (e.g. the IBSI phantom); used as they are. */
  | { readonly method: "none" };

export interface DiscretisedImage {
  /** Grey level per voxel (1..numberOfGreyLevels), 0 outside the intensity mask. */
  readonly greyLevels: Int32Array;
  /** Ng: the number of grey levels of the discretisation (levels may be empty). */
  readonly numberOfGreyLevels: number;
  /** Intensity of the lower edge of bin 1 (FBS) or minimum ROI intensity (FBN). */
  readonly lowerBound: number;
  /** Bin width in intensity units (FBN: (max - min) / Ng; none: 1). */
  readonly binWidth: number;
}

/** Minimum and maximum of the intensities under the mask; undefined for an empty mask. */
export function maskedRange(intensities: ArrayLike<number>, mask: Uint8Array): { min: number; max: number } | undefined {
  let min = Infinity;
  let max = -Infinity;
  for (let v = 0; v < mask.length; v++) {
    if (mask[v] === 0) continue;
    const x = intensities[v]!;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return min <= max ? { min, max } : undefined;
}

/** FBN (IBSI): X_d = floor(Ng (X - X_min) / (X_max - X_min)) + 1, with X = X_max mapped to Ng. */
export function discretiseFixedBinNumber(intensities: ArrayLike<number>, mask: Uint8Array, binCount: number): DiscretisedImage {
  if (!Number.isInteger(binCount) || binCount < 1) {
    throw new BadUserInputError(`fixed bin number needs a positive integer bin count, got ${binCount}`, { binCount });
  }
  const greyLevels = new Int32Array(mask.length);
  const range = maskedRange(intensities, mask);
  if (!range) return { greyLevels, numberOfGreyLevels: binCount, lowerBound: NaN, binWidth: NaN };
  const span = range.max - range.min;
  for (let v = 0; v < mask.length; v++) {
    if (mask[v] === 0) continue;
    // IBSI's second case (X = X_max → N_g) also covers an ROI of one intensity, where the span is 0.
    const level = span > 0 ? Math.floor((binCount * (intensities[v]! - range.min)) / span) + 1 : binCount;
    greyLevels[v] = Math.min(level, binCount);
  }
  return { greyLevels, numberOfGreyLevels: binCount, lowerBound: range.min, binWidth: span / binCount };
}

/** FBS (IBSI): X_d = floor((X - X_min) / w_b) + 1, X_min = re-segmentation lower bound or ROI minimum. */
export function discretiseFixedBinSize(
  intensities: ArrayLike<number>,
  mask: Uint8Array,
  binWidth: number,
  lowerBound?: number,
): DiscretisedImage {
  if (!(binWidth > 0) || !Number.isFinite(binWidth)) {
    throw new BadUserInputError(`fixed bin size needs a positive bin width, got ${binWidth}`, { binWidth });
  }
  const greyLevels = new Int32Array(mask.length);
  const range = maskedRange(intensities, mask);
  if (!range) return { greyLevels, numberOfGreyLevels: 0, lowerBound: lowerBound ?? NaN, binWidth };
  const anchor = lowerBound ?? range.min;
  let maxLevel = 0;
  for (let v = 0; v < mask.length; v++) {
    if (mask[v] === 0) continue;
    // Intensities below the anchor (only possible when the anchor is given) still fall in bin 1.
    const level = Math.max(1, Math.floor((intensities[v]! - anchor) / binWidth) + 1);
    greyLevels[v] = level;
    if (level > maxLevel) maxLevel = level;
  }
  return { greyLevels, numberOfGreyLevels: maxLevel, lowerBound: anchor, binWidth };
}

/** No discretisation: intensities must already be integers >= 1; Ng is the maximum level. */
export function useIntensitiesAsGreyLevels(intensities: ArrayLike<number>, mask: Uint8Array): DiscretisedImage {
  const greyLevels = new Int32Array(mask.length);
  let maxLevel = 0;
  for (let v = 0; v < mask.length; v++) {
    if (mask[v] === 0) continue;
    const x = intensities[v]!;
    if (!Number.isInteger(x) || x < 1) {
      throw new BadUserInputError(
        "discretisation 'none' needs integer intensities >= 1 inside the ROI; use fixedBinSize or fixedBinNumber",
        { voxel: v, intensity: x },
      );
    }
    greyLevels[v] = x;
    if (x > maxLevel) maxLevel = x;
  }
  return { greyLevels, numberOfGreyLevels: maxLevel, lowerBound: 1, binWidth: 1 };
}

export function discretise(intensities: ArrayLike<number>, mask: Uint8Array, settings: DiscretisationSettings): DiscretisedImage {
  switch (settings.method) {
    case "fixedBinNumber":
      return discretiseFixedBinNumber(intensities, mask, settings.binCount);
    case "fixedBinSize": {
      if (settings.anchor !== "multipleOfBinWidth") return discretiseFixedBinSize(intensities, mask, settings.binWidth, settings.lowerBound);
      const min = maskedRange(intensities, mask)?.min ?? 0;
      return discretiseFixedBinSize(intensities, mask, settings.binWidth, Math.floor(min / settings.binWidth) * settings.binWidth);
    }
    case "none":
      return useIntensitiesAsGreyLevels(intensities, mask);
  }
}
