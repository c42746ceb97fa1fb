// pyradiomics `LoG`: SimpleITK LaplacianRecursiveGaussianImageFilter with NormalizeAcrossScale on, σ in
// mm — for each axis a, the recursive 2nd derivative along a, then the recursive Gaussian along the other
// axes in increasing order, accumulated as Σ_a response_a / Δ_a² (ITK's order). pyradiomics refuses images
// smaller than 4 voxels on any axis and skips σ with size < ⌈σ/Δ⌉ + 1 on some axis, with a warning only
// (`logSigmaFits`: the image type yields no image for that σ, so a 3-slice CT gives no LoG features at all);
// logImage itself refuses such a σ with a typed error.
// SimpleITK returns a 32-bit float image and ITK stores every 1D pass as float (each line is filtered in
// double), the per-axis sum too: the responses cancel to small values, so rounding like ITK is needed to agree to 1e-6 there.
// Name `log-sigma-<σ>-mm-3D` with σ as Python prints a float ('1.0' → '1-0').
import { BadUserInputError } from "../../errors.js";
import { withData, type Axis, type FilterImage } from "../filter-image.js";
import type { DerivedImage } from "./derived-image.js";
import { gaussianScratch, recursiveGaussianPass } from "./recursive-gaussian.js";

/** `sigmaType`: how the params file wrote σ — Python prints a YAML int 1 as '1' but a float 1.0 as '1.0'. */
export function logImage(image: FilterImage, sigmaMm: number, sigmaType: "float" | "int" = "float"): DerivedImage {
  if (!(sigmaMm > 0)) throw new BadUserInputError(`pyradiomics LoG needs sigma > 0 mm, got ${sigmaMm}`);
  if (Math.min(...image.size) < 4) throw new BadUserInputError(`pyradiomics LoG needs ≥ 4 voxels along every axis, got ${image.size.join("×")}`);
  if (image.size.some((n, a) => n < Math.ceil(sigmaMm / image.spacing[a]!) + 1))
    throw new BadUserInputError(`pyradiomics LoG: sigma ${sigmaMm} mm is too large for an image of ${image.size.join("×")} voxels (needs ⌈σ/spacing⌉ + 1 per axis)`);
  // ITK's chain per axis: the 2nd derivative along it, then the Gaussian along the other two in order, each
  // pass stored as float; the three terms summed in float, each divided by that axis' spacing².
  const n = image.data.length;
  const sum = new Float64Array(n), a = new Float64Array(n), b = new Float64Array(n);
  const scratch = gaussianScratch(image.size);
  for (const axis of [0, 1, 2] as const) {
    const [first, second] = ([0, 1, 2] as const).filter((other) => other !== axis) as [Axis, Axis];
    recursiveGaussianPass(image.data, a, image.size, image.spacing, axis, sigmaMm, 2, true, "float32", scratch);
    recursiveGaussianPass(a, b, image.size, image.spacing, first, sigmaMm, 0, true, "float32", scratch);
    recursiveGaussianPass(b, a, image.size, image.spacing, second, sigmaMm, 0, true, "float32", scratch);
    const inv = 1 / image.spacing[axis] ** 2;
    for (let v = 0; v < n; v++) sum[v] = Math.fround(sum[v]! + a[v]! * inv);
  }
  return { name: logImageName(sigmaMm, sigmaType), image: withData(image, sum) };
}

/** pyradiomics getLoGImage's checks: ≥ 4 voxels on every axis, and size ≥ ⌈σ/spacing⌉ + 1 per axis (else σ is skipped). */
export function logSigmaFits(size: readonly number[], spacing: readonly number[], sigmaMm: number): boolean {
  return Math.min(...size) >= 4 && size.every((n, a) => n >= Math.ceil(sigmaMm / spacing[a]!) + 1);
}

/** 'log-sigma-%s-mm-3D' % str(sigma) with '.' → '-' (pyradiomics' name). */
export function logImageName(sigmaMm: number, sigmaType: "float" | "int" = "float"): string {
  const text = sigmaType === "int" && Number.isInteger(sigmaMm) ? String(sigmaMm) : pythonFloatText(sigmaMm);
  return `log-sigma-${text.split(".").join("-")}-mm-3D`;
}

/** Python's str(float): shortest round-trip digits like JS, but '1.0' for whole numbers and exponents
 *  ('1e-05') below 1e-4 and from 1e16. */
export function pythonFloatText(x: number): string {
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-4 || a >= 1e16)) return x.toExponential().replace(/e([+-])(\d)$/, "e$10$2");
  return Number.isInteger(x) ? `${x}.0` : String(x);
}
