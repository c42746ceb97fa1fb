// The image grid of a series: its slices sorted along the slice normal (from IOP, never by
// InstanceNumber), with the shared in-plane geometry. SEG frames and RTSTRUCT contours are placed on
// this grid. It may be irregular (gaps); only a regular grid converts to a volume Geometry.

import type { Geometry, Vec3 } from "./volume.js";
import type { ImageInstance } from "./dicom-instance.js";
import { cross, dot, maxAbsDifference, normalize, subtract } from "./vec3.js";
import { SeriesGeometryError } from "./image-errors.js";
import { inPlaneToleranceMm, resolveTolerance, spacingsEqual, type GridTolerance } from "./grid-tolerance.js";

export interface GridSlice {
  readonly sopInstanceUID: string;
  /** Frame of a multi-frame image this slice comes from (1-based); undefined for single-frame images. */
  readonly frameNumber?: number;
  readonly imagePositionPatient: Vec3;
  /** Projection of IPP onto the slice normal, mm; slices are sorted by it, ascending. */
  readonly offsetAlongNormal: number;
}

export interface ImageGrid {
  readonly seriesInstanceUID: string;
  readonly frameOfReferenceUID?: string;
  readonly rows: number;
  readonly columns: number;
  /** [between rows, between columns], mm, as DICOM PixelSpacing. */
  readonly pixelSpacing: readonly [number, number];
  readonly rowDirection: Vec3;
  readonly columnDirection: Vec3;
  /** rowDirection × columnDirection. */
  readonly normal: Vec3;
  readonly slices: readonly GridSlice[];
  /** Distance between consecutive slices when regular; undefined for one slice or irregular spacing. */
  readonly sliceSpacing?: number;
  readonly sliceThickness?: number;
}

/**
 * Sorts and validates the slices of one series. Throws SeriesGeometryError when they are not one stack
 * (mixed series or geometry, duplicate positions, gantry tilt); irregular spacing is allowed here.
 */
export function imageGridFromInstances(
  instances: readonly ImageInstance[],
  options: { tolerance?: Partial<GridTolerance> } = {},
): ImageGrid {
  const tolerance = resolveTolerance(options.tolerance);
  const first = instances[0];
  if (!first) throw new SeriesGeometryError("empty-series", "a series needs at least one image slice");
  instances.forEach((instance) => requireSameSeriesAndGeometry(first, instance, tolerance));
  const normal = normalize(cross(first.plane.rowDirection, first.plane.columnDirection));
  const slices = instances
    .map((instance) => ({
      sopInstanceUID: instance.sopInstanceUID,
      frameNumber: instance.frameNumber,
      imagePositionPatient: instance.plane.imagePositionPatient,
      offsetAlongNormal: dot(instance.plane.imagePositionPatient, normal),
    }))
    .sort((a, b) => a.offsetAlongNormal - b.offsetAlongNormal);
  requireDistinctPositions(slices, tolerance);
  requireStackAlongNormal(slices, normal, first.plane.pixelSpacing, tolerance);
  return {
    seriesInstanceUID: first.seriesInstanceUID,
    frameOfReferenceUID: first.frameOfReferenceUID,
    rows: first.pixel.rows,
    columns: first.pixel.columns,
    pixelSpacing: first.plane.pixelSpacing,
    rowDirection: first.plane.rowDirection,
    columnDirection: first.plane.columnDirection,
    normal,
    slices,
    sliceSpacing: regularSpacing(slices, tolerance),
    sliceThickness: first.plane.sliceThickness,
  };
}

/** The volume Geometry of a regular grid; throws SeriesGeometryError ("irregular-spacing" / "missing-slices") otherwise. */
export function gridGeometry(grid: ImageGrid): Geometry {
  const first = grid.slices[0];
  if (!first) throw new SeriesGeometryError("empty-series", "the image grid has no slices");
  return {
    size: [grid.columns, grid.rows, grid.slices.length],
    spacing: [grid.pixelSpacing[1], grid.pixelSpacing[0], sliceSpacingOf(grid)],
    origin: first.imagePositionPatient,
    direction: [grid.rowDirection, grid.columnDirection, grid.normal],
  };
}

/** Gaps between consecutive slices along the normal, mm. */
export function sliceGaps(grid: ImageGrid): number[] {
  return grid.slices.slice(1).map((slice, k) => slice.offsetAlongNormal - grid.slices[k]!.offsetAlongNormal);
}

function sliceSpacingOf(grid: ImageGrid): number {
  if (grid.sliceSpacing !== undefined) return grid.sliceSpacing;
  if (grid.slices.length === 1) {
    const thickness = grid.sliceThickness;
    if (thickness !== undefined && thickness > 0) return thickness; // one slice: its thickness is its extent
    throw new SeriesGeometryError("irregular-spacing", "a single slice without SliceThickness has no extent along the normal");
  }
  const gaps = sliceGaps(grid);
  const smallest = Math.min(...gaps);
  const multiples = gaps.every((gap) => Math.abs(gap / smallest - Math.round(gap / smallest)) < 0.05);
  const problem = multiples ? "missing-slices" : "irregular-spacing";
  throw new SeriesGeometryError(
    problem,
    multiples
      ? `series ${grid.seriesInstanceUID} has missing slices: gaps of ${formatGaps(gaps)} mm along the slice normal`
      : `series ${grid.seriesInstanceUID} has irregular slice spacing: gaps of ${formatGaps(gaps)} mm along the slice normal`,
    { seriesInstanceUID: grid.seriesInstanceUID, gapsMm: gaps },
  );
}

function formatGaps(gaps: readonly number[]): string {
  const shown = gaps.slice(0, 8).map((gap) => gap.toFixed(3));
  return shown.join(", ") + (gaps.length > 8 ? ", …" : "");
}

function requireSameSeriesAndGeometry(first: ImageInstance, other: ImageInstance, tolerance: GridTolerance): void {
  if (other.seriesInstanceUID !== first.seriesInstanceUID) {
    throw new SeriesGeometryError("mixed-series", `slices of series ${first.seriesInstanceUID} and ${other.seriesInstanceUID} were mixed`, {
      seriesInstanceUIDs: [first.seriesInstanceUID, other.seriesInstanceUID],
    });
  }
  const differences: string[] = [];
  if (other.pixel.rows !== first.pixel.rows || other.pixel.columns !== first.pixel.columns) differences.push("Rows/Columns");
  if (!spacingsEqual(other.plane.pixelSpacing[0], first.plane.pixelSpacing[0], tolerance)) differences.push("PixelSpacing");
  if (!spacingsEqual(other.plane.pixelSpacing[1], first.plane.pixelSpacing[1], tolerance)) differences.push("PixelSpacing");
  const orientationDelta = Math.max(
    maxAbsDifference(other.plane.rowDirection, first.plane.rowDirection),
    maxAbsDifference(other.plane.columnDirection, first.plane.columnDirection),
  );
  if (orientationDelta > tolerance.directionCosine) differences.push("ImageOrientationPatient");
  if (other.frameOfReferenceUID !== first.frameOfReferenceUID) differences.push("FrameOfReferenceUID");
  if (differences.length > 0) {
    throw new SeriesGeometryError(
      "mixed-geometry",
      `slices ${first.sopInstanceUID} and ${other.sopInstanceUID} of series ${first.seriesInstanceUID} differ in ${[...new Set(differences)].join(", ")}`,
      { sopInstanceUIDs: [first.sopInstanceUID, other.sopInstanceUID], differences: [...new Set(differences)] },
    );
  }
}

function requireDistinctPositions(slices: readonly GridSlice[], tolerance: GridTolerance): void {
  for (let k = 1; k < slices.length; k++) {
    const previous = slices[k - 1]!;
    const current = slices[k]!;
    if (current.offsetAlongNormal - previous.offsetAlongNormal <= tolerance.positionMm) {
      throw new SeriesGeometryError(
        "duplicate-position",
        `slices ${previous.sopInstanceUID} and ${current.sopInstanceUID} lie at the same position along the normal ` +
          `(${current.offsetAlongNormal.toFixed(3)} mm); the series may hold several acquisitions or echoes`,
        { sopInstanceUIDs: [previous.sopInstanceUID, current.sopInstanceUID], offsetMm: current.offsetAlongNormal },
      );
    }
  }
}

// IPPs may differ only along the normal; an in-plane drift from the first slice means gantry tilt or a sheared stack.
function requireStackAlongNormal(
  slices: readonly GridSlice[],
  normal: Vec3,
  pixelSpacing: readonly [number, number],
  tolerance: GridTolerance,
): void {
  const allowed = inPlaneToleranceMm(pixelSpacing, tolerance);
  for (let k = 1; k < slices.length; k++) {
    const step = subtract(slices[k]!.imagePositionPatient, slices[0]!.imagePositionPatient);
    const alongNormal = dot(step, normal);
    const inPlane = Math.sqrt(Math.max(0, dot(step, step) - alongNormal * alongNormal));
    if (inPlane > allowed) {
      throw new SeriesGeometryError(
        "gantry-tilt",
        `slices are not stacked along the slice normal (slice ${slices[k]!.sopInstanceUID} is shifted in-plane by ` +
          `${inPlane.toFixed(3)} mm from the first slice): gantry tilt or a sheared stack needs resampling`,
        { inPlaneShiftMm: inPlane, offsetAlongNormalMm: alongNormal, allowedMm: allowed },
      );
    }
  }
}

function regularSpacing(slices: readonly GridSlice[], tolerance: GridTolerance): number | undefined {
  if (slices.length < 2) return undefined;
  const first = slices[0]!.offsetAlongNormal;
  const spacing = (slices[slices.length - 1]!.offsetAlongNormal - first) / (slices.length - 1);
  const regular = slices.every((slice, k) => Math.abs(slice.offsetAlongNormal - (first + k * spacing)) <= tolerance.positionMm);
  return regular ? spacing : undefined;
}
