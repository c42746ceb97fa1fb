// pyradiomics `SquareRoot`: f(x) = √(c·x) for x ≥ 0, −√(−c·x) for x < 0, c = max|x| (range kept).
import { withData, type FilterImage } from "../filter-image.js";
import { maxAbsIntensity, type DerivedImage } from "./derived-image.js";

/** `maxAbs`: max |x| of the whole image when `image` is a crop of it. */
export function squareRootImage(image: FilterImage, maxAbs = maxAbsIntensity(image, "squareroot")): DerivedImage {
  const c = maxAbs;
  const out = image.data.map((x) => (x > 0 ? Math.sqrt(x * c) : x < 0 ? -Math.sqrt(-x * c) : x));
  return { name: "squareroot", image: withData(image, out) };
}
