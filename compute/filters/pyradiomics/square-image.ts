// pyradiomics `Square`: f(x) = (c·x)², c = 1/√max|x| (so the result spans [0, max|x|]; negative
// intensities become positive — the code squares them, whatever its docstring says).
import { withData, type FilterImage } from "../filter-image.js";
import { maxAbsIntensity, type DerivedImage } from "./derived-image.js";

export function squareImage(image: FilterImage): DerivedImage {
  const c = 1 / Math.sqrt(maxAbsIntensity(image, "square"));
  const out = image.data.map((x) => (c * x) ** 2);
  return { name: "square", image: withData(image, out) };
}
