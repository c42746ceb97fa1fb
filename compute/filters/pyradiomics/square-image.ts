// pyradiomics `Square`: f(x) = (c·x)², c = 1/√max|x| (so the result spans [0, max|x|]; negative
// intensities become positive — the code squares them, whatever its docstring says).
import { withData, type FilterImage } from "../filter-image.js";
import { maxAbsIntensity, type DerivedImage } from "./derived-image.js";

/** `maxAbs`: max |x| of the whole image when `image` is a crop of it. */
export function squareImage(image: FilterImage, maxAbs = maxAbsIntensity(image, "square")): DerivedImage {
  const c = 1 / Math.sqrt(maxAbs);
  const out = image.data.map((x) => (c * x) ** 2);
  return { name: "square", image: withData(image, out) };
}
