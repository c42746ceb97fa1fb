// Voxel count, volume (mm³) and centroid (patient LPS, mm) of a mask.

import { voxelToPatient, type Mask, type Vec3 } from "./volume.js";
import type { GridMask } from "./grid-mask.js";

export interface MaskStatistics {
  readonly voxelCount: number;
  readonly volumeMm3: number;
  /** Mean patient position of the voxel centres; undefined for an empty mask. */
  readonly centroidPatient?: Vec3;
}

export interface GridMaskStatistics {
  readonly voxelCount: number;
  /** Undefined when the grid's slice spacing is irregular (a voxel then has no single thickness). */
  readonly volumeMm3?: number;
  readonly centroidPatient?: Vec3;
  /** Voxels per slice, in grid slice order. */
  readonly voxelsPerSlice: readonly number[];
}

/** Statistics of a volume Mask (regular geometry). */
export function maskStatistics(mask: Mask): MaskStatistics {
  const [nx, ny, nz] = mask.geometry.size;
  const sums = indexSums(mask.data, nx, ny, nz);
  const [si, sj, sk] = mask.geometry.spacing;
  return {
    voxelCount: sums.count,
    volumeMm3: sums.count * si * sj * sk,
    centroidPatient:
      sums.count === 0 ? undefined : voxelToPatient(mask.geometry, sums.i / sums.count, sums.j / sums.count, sums.k / sums.count),
  };
}

/** Statistics of a mask on an image grid; the centroid uses each slice's own position, so gaps are fine. */
export function gridMaskStatistics(mask: GridMask): GridMaskStatistics {
  const { grid } = mask;
  const sliceSize = grid.rows * grid.columns;
  const voxelsPerSlice: number[] = [];
  const centroid = [0, 0, 0];
  grid.slices.forEach((slice, k) => {
    const sums = indexSums(mask.data.subarray(k * sliceSize, (k + 1) * sliceSize), grid.columns, grid.rows, 1);
    voxelsPerSlice.push(sums.count);
    if (sums.count === 0) return;
    for (let axis = 0; axis < 3; axis++) {
      centroid[axis]! +=
        sums.count * slice.imagePositionPatient[axis]! +
        sums.i * grid.pixelSpacing[1] * grid.rowDirection[axis]! +
        sums.j * grid.pixelSpacing[0] * grid.columnDirection[axis]!;
    }
  });
  const voxelCount = voxelsPerSlice.reduce((a, b) => a + b, 0);
  const sliceExtent = grid.sliceSpacing ?? (grid.slices.length === 1 ? grid.sliceThickness : undefined);
  return {
    voxelCount,
    volumeMm3: sliceExtent === undefined ? undefined : voxelCount * grid.pixelSpacing[0] * grid.pixelSpacing[1] * sliceExtent,
    centroidPatient: voxelCount === 0 ? undefined : [centroid[0]! / voxelCount, centroid[1]! / voxelCount, centroid[2]! / voxelCount],
    voxelsPerSlice,
  };
}

function indexSums(data: Uint8Array, nx: number, ny: number, nz: number): { count: number; i: number; j: number; k: number } {
  let count = 0;
  let i = 0;
  let j = 0;
  let k = 0;
  let index = 0;
  for (let z = 0; z < nz; z++) {
    for (let y = 0; y < ny; y++) {
      for (let x = 0; x < nx; x++, index++) {
        if (data[index] === 0) continue;
        count++;
        i += x;
        j += y;
        k += z;
      }
    }
  }
  return { count, i, j, k };
}
