// IBSI-2 Laws kernels: a separable kernel named by one 1D Laws kernel per axis (e.g. "E5L5S5": E5 along i
// (x), L5 along j (y), S5 along k (z); two names = a 2D kernel per axial slice), the 1D kernels normalised
// to unit L2 norm as the manual lists them; optional rotation invariance (pooled over the right-angle
// rotations) and an energy map computed from the (pooled) response.
import { BadUserInputError } from "../errors.js";
import type { BoundaryCondition } from "./boundary.js";
import type { FilterDimensions } from "./filter-dimensions.js";
import type { Axis, FilterImage } from "./filter-image.js";
import { lawsEnergyMap } from "./laws-energy-map.js";
import { rotationInvariant, type RotationPooling } from "./rotation-invariance.js";
import { convolveAxis } from "./separable-convolution.js";

// k / ‖k‖₂ for the 1D Laws kernels (IBSI-2 manual, Laws kernels table)
const LAWS_1D: Record<string, readonly number[]> = {
  L3: unit([1, 2, 1]),
  E3: unit([-1, 0, 1]),
  S3: unit([-1, 2, -1]),
  L5: unit([1, 4, 6, 4, 1]),
  E5: unit([-1, -2, 0, 2, 1]),
  S5: unit([-1, 0, 2, 0, -1]),
  R5: unit([1, -4, 6, -4, 1]),
  W5: unit([-1, 2, 0, -2, 1]),
};

function unit(k: number[]): number[] {
  const norm = Math.sqrt(k.reduce((s, v) => s + v * v, 0));
  return k.map((v) => v / norm);
}

export interface LawsFilterParams {
  /** Kernel name, one 1D kernel per axis starting at i: "E5L5S5" (3D) or "L5S5" (2D). */
  readonly kernel: string;
  readonly boundary: BoundaryCondition;
  /** Pool the responses over the right-angle rotations of the kernel. */
  readonly rotationInvariance?: RotationPooling;
  /** Chebyshev distance δ of the energy map's neighbourhood in voxels; absent = the response itself. */
  readonly energyDistance?: number;
  /** Boundary condition of the energy map (default: the filter's). */
  readonly energyBoundary?: BoundaryCondition;
}

/** The 1D kernels of a Laws kernel name, along i, j (and k). */
export function lawsKernels(name: string): number[][] {
  const parts = name.toUpperCase().match(/[A-Z]\d/g) ?? [];
  if ((parts.length !== 2 && parts.length !== 3) || parts.join("") !== name.toUpperCase())
    throw new BadUserInputError(`Laws kernel '${name}' is not two or three of ${Object.keys(LAWS_1D).join(", ")}`);
  return parts.map((p) => {
    const k = LAWS_1D[p];
    if (!k) throw new BadUserInputError(`unknown 1D Laws kernel '${p}' in '${name}'; known: ${Object.keys(LAWS_1D).join(", ")}`);
    return [...k];
  });
}

// φ = f ∗ (k_i ⊗ k_j ⊗ k_k)
function lawsResponse(image: FilterImage, kernels: number[][], boundary: BoundaryCondition): FilterImage {
  return kernels.reduce((out, k, a) => convolveAxis(out, a as Axis, k, boundary), image);
}

export function lawsFilter(image: FilterImage, params: LawsFilterParams): FilterImage {
  const kernels = lawsKernels(params.kernel);
  const dimensions = kernels.length as FilterDimensions;
  const filter = (im: FilterImage) => lawsResponse(im, kernels, params.boundary);
  const response = params.rotationInvariance ? rotationInvariant(image, filter, params.rotationInvariance, dimensions) : filter(image);
  if (params.energyDistance === undefined) return response;
  return lawsEnergyMap(response, { distance: params.energyDistance, boundary: params.energyBoundary ?? params.boundary, dimensions });
}
