// A filtered ("derived") image with the image-type name pyradiomics gives it, e.g. `square`,
// `wavelet-LLH`, `log-sigma-1-0-mm-3D`; feature names are `<name>_<class>_<feature>`.
import { BadUserInputError } from "../../errors.js";
import type { FilterImage } from "../filter-image.js";

export interface DerivedImage {
  readonly name: string;
  readonly image: FilterImage;
}

/** max |x| over the whole image: pyradiomics' intensity transforms rescale by it. */
export function maxAbsIntensity(image: { readonly data: Float32Array | Float64Array }, imageType: string): number {
  let m = 0;
  for (const v of image.data) {
    const a = Math.abs(v);
    if (a > m) m = a;
  }
  // pyradiomics divides by it (or by its log) and would return NaN / ∞ voxels.
  if (!(m > 0) || !Number.isFinite(m)) throw new BadUserInputError(`pyradiomics image type '${imageType}' needs an image with a finite, non-zero max |intensity|, got ${m}`);
  return m;
}
