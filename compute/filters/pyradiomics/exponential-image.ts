// pyradiomics `Exponential`: f(x) = exp(c·x), c = log(max|x|) / max|x| (so f(max|x|) = max|x|).
import { withData, type FilterImage } from "../filter-image.js";
import { maxAbsIntensity, type DerivedImage } from "./derived-image.js";

/** `maxAbs`: max |x| of the whole image when `image` is a crop of it. */
export function exponentialImage(image: FilterImage, maxAbs = maxAbsIntensity(image, "exponential")): DerivedImage {
  const max = maxAbs;
  const c = Math.log(max) / max;
  return { name: "exponential", image: withData(image, image.data.map((x) => Math.exp(c * x))) };
}
