// The ROI as every family sees it: the image, both masks and the grey levels, cropped to the ROI's
// bounding box plus a zero margin (so neighbour look-ups never leave the arrays).
import type { DiscretisedImage } from "../image/discretisation.js";
import type { Geometry, Vec3 } from "../image/volume.js";

export interface RoiGrid {
  /** Size of the cropped, padded grid. */
  readonly size: Vec3;
  readonly spacing: Vec3;
  /** Original-grid index of cropped voxel (0, 0, 0). */
  readonly offset: Vec3;
  /** Margin (voxels) of zero mask around the bounding box. */
  readonly margin: number;
  readonly intensities: Float32Array;
  readonly intensityMask: Uint8Array;
  readonly morphologicalMask: Uint8Array;
  /** Discretised grey levels, 0 outside the intensity mask. */
  readonly greyLevels: Int32Array;
  readonly numberOfGreyLevels: number;
  readonly intensityVoxelCount: number;
  readonly morphologicalVoxelCount: number;
}

export interface BoundingBox { readonly lower: Vec3; readonly upper: Vec3 }

/** Inclusive index bounding box of the voxels set in any of the masks; undefined if all are empty. */
export function boundingBox(geometry: Geometry, masks: readonly Uint8Array[]): BoundingBox | undefined {
  const [nx, ny, nz] = geometry.size;
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  let v = 0;
  for (let k = 0; k < nz; k++) for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++, v++) {
    let inside = false;
    for (const m of masks) if (m[v] !== 0) { inside = true; break; }
    if (!inside) continue;
    if (i < lo[0]!) lo[0] = i; if (i > hi[0]!) hi[0] = i;
    if (j < lo[1]!) lo[1] = j; if (j > hi[1]!) hi[1] = j;
    if (k < lo[2]!) lo[2] = k; if (k > hi[2]!) hi[2] = k;
  }
  if (lo[0] === Infinity) return undefined;
  return { lower: [lo[0]!, lo[1]!, lo[2]!], upper: [hi[0]!, hi[1]!, hi[2]!] };
}

/** Copies the box (plus margin, zero-filled outside the original grid) out of a voxel array. */
export function cropArray<T extends Float32Array | Uint8Array | Int32Array>(
  source: T, geometry: Geometry, box: BoundingBox, margin: number, make: (n: number) => T,
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

/** Builds the cropped ROI grid from full-grid arrays. */
export function cropRoi(
  geometry: Geometry,
  intensities: Float32Array,
  intensityMask: Uint8Array,
  morphologicalMask: Uint8Array,
  discretised: DiscretisedImage,
  margin: number,
): RoiGrid | undefined {
  const box = boundingBox(geometry, [intensityMask, morphologicalMask]);
  if (!box) return undefined;
  const size: Vec3 = [
    box.upper[0] - box.lower[0] + 1 + 2 * margin,
    box.upper[1] - box.lower[1] + 1 + 2 * margin,
    box.upper[2] - box.lower[2] + 1 + 2 * margin,
  ];
  const im = cropArray(intensityMask, geometry, box, margin, (n) => new Uint8Array(n));
  const mm = cropArray(morphologicalMask, geometry, box, margin, (n) => new Uint8Array(n));
  return {
    size,
    spacing: geometry.spacing,
    offset: [box.lower[0] - margin, box.lower[1] - margin, box.lower[2] - margin],
    margin,
    intensities: cropArray(intensities, geometry, box, margin, (n) => new Float32Array(n)),
    intensityMask: im,
    morphologicalMask: mm,
    greyLevels: cropArray(discretised.greyLevels, geometry, box, margin, (n) => new Int32Array(n)),
    numberOfGreyLevels: discretised.numberOfGreyLevels,
    intensityVoxelCount: countSet(im),
    morphologicalVoxelCount: countSet(mm),
  };
}
