// IBSI-2 Laws energy map: the mean absolute response over the (2δ+1)^d neighbourhood of each voxel
// (Chebyshev distance δ), under its own boundary condition.
import { BadUserInputError } from "../errors.js";
import type { BoundaryCondition } from "./boundary.js";
import type { FilterDimensions } from "./filter-dimensions.js";
import { withData, type FilterImage } from "./filter-image.js";
import { meanFilter } from "./mean-filter.js";

export interface LawsEnergyParams {
  readonly distance: number;
  readonly boundary: BoundaryCondition;
  readonly dimensions: FilterDimensions;
}

// E(x) = (1/(2δ+1)^d) Σ_{‖k‖∞ ≤ δ} |φ(x + k)|
export function lawsEnergyMap(response: FilterImage, params: LawsEnergyParams): FilterImage {
  if (!Number.isInteger(params.distance) || params.distance < 0) throw new BadUserInputError(`Laws energy distance must be a whole number of voxels ≥ 0, got ${params.distance}`);
  const magnitude = withData(response, response.data.map(Math.abs));
  return meanFilter(magnitude, { support: 2 * params.distance + 1, boundary: params.boundary, dimensions: params.dimensions });
}
