// Whether a filter works in 3D or slice by slice (IBSI-2 "2D" tests filter each axial slice on its own):
// a 2D filter runs along i and j only, so the kernel never reaches across k.
import type { Axis } from "./filter-image.js";

export type FilterDimensions = 2 | 3;

/** The axes a filter of the given dimensionality convolves along. */
export function filterAxes(dimensions: FilterDimensions): readonly Axis[] {
  return dimensions === 2 ? [0, 1] : [0, 1, 2];
}
