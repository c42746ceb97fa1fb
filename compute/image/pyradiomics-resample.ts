// pyradiomics 3.0.1's resampling and pre-cropping (radiomics/imageoperations.py resampleImage and
// cropToTumorMask, as RadiomicsFeatureExtractor.loadImage applies them): a new grid at
// `resampledPixelSpacing` (0 keeps the mask's spacing on that axis; an axis on which the ROI is one voxel
// thick is never resampled) anchored on the mask's bounding box of `label`, padded by `padDistance` new
// voxels and clipped to the mask's extent; the image interpolated onto it (sitkBSpline by default), the
// label map by nearest neighbour. When the new spacing equals the image's (numpy allclose), or with
// `preCrop` and no resampling, image and mask are only cropped to the bounding box ± padDistance voxels.
import { BadUserInputError } from "../errors.js";
import { continuousIndexToPhysical, indexToPhysical, itkResample, physicalToContinuousIndex, type ItkInterpolator } from "./itk-resample.js";
import type { Geometry, Mask, SourcePixelType, Vec3, Volume } from "./volume.js";

/** Pixel types SimpleITK casts the interpolated value to (ResampleImageFilter keeps the input's pixel type). */
export type { SourcePixelType } from "./volume.js";

export interface PyradiomicsResampleSettings {
  /** null: no resampling (pyradiomics' default). */
  readonly resampledPixelSpacing: readonly number[] | null;
  /** null: no resampling either (pyradiomics resamples only when interpolator and spacing are both set). */
  readonly interpolator: ItkInterpolator | null;
  readonly padDistance: number;
  readonly preCrop: boolean;
  readonly label: number;
  /** Pixel type of the image pyradiomics would read (default float64: intensities kept as Float64). */
  readonly sourcePixelType?: SourcePixelType;
}

export const PYRADIOMICS_RESAMPLE_DEFAULTS: PyradiomicsResampleSettings = {
  resampledPixelSpacing: null, interpolator: "sitkBSpline", padDistance: 5, preCrop: false, label: 1,
};

/** Largest resampled grid (voxels): the default maxInterpolatedVoxels cap, which the IBSI-side estimate cannot see here. */
export const MAX_RESAMPLED_VOXELS = 16_000_000;

const INTEGER_RANGES: Partial<Record<SourcePixelType, [number, number]>> = {
  int8: [-128, 127], int16: [-32768, 32767], int32: [-2147483648, 2147483647], uint8: [0, 255], uint16: [0, 65535], uint32: [0, 4294967295],
};

/** ResampleImageFilter's CastPixelWithBoundsChecking to the source pixel type: clamp, then truncate toward 0. */
function castTo(type: SourcePixelType, values: Float64Array): Float64Array {
  if (type === "float64") return values;
  if (type === "float32") return values.map(Math.fround);
  const [min, max] = INTEGER_RANGES[type]!;
  return values.map((v) => (v < min ? min : v > max ? max : Math.trunc(v)));
}

/** LabelShapeStatisticsImageFilter's bounding box of `label`: lower index and size per axis. */
function labelBoundingBox(mask: Mask, label: number): { lower: Vec3; size: Vec3 } {
  const [nx, ny] = mask.geometry.size;
  const lo = [Infinity, Infinity, Infinity], hi = [-Infinity, -Infinity, -Infinity];
  for (let v = 0; v < mask.data.length; v++) {
    if (mask.data[v] !== label) continue;
    const ijk = [v % nx, Math.floor(v / nx) % ny, Math.floor(v / (nx * ny))];
    for (let a = 0; a < 3; a++) { lo[a] = Math.min(lo[a]!, ijk[a]!); hi[a] = Math.max(hi[a]!, ijk[a]!); }
  }
  if (lo[0] === Infinity) throw new BadUserInputError(`label ${label} is not present in the mask`, { label });
  return { lower: lo as unknown as Vec3, size: [hi[0]! - lo[0]! + 1, hi[1]! - lo[1]! + 1, hi[2]! - lo[2]! + 1] };
}

/** _checkROI: the ROI's bounding box (voxel corners) must lie within the image's extent, to 1e-3 voxel. */
function checkRoiInsideImage(volume: Volume, mask: Mask, box: { lower: Vec3; size: Vec3 }): void {
  const corners = [box.lower.map((l) => l - 0.5), box.lower.map((l, a) => l + box.size[a]! - 0.5)] as unknown as Vec3[];
  const bounds = corners.map((c) => physicalToContinuousIndex(volume.geometry, continuousIndexToPhysical(mask.geometry, c)));
  for (let a = 0; a < 3; a++) {
    const lo = Math.min(bounds[0]![a]!, bounds[1]![a]!), hi = Math.max(bounds[0]![a]!, bounds[1]![a]!);
    if (lo < -0.5 - 1e-3 || hi > volume.geometry.size[a]! - 0.5 + 1e-3) throw new BadUserInputError("the bounding box of the ROI is larger than the image space (pyradiomics _checkROI)", { axis: a });
  }
}

function cropGeometry(g: Geometry, lower: Vec3, upper: Vec3): Geometry {
  return { ...g, origin: indexToPhysical(g, lower), size: [upper[0] - lower[0] + 1, upper[1] - lower[1] + 1, upper[2] - lower[2] + 1] };
}

function cropData<T extends Float64Array | Uint8Array>(data: ArrayLike<number>, g: Geometry, lower: Vec3, upper: Vec3, make: (n: number) => T): T {
  const [nx, ny, nz] = [upper[0] - lower[0] + 1, upper[1] - lower[1] + 1, upper[2] - lower[2] + 1];
  const out = make(nx * ny * nz);
  for (let k = 0; k < nz; k++) for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) {
    out[i + nx * (j + ny * k)] = data[lower[0] + i + g.size[0] * (lower[1] + j + g.size[1] * (lower[2] + k))]!;
  }
  return out;
}

/** cropToTumorMask: image and mask cropped to the bounding box ± padDistance voxels, clipped to the mask's grid. */
function cropToTumorMask(volume: Volume, mask: Mask, box: { lower: Vec3; size: Vec3 }, padDistance: number): { volume: Volume; mask: Mask } {
  const g = mask.geometry;
  const lower = box.lower.map((l) => Math.max(0, l - padDistance)) as unknown as Vec3;
  const upper = box.lower.map((l, a) => Math.min(g.size[a]! - 1, l + box.size[a]! - 1 + padDistance)) as unknown as Vec3;
  return {
    volume: { geometry: cropGeometry(volume.geometry, lower, upper), data: cropData(volume.data, volume.geometry, lower, upper, (n) => new Float64Array(n)) },
    mask: { geometry: cropGeometry(g, lower, upper), data: cropData(mask.data, g, lower, upper, (n) => new Uint8Array(n)) },
  };
}

function sameGeometry(a: Geometry, b: Geometry): boolean {
  return [0, 1, 2].every((i) => a.size[i] === b.size[i] && a.spacing[i] === b.spacing[i] && a.origin[i] === b.origin[i] && a.direction[i]!.every((d, j) => d === b.direction[i]![j]));
}

/** The mask's label map on the image's grid (nearest neighbour), as pyradiomics does before cropping. */
function maskOnImageGrid(volume: Volume, mask: Mask): Mask {
  if (sameGeometry(volume.geometry, mask.geometry)) return mask;
  return { geometry: volume.geometry, data: Uint8Array.from(itkResample(mask, volume.geometry, "sitkNearestNeighbor")) };
}

/** The resampling grid of resampleImage, from the mask's bounding box (pyradiomics' arithmetic, in double as numpy does it). */
export function pyradiomicsResampleGrid(mask: Mask, box: { lower: Vec3; size: Vec3 }, spacing: readonly number[], padDistance: number): Geometry {
  const g = mask.geometry;
  const ratio = [0, 1, 2].map((a) => g.spacing[a]! / spacing[a]!);
  const lower: number[] = [], size: number[] = [], croppedOriginIndex: number[] = [];
  for (let a = 0; a < 3; a++) {
    let lb = Math.floor((box.lower[a]! - 0.5) * ratio[a]! - padDistance);
    let ub = Math.ceil((box.lower[a]! + box.size[a]! - 0.5) * ratio[a]! + padDistance);
    const maxUb = Math.ceil(g.size[a]! * ratio[a]!) - 1;
    if (lb < 0) lb = 0;
    if (ub > maxUb) ub = maxUb;
    lower.push(lb);
    size.push(Math.trunc(ub - lb + 1));
    // Voxel centres: the new index 0 sits half a new voxel from the old grid's corner.
    croppedOriginIndex.push((0.5 * (spacing[a]! - g.spacing[a]!)) / g.spacing[a]! + lb / ratio[a]!);
  }
  return { size: size as unknown as Vec3, spacing: [...spacing] as unknown as Vec3, direction: g.direction, origin: continuousIndexToPhysical(g, croppedOriginIndex as unknown as Vec3) };
}

function allClose(a: readonly number[], b: readonly number[]): boolean {
  return a.every((x, i) => Math.abs(x - b[i]!) <= 1e-8 + 1e-5 * Math.abs(b[i]!));
}

/**
 * SimpleITK 2.5.7's sitkBSpline reflects an index once at the image edge, so on an axis of exactly 2 voxels a
 * sample between index 1 and 1.5 reads outside the image buffer: pyradiomics' values there are undefined
 * (measured: ~1e244 on a 2-slice series). Such a resampling is refused rather than given other numbers.
 */
function refuseTwoVoxelBSpline(volume: Volume, interpolator: ItkInterpolator, spacing: readonly number[]): void {
  if (interpolator !== "sitkBSpline") return;
  const axis = [0, 1, 2].find((a) => volume.geometry.size[a] === 2 && spacing[a] !== volume.geometry.spacing[a]);
  if (axis === undefined) return;
  throw new BadUserInputError(
    `sitkBSpline resampling along an image axis of 2 voxels (axis ${"xyz"[axis]}): SimpleITK reads outside the image there, so pyradiomics' result is undefined; use interpolator sitkLinear, or keep that axis' spacing (resampledPixelSpacing 0)`,
    { key: "interpolator", axis },
  );
}

/** pyradiomics' resampleImage on a volume and its label map (labels kept, the ROI is `settings.label`). */
function resample(volume: Volume, mask: Mask, settings: PyradiomicsResampleSettings, requested: readonly number[]): { volume: Volume; mask: Mask } {
  if (requested.length !== 3) throw new BadUserInputError(`resampledPixelSpacing must have 3 values (x, y, z), got ${requested.length}`, { key: "resampledPixelSpacing" });
  const box = labelBoundingBox(mask, settings.label);
  checkRoiInsideImage(volume, mask, box);
  const g = mask.geometry;
  // 0 keeps the mask's spacing; so does an axis on which the ROI is one voxel thick.
  const spacing = requested.map((s, a) => (s === 0 || box.size[a] === 1 ? g.spacing[a]! : s));
  if (allClose(volume.geometry.spacing, spacing)) {
    const onImage = maskOnImageGrid(volume, mask);
    return cropToTumorMask(volume, onImage, labelBoundingBox(onImage, settings.label), settings.padDistance);
  }
  refuseTwoVoxelBSpline(volume, settings.interpolator!, spacing);
  const grid = pyradiomicsResampleGrid(mask, box, spacing, settings.padDistance);
  const voxels = grid.size[0] * grid.size[1] * grid.size[2];
  if (voxels > MAX_RESAMPLED_VOXELS) throw new BadUserInputError(`resampledPixelSpacing ${JSON.stringify(requested)} gives a grid of ${voxels} voxels, more than ${MAX_RESAMPLED_VOXELS}`, { key: "resampledPixelSpacing", voxels });
  const values = itkResample(volume, grid, settings.interpolator!);
  return {
    volume: { geometry: grid, data: castTo(settings.sourcePixelType ?? "float64", values) },
    mask: { geometry: grid, data: Uint8Array.from(itkResample(mask, grid, "sitkNearestNeighbor")) },
  };
}

/** loadImage's resampling / pre-cropping step: resampled (or cropped) image and label map, or both unchanged. */
export function pyradiomicsResample(volume: Volume, mask: Mask, settings: PyradiomicsResampleSettings): { volume: Volume; mask: Mask } {
  if (settings.interpolator !== null && settings.resampledPixelSpacing !== null) return resample(volume, mask, settings, settings.resampledPixelSpacing);
  if (!settings.preCrop) return { volume, mask };
  const onImage = maskOnImageGrid(volume, mask);
  return cropToTumorMask(volume, onImage, labelBoundingBox(onImage, settings.label), settings.padDistance);
}
