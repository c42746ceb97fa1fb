// pyradiomics `Logarithm`: g(x) = log(x + 1) for x > 0, −log(1 − x) for x < 0, then rescaled by
// max|x| / max|g| so the result keeps the original's range (the docstring's c = max/log(max + 1)).
import { withData, type FilterImage } from "../filter-image.js";
import { maxAbsIntensity, type DerivedImage } from "./derived-image.js";

/** `maxAbs`: max |x| of the whole image when `image` is a crop of it (max |g| is then log(maxAbs + 1), the same float). */
export function logarithmImage(image: FilterImage, maxAbs?: number): DerivedImage {
  const max = maxAbs ?? maxAbsIntensity(image, "logarithm");
  const g = image.data.map((x) => (x > 0 ? Math.log(x + 1) : x < 0 ? -Math.log(-(x - 1)) : x));
  const scale = max / (maxAbs !== undefined ? Math.log(maxAbs + 1) : maxAbsIntensity(withData(image, g), "logarithm"));
  return { name: "logarithm", image: withData(image, g.map((v) => v * scale)) };
}
