// The image a convolutional filter reads and writes: Float64 voxels on a grid, i fastest (as Volume and
// NIfTI). Filters work in Float64 throughout (IBSI-2 compares response maps to 1 % of their range;
// pyradiomics computes in double) and return a new image of the same size and spacing.

export interface FilterImage {
  /** Voxels along i, j, k (a 2D image, or a slice-by-slice filter, has k = 1 or works per k). */
  readonly size: readonly [number, number, number];
  /** Voxel spacing in mm along i, j, k (kernels given in mm are sampled with it). */
  readonly spacing: readonly [number, number, number];
  readonly data: Float64Array;
}

export type Axis = 0 | 1 | 2;

/** The same grid with new voxels. */
export function withData(image: FilterImage, data: Float64Array): FilterImage {
  return { size: image.size, spacing: image.spacing, data };
}

/** Distance between neighbours along an axis in the flat array (1, nx, nx·ny). */
export function axisStride(size: FilterImage["size"], axis: Axis): number {
  return axis === 0 ? 1 : axis === 1 ? size[0] : size[0] * size[1];
}
