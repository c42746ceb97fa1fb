// IBSI-2 Laplacian of Gaussian. The kernel is sampled on the voxel grid with σ in voxels (σ_a = σ/Δ_a),
// truncated at ±⌊tσ_a + 0.5⌋ voxels (IBSI-2: t = 4), and applied separably: ∇²G = Σ_a G''_a · Π_{b≠a} G_b.
// For isotropic voxels that is exactly the manual's −(1/σ²)(1/(√(2π)σ))^d (d − |x|²/σ²) e^{−|x|²/(2σ²)}.
import { BadUserInputError } from "../errors.js";
import type { BoundaryCondition } from "./boundary.js";
import { filterAxes, type FilterDimensions } from "./filter-dimensions.js";
import { withData, type Axis, type FilterImage } from "./filter-image.js";
import { convolveAxis } from "./separable-convolution.js";

export interface LogFilterParams {
  /** Gaussian scale σ in mm. */
  readonly sigmaMm: number;
  /** Kernel half-width in units of σ (IBSI-2: 4). */
  readonly truncation?: number;
  readonly boundary: BoundaryCondition;
  readonly dimensions: FilterDimensions;
}

// g(x) = e^{−x²/(2s²)} / (√(2π) s), sampled at integer x in [−r, r]
export function gaussianTaps(s: number, radius: number): Float64Array {
  return Float64Array.from({ length: 2 * radius + 1 }, (_, t) => Math.exp(-((t - radius) ** 2) / (2 * s * s)) / (Math.sqrt(2 * Math.PI) * s));
}

// g''(x) = (x²/s⁴ − 1/s²) g(x)
export function gaussianSecondDerivativeTaps(s: number, radius: number): Float64Array {
  const g = gaussianTaps(s, radius);
  return g.map((v, t) => ((t - radius) ** 2 / s ** 4 - 1 / s ** 2) * v);
}

export function logFilter(image: FilterImage, params: LogFilterParams): FilterImage {
  const { sigmaMm, truncation = 4, boundary, dimensions } = params;
  if (!(sigmaMm > 0) || !(truncation > 0)) throw new BadUserInputError(`LoG needs σ > 0 and truncation > 0, got σ = ${sigmaMm} mm, truncation = ${truncation}`);
  const axes = filterAxes(dimensions);
  const sigma = (a: Axis) => sigmaMm / image.spacing[a];
  const radius = (a: Axis) => Math.floor(truncation * sigma(a) + 0.5);
  const sum = new Float64Array(image.data.length);
  for (const derived of axes) {
    const term = axes.reduce((out, a) => {
      const taps = a === derived ? gaussianSecondDerivativeTaps(sigma(a), radius(a)) : gaussianTaps(sigma(a), radius(a));
      return convolveAxis(out, a, taps, boundary);
    }, image);
    for (let n = 0; n < sum.length; n++) sum[n]! += term.data[n]!;
  }
  return withData(image, sum);
}
