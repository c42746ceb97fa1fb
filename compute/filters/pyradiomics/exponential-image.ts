// pyradiomics `Exponential`: f(x) = exp(c·x), c = log(max|x|) / max|x| (so f(max|x|) = max|x|).
import { withData, type FilterImage } from "../filter-image.js";
import { maxAbsIntensity, type DerivedImage } from "./derived-image.js";

export function exponentialImage(image: FilterImage): DerivedImage {
  const max = maxAbsIntensity(image, "exponential");
  const c = Math.log(max) / max;
  return { name: "exponential", image: withData(image, image.data.map((x) => Math.exp(c * x))) };
}
