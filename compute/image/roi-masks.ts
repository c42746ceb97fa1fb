// IBSI ROI masks: the morphological mask (shape, voxel point set) and the intensity mask (after
// re-segmentation) start out identical and diverge only through re-segmentation.
import { GeometryMismatchError } from "../errors.js";
import { resegment, type ResegmentationSettings } from "./resegmentation.js";
import type { Mask, Volume } from "./volume.js";
import { voxelCount } from "./volume.js";

export interface RoiMasks {
  /** Morphological mask: the segmentation as drawn (after interpolation), used for shape features. */
  readonly morphological: Uint8Array;
  /** Intensity mask: the morphological mask minus re-segmented voxels, used for intensity and texture. */
  readonly intensity: Uint8Array;
}

export function assertSameGrid(volume: Volume, mask: Mask): void {
  const a = volume.geometry;
  const b = mask.geometry;
  const sameSize = a.size.every((n, d) => n === b.size[d]);
  const sameSpacing = a.spacing.every((s, d) => Math.abs(s - b.spacing[d]!) <= 1e-6 * Math.max(1, Math.abs(s)));
  if (!sameSize || !sameSpacing) {
    throw new GeometryMismatchError("the mask is not on the image grid", { imageSize: a.size, maskSize: b.size, imageSpacing: a.spacing, maskSpacing: b.spacing });
  }
  if (volume.data.length !== voxelCount(a) || mask.data.length !== voxelCount(b)) {
    throw new GeometryMismatchError("voxel data length does not match the grid size", { imageVoxels: volume.data.length, maskVoxels: mask.data.length });
  }
}

/** Splits a drawn mask (values > 0 inside) into the morphological and the re-segmented intensity mask. */
export function splitRoiMasks(intensities: ArrayLike<number>, mask: ArrayLike<number>, resegmentation: ResegmentationSettings = {}): RoiMasks {
  const morphological = new Uint8Array(mask.length);
  for (let v = 0; v < morphological.length; v++) morphological[v] = mask[v]! > 0 ? 1 : 0;
  const intensity = resegment(intensities, morphological, resegmentation);
  return { morphological, intensity };
}

/** Builds the morphological and intensity masks of a mask on the image grid. */
export function buildRoiMasks(volume: Volume, mask: Mask, resegmentation: ResegmentationSettings = {}): RoiMasks {
  assertSameGrid(volume, mask);
  return splitRoiMasks(volume.data, mask.data, resegmentation);
}
