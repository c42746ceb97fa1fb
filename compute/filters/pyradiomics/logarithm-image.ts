// pyradiomics `Logarithm`: g(x) = log(x + 1) for x > 0, −log(1 − x) for x < 0, then rescaled by
// max|x| / max|g| so the result keeps the original's range (the docstring's c = max/log(max + 1)).
import { withData, type FilterImage } from "../filter-image.js";
import { maxAbsIntensity, type DerivedImage } from "./derived-image.js";

export function logarithmImage(image: FilterImage): DerivedImage {
  const max = maxAbsIntensity(image, "logarithm");
  const g = image.data.map((x) => (x > 0 ? Math.log(x + 1) : x < 0 ? -Math.log(-(x - 1)) : x));
  const scale = max / maxAbsIntensity(withData(image, g), "logarithm");
  return { name: "logarithm", image: withData(image, g.map((v) => v * scale)) };
}
