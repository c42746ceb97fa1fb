// IBSI-2 mean filter: the average over an M-voxel cube (3D) or square (2D, per axial slice) centred on the
// voxel, under a boundary condition. Separable: a 1D box of M taps along each filtered axis.
import { BadUserInputError } from "../errors.js";
import type { BoundaryCondition } from "./boundary.js";
import { filterAxes, type FilterDimensions } from "./filter-dimensions.js";
import type { FilterImage } from "./filter-image.js";
import { convolveAxis } from "./separable-convolution.js";

export interface MeanFilterParams {
  /** Support M in voxels along each filtered axis (odd). */
  readonly support: number;
  readonly boundary: BoundaryCondition;
  readonly dimensions: FilterDimensions;
}

// φ(x) = (1/M^d) Σ_{|k_a| ≤ (M−1)/2} f(x + k)
export function meanFilter(image: FilterImage, params: MeanFilterParams): FilterImage {
  const { support, boundary, dimensions } = params;
  if (!Number.isInteger(support) || support < 1 || support % 2 === 0) throw new BadUserInputError(`mean filter support must be an odd number of voxels, got ${support}`);
  const box = new Float64Array(support).fill(1 / support);
  return filterAxes(dimensions).reduce((out, axis) => convolveAxis(out, axis, box, boundary), image);
}
