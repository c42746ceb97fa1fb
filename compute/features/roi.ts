// The ROI as every family sees it: the image, both masks and the grey levels, cropped to the ROI's
// bounding box plus a zero margin (so neighbour look-ups never leave the arrays).
import { BadUserInputError } from "../errors.js";
import { discretise, type DiscretisationSettings } from "../image/discretisation.js";
import type { ResegmentationSettings } from "../image/resegmentation.js";
import { splitRoiMasks } from "../image/roi-masks.js";
import type { Geometry, Vec3 } from "../image/volume.js";

export interface RoiGrid {
  /** Size of the cropped, padded grid. */
  readonly size: Vec3;
  readonly spacing: Vec3;
  /** Original-grid index of cropped voxel (0, 0, 0). */
  readonly offset: Vec3;
  /** Margin (voxels) of zero mask around the bounding box. */
  readonly margin: number;
  /** Float64 (exact for Float32 images; filtered images keep their double values). */
  readonly intensities: Float64Array;
  readonly intensityMask: Uint8Array;
  readonly morphologicalMask: Uint8Array;
  /** Discretised grey levels, 0 outside the intensity mask. */
  readonly greyLevels: Int32Array;
  readonly numberOfGreyLevels: number;
  readonly intensityVoxelCount: number;
  readonly morphologicalVoxelCount: number;
}

export interface BoundingBox { readonly lower: Vec3; readonly upper: Vec3 }

/** Inclusive index bounding box of the voxels where mask > 0; undefined if there are none. */
export function boundingBox(geometry: Geometry, mask: ArrayLike<number>): BoundingBox | undefined {
  const [nx, ny, nz] = geometry.size;
  let x0 = Infinity, y0 = Infinity, z0 = Infinity, x1 = -Infinity, y1 = -Infinity, z1 = -Infinity;
  let v = 0;
  for (let k = 0; k < nz; k++) for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++, v++) {
    if (!(mask[v]! > 0)) continue;
    if (i < x0) x0 = i; if (i > x1) x1 = i;
    if (j < y0) y0 = j; if (j > y1) y1 = j;
    if (k < z0) z0 = k; if (k > z1) z1 = k;
  }
  return x0 === Infinity ? undefined : { lower: [x0, y0, z0], upper: [x1, y1, z1] };
}

/** Copies the box (plus margin, zero-filled outside the original grid) out of a voxel array. */
export function cropArray<T extends Float32Array | Float64Array | Uint8Array>(
  source: ArrayLike<number>, geometry: Geometry, box: BoundingBox, margin: number, make: (n: number) => T,
): T {
  const [nx, ny, nz] = geometry.size;
  const sx = box.upper[0] - box.lower[0] + 1 + 2 * margin;
  const sy = box.upper[1] - box.lower[1] + 1 + 2 * margin;
  const sz = box.upper[2] - box.lower[2] + 1 + 2 * margin;
  const out = make(sx * sy * sz);
  const ox = box.lower[0] - margin, oy = box.lower[1] - margin, oz = box.lower[2] - margin;
  let o = 0;
  for (let k = 0; k < sz; k++) {
    const gk = oz + k;
    for (let j = 0; j < sy; j++) {
      const gj = oy + j;
      for (let i = 0; i < sx; i++, o++) {
        const gi = ox + i;
        if (gi < 0 || gj < 0 || gk < 0 || gi >= nx || gj >= ny || gk >= nz) continue;
        out[o] = source[gi + nx * (gj + ny * gk)]!;
      }
    }
  }
  return out;
}

export function countSet(mask: Uint8Array): number {
  let n = 0;
  for (let v = 0; v < mask.length; v++) if (mask[v] !== 0) n++;
  return n;
}

/**
 * Builds the ROI grid: crops image and mask to the mask's bounding box plus `margin` first (so a whole
 * CT never gets copied), then applies re-segmentation (intensity mask) and discretisation on the crop.
 * Undefined when the mask is empty.
 */
export function buildRoiGrid(
  geometry: Geometry,
  intensities: ArrayLike<number>,
  mask: ArrayLike<number>,
  resegmentation: ResegmentationSettings,
  discretisation: DiscretisationSettings,
  margin: number,
): RoiGrid | undefined {
  const box = boundingBox(geometry, mask);
  if (!box) return undefined;
  const size: Vec3 = [
    box.upper[0] - box.lower[0] + 1 + 2 * margin,
    box.upper[1] - box.lower[1] + 1 + 2 * margin,
    box.upper[2] - box.lower[2] + 1 + 2 * margin,
  ];
  const croppedIntensities = cropArray(intensities, geometry, box, margin, (n) => new Float64Array(n));
  const croppedMask = cropArray(mask, geometry, box, margin, (n) => new Float32Array(n));
  const { morphological: morphologicalMask, intensity: intensityMask } = splitRoiMasks(croppedIntensities, croppedMask, resegmentation);
  for (let v = 0; v < morphologicalMask.length; v++) {
    if (morphologicalMask[v] !== 0 && !Number.isFinite(croppedIntensities[v]!)) {
      throw new BadUserInputError("the image holds a non-finite intensity (NaN or ±Infinity) inside the ROI", { croppedIndex: v });
    }
  }
  const discretised = discretise(croppedIntensities, intensityMask, discretisation);
  return {
    size,
    spacing: geometry.spacing,
    offset: [box.lower[0] - margin, box.lower[1] - margin, box.lower[2] - margin],
    margin,
    intensities: croppedIntensities,
    intensityMask,
    morphologicalMask,
    greyLevels: discretised.greyLevels,
    numberOfGreyLevels: discretised.numberOfGreyLevels,
    intensityVoxelCount: countSet(intensityMask),
    morphologicalVoxelCount: countSet(morphologicalMask),
  };
}

/** Flat indices of the voxels with a grey level (intensity mask), ascending; computed once per ROI grid. */
const roiVoxelLists = new WeakMap<RoiGrid, Int32Array>();
export function roiVoxels(roi: RoiGrid): Int32Array {
  let list = roiVoxelLists.get(roi);
  if (!list) {
    const g = roi.greyLevels;
    let n = 0;
    for (let v = 0; v < g.length; v++) if (g[v] !== 0) n++;
    list = new Int32Array(n);
    for (let v = 0, t = 0; v < g.length; v++) if (g[v] !== 0) list[t++] = v;
    roiVoxelLists.set(roi, list);
  }
  return list;
}
