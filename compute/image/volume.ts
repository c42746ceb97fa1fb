// In-memory images shared by the imaging pipeline (DICOM → volume, SEG/RTSTRUCT → mask) and the
// feature code. Voxel (i, j, k) — column, row, slice — lives at index i + nx * (j + ny * k).

export type Vec3 = readonly [number, number, number];

/** Where a voxel grid sits in patient space (DICOM LPS, mm). */
export interface Geometry {
  /** Voxels along i (columns), j (rows), k (slices). */
  readonly size: Vec3;
  /** Voxel spacing in mm along i, j, k. */
  readonly spacing: Vec3;
  /** Patient position of the centre of voxel (0, 0, 0). */
  readonly origin: Vec3;
  /** Unit direction cosines of the i, j and k axes, each a Vec3 (row direction, column direction, slice normal). */
  readonly direction: readonly [Vec3, Vec3, Vec3];
}

/** Pixel types of an image as SimpleITK reads it (sitk-pixel-type.ts), to which sitk.Resample casts its output. */
export type SourcePixelType = "float64" | "float32" | "int8" | "int16" | "int32" | "uint8" | "uint16" | "uint32";

/** A scalar image on a grid: HU for CT, arbitrary units for MR. */
export interface Volume<D extends Float32Array | Float64Array = Float32Array | Float64Array> {
  readonly geometry: Geometry;
  /** Float32 as read from DICOM; Float64 for filtered (derived) images, which pyradiomics keeps in double. */
  readonly data: D;
  /**
   * The pixel type SimpleITK's ImageSeriesReader would give the series (from BitsAllocated, BitsStored,
   * PixelRepresentation and the rescale), set by the DICOM reader; pyradiomics' resampling casts to it.
   * Absent for volumes not read from DICOM (treated as Float64).
   */
  readonly sourcePixelType?: SourcePixelType;
}

/** A binary region of interest on a grid: 1 inside, 0 outside. */
export interface Mask {
  readonly geometry: Geometry;
  readonly data: Uint8Array;
}

export function voxelCount(geometry: Geometry): number {
  return geometry.size[0] * geometry.size[1] * geometry.size[2];
}

export function voxelIndex(geometry: Geometry, i: number, j: number, k: number): number {
  return i + geometry.size[0] * (j + geometry.size[1] * k);
}

/** Patient position (mm) of the centre of voxel (i, j, k). */
export function voxelToPatient(geometry: Geometry, i: number, j: number, k: number): Vec3 {
  const [di, dj, dk] = geometry.direction;
  const [si, sj, sk] = geometry.spacing;
  const o = geometry.origin;
  return [
    o[0] + i * si * di[0] + j * sj * dj[0] + k * sk * dk[0],
    o[1] + i * si * di[1] + j * sj * dj[1] + k * sk * dk[1],
    o[2] + i * si * di[2] + j * sj * dj[2] + k * sk * dk[2],
  ];
}

export const AXIAL: readonly [Vec3, Vec3, Vec3] = [[1, 0, 0], [0, 1, 0], [0, 0, 1]];
