// IBSI-2 Riesz-transformed Laplacian of Gaussian: the LoG kernel (sampled, truncated at `truncate` σ) and the
// Riesz transform applied as one transfer function on the padded grid (IBSI-2 reference manual,
// arXiv:2006.05470, "Riesz transform"). The LoG is the sum over axes of the second derivative of a sampled,
// unit-sum 1D Gaussian (σ in voxels, derivatives per voxel²), as scipy.ndimage.gaussian_laplace computes it
// and as the IBSI consensus maps are scaled.
import { BadUserInputError } from "../errors.js";
import type { BoundaryCondition } from "./boundary.js";
import { filterSpectrum, frequencyFilterPadding, kernelSpectrum, multiplyTransfers, paddedSpectrum } from "./fft-convolution.js";
import { withData, type FilterImage } from "./filter-image.js";
import { rieszTransfer, type RieszOrder } from "./riesz-transform.js";

export interface RieszLogParams {
  /** Gaussian σ in mm. */
  readonly sigma: number;
  /** Kernel radius in units of σ (IBSI-2 uses 4). */
  readonly truncate: number;
  readonly order: RieszOrder;
  readonly boundary: BoundaryCondition;
}

/** Sampled 1D Gaussian g (unit sum) and its second derivative g'' = g · (x² − s²) / s⁴, over [−r, r]. */
export function gaussianAndSecondDerivative(s: number, radius: number): { g: Float64Array; g2: Float64Array } {
  const g = Float64Array.from({ length: 2 * radius + 1 }, (_, t) => Math.exp(-((t - radius) ** 2) / (2 * s * s)));
  const sum = g.reduce((a, b) => a + b, 0);
  for (let t = 0; t < g.length; t++) g[t]! /= sum;
  const g2 = Float64Array.from(g, (value, t) => (value * ((t - radius) ** 2 - s * s)) / s ** 4);
  return { g, g2 };
}

// out = Re F⁻¹( F(image) · F(∇²G_σ) · R^(l) ),  ∇²G_σ(u) = Σ_a g''_a(u_a) Π_{b≠a} g_b(u_b).
export function rieszLog(image: FilterImage, params: RieszLogParams): FilterImage {
  if (!(params.sigma > 0) || !(params.truncate > 0)) throw new BadUserInputError(`Riesz-LoG needs σ > 0 and truncate > 0, got ${params.sigma}, ${params.truncate}`);
  const axes = [0, 1, 2].map((a) => {
    if (image.size[a] === 1) return { radius: 0, g: Float64Array.of(1), g2: Float64Array.of(0) };
    const s = params.sigma / image.spacing[a]!;
    const radius = Math.floor(params.truncate * s + 0.5);
    return { radius, ...gaussianAndSecondDerivative(s, radius) };
  });
  const [x, y, z] = axes as [(typeof axes)[0], (typeof axes)[0], (typeof axes)[0]];
  const spectrum = paddedSpectrum(image, frequencyFilterPadding(image, params.boundary), params.boundary);
  const log = kernelSpectrum(spectrum.size, [x.radius, y.radius, z.radius], (u, v, w) => {
    const gu = x.g[u + x.radius]!, gv = y.g[v + y.radius]!, gw = z.g[w + z.radius]!;
    return [x.g2[u + x.radius]! * gv * gw + gu * y.g2[v + y.radius]! * gw + gu * gv * z.g2[w + z.radius]!, 0];
  });
  return withData(image, filterSpectrum(spectrum, multiplyTransfers(log, rieszTransfer(spectrum.size, params.order))).re);
}
