// The analytic truth of one lesion, for assertions: exact voxel count on the image grid (computed
// here independently of compute/image), the voxel-count volume and centroid, and the continuous shape's.
import type { Vec3 } from "../../../compute/image/volume.js";
import { analyticVolumeMm3, type LesionShape } from "./shapes.js";
import { voxelCentre, type SeriesGeometry } from "./series-geometry.js";

export interface LesionTruth {
  /** Segmentation series UID + ":" + segment / ROI number, as LesionRecord.id. */
  readonly id: string;
  readonly label: string;
  readonly segmentNumber: number;
  readonly segmentationType: "SEG" | "RTSTRUCT";
  readonly segmentationSeriesUid: string;
  readonly segmentationSopInstanceUid: string;
  readonly imageSeriesUid: string;
  readonly shape: LesionShape;
  readonly voxelCount: number;
  /** voxelCount × voxel volume. */
  readonly volumeMm3: number;
  /** Mean patient position of the voxel centres inside. */
  readonly voxelCentroid: Vec3;
  readonly analyticVolumeMm3: number;
  readonly analyticCentroid: Vec3;
}

/** Counts the voxels of `inside` (one flag per voxel, i + columns·(j + rows·k)) and averages their centres. */
export function lesionTruth(
  identity: Omit<LesionTruth, "voxelCount" | "volumeMm3" | "voxelCentroid" | "analyticVolumeMm3" | "analyticCentroid">,
  geometry: SeriesGeometry,
  inside: Uint8Array,
): LesionTruth {
  let count = 0;
  const sum = [0, 0, 0];
  for (let k = 0; k < geometry.sliceCount; k++) {
    for (let j = 0; j < geometry.rows; j++) {
      for (let i = 0; i < geometry.columns; i++) {
        if (!inside[i + geometry.columns * (j + geometry.rows * k)]) continue;
        const p = voxelCentre(geometry, i, j, k);
        count++;
        sum[0]! += p[0];
        sum[1]! += p[1];
        sum[2]! += p[2];
      }
    }
  }
  return {
    ...identity,
    voxelCount: count,
    volumeMm3: count * geometry.voxelVolumeMm3,
    voxelCentroid: [sum[0]! / count, sum[1]! / count, sum[2]! / count],
    analyticVolumeMm3: analyticVolumeMm3(identity.shape),
    analyticCentroid: identity.shape.centre,
  };
}
