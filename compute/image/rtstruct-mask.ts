// RTSTRUCT → one mask per ROI on the image grid. Each CLOSED_PLANAR contour goes to the slice whose
// plane it lies in (within a tolerance) and is rasterised by pixel-centre even-odd; all contours of
// an ROI on one slice combine by XOR. Contours on absent slices are skipped with a returned warning.

import { BadUserInputError, GeometryMismatchError } from "../errors.js";
import type { Vec3 } from "./volume.js";
import { dot } from "./vec3.js";
import type { ImageGrid } from "./image-grid.js";
import type { RtContour, RtRoi, RtStructureSet } from "./rtstruct.js";
import { emptyGridMask, type GridMask } from "./grid-mask.js";
import { fillPolygonsEvenOdd, type PixelPolygon } from "./polygon-raster.js";
import { ReferencedImagesMissingError } from "./image-errors.js";
import { resolveTolerance, type GridTolerance } from "./grid-tolerance.js";

export type ContourWarningReason = "off-grid" | "not-in-slice-plane" | "not-closed-planar" | "too-few-points";

export interface ContourWarning {
  readonly reason: ContourWarningReason;
  readonly roiNumber: number;
  readonly roiName: string;
  /** 0-based index in the ROI's ContourSequence. */
  readonly contourIndex: number;
  readonly offsetAlongNormalMm?: number;
  readonly message: string;
}

export interface RoiMask extends GridMask {
  readonly roi: Omit<RtRoi, "contours">;
  /** Contours rasterised onto the grid. */
  readonly contoursUsed: number;
}

export interface RtStructMasks {
  readonly masks: readonly RoiMask[];
  readonly warnings: readonly ContourWarning[];
}

/** One mask per ROI on `grid`, plus warnings for every contour that could not be placed. */
export function rtStructureSetMasks(
  structureSet: RtStructureSet,
  grid: ImageGrid,
  options: { tolerance?: Partial<GridTolerance>; roiNumbers?: readonly number[] } = {},
): RtStructMasks {
  const tolerance = resolveTolerance(options.tolerance);
  requireDrawnOnGrid(structureSet, grid);
  const wanted = selectRois(structureSet, options.roiNumbers);
  const warnings: ContourWarning[] = [];
  const masks = wanted.map((roi) => roiMask(roi, grid, tolerance, warnings));
  return { masks, warnings };
}

function selectRois(structureSet: RtStructureSet, roiNumbers: readonly number[] | undefined): readonly RtRoi[] {
  if (!roiNumbers) return structureSet.rois;
  const unknown = roiNumbers.filter((n) => !structureSet.rois.some((roi) => roi.roiNumber === n));
  if (unknown.length > 0) {
    throw new BadUserInputError(`structure set ${structureSet.sopInstanceUID} has no ROI ${unknown.join(", ")}`, {
      roiNumbers: structureSet.rois.map((roi) => roi.roiNumber),
    });
  }
  return structureSet.rois.filter((roi) => roiNumbers.includes(roi.roiNumber));
}

function roiMask(roi: RtRoi, grid: ImageGrid, tolerance: GridTolerance, warnings: ContourWarning[]): RoiMask {
  const { contours, ...description } = roi;
  const polygonsBySlice = new Map<number, PixelPolygon[]>();
  let contoursUsed = 0;
  contours.forEach((contour, contourIndex) => {
    const placed = placeContour(contour, grid, tolerance);
    if ("reason" in placed) {
      warnings.push({ ...placed, roiNumber: roi.roiNumber, roiName: roi.name, contourIndex, message: `ROI ${roi.roiNumber} '${roi.name}' contour ${contourIndex}: ${placed.message}` });
      return;
    }
    contoursUsed++;
    const onSlice = polygonsBySlice.get(placed.sliceIndex) ?? [];
    onSlice.push(placed.polygon);
    polygonsBySlice.set(placed.sliceIndex, onSlice);
  });
  const mask = emptyGridMask(grid);
  const sliceSize = grid.rows * grid.columns;
  for (const [k, polygons] of polygonsBySlice) fillPolygonsEvenOdd(polygons, grid, mask.data, k * sliceSize);
  return { ...mask, roi: description, contoursUsed };
}

type Placement =
  | { readonly sliceIndex: number; readonly polygon: PixelPolygon }
  | { readonly reason: ContourWarningReason; readonly message: string; readonly offsetAlongNormalMm?: number };

function placeContour(contour: RtContour, grid: ImageGrid, tolerance: GridTolerance): Placement {
  if (contour.geometricType !== "CLOSED_PLANAR") {
    return { reason: "not-closed-planar", message: `${contour.geometricType} contours are not rasterised` };
  }
  const pointCount = contour.points.length / 3;
  if (pointCount < 3) return { reason: "too-few-points", message: `a closed contour needs 3 points, it has ${pointCount}` };
  const offsets = Array.from({ length: pointCount }, (_, p) => dot(pointAt(contour.points, p), grid.normal));
  const mean = offsets.reduce((a, b) => a + b, 0) / pointCount;
  const spread = offsets.reduce((max, o) => Math.max(max, o), -Infinity) - offsets.reduce((min, o) => Math.min(min, o), Infinity);
  if (spread > tolerance.positionMm) {
    return { reason: "not-in-slice-plane", offsetAlongNormalMm: mean, message: "its points do not lie in one plane parallel to the slices" };
  }
  const sliceIndex = grid.slices.findIndex((slice) => Math.abs(slice.offsetAlongNormal - mean) <= tolerance.positionMm);
  if (sliceIndex < 0) {
    return { reason: "off-grid", offsetAlongNormalMm: mean, message: `lies at ${mean.toFixed(3)} mm along the slice normal, on no slice of series ${grid.seriesInstanceUID}` };
  }
  return { sliceIndex, polygon: toPixelPolygon(contour.points, grid, sliceIndex) };
}

// Patient → pixel index: project onto the row and column directions from the slice's IPP (works for oblique grids).
function toPixelPolygon(points: Float64Array, grid: ImageGrid, sliceIndex: number): PixelPolygon {
  const origin = grid.slices[sliceIndex]!.imagePositionPatient;
  const [rowSpacing, columnSpacing] = grid.pixelSpacing;
  const polygon = new Float64Array((points.length / 3) * 2);
  for (let p = 0; p < points.length / 3; p++) {
    const d: Vec3 = [points[3 * p]! - origin[0], points[3 * p + 1]! - origin[1], points[3 * p + 2]! - origin[2]];
    polygon[2 * p] = snapToGrid(dot(d, grid.rowDirection) / columnSpacing);
    polygon[2 * p + 1] = snapToGrid(dot(d, grid.columnDirection) / rowSpacing);
  }
  return polygon;
}

// Vertices written on pixel centres or corners come back as 129.99999999 or 130.00000001 after the
// mm → index division; snapping to 1e-6 px makes such on-edge centres fall the same way every time.
const SNAPS_PER_PIXEL = 1e6;

function snapToGrid(index: number): number {
  return Math.round(index * SNAPS_PER_PIXEL) / SNAPS_PER_PIXEL; // integer / 1e6: whole and half pixels come out exact
}

function pointAt(points: Float64Array, p: number): Vec3 {
  return [points[3 * p]!, points[3 * p + 1]!, points[3 * p + 2]!];
}

function requireDrawnOnGrid(structureSet: RtStructureSet, grid: ImageGrid): void {
  const series = structureSet.referencedSeries.map((reference) => reference.seriesInstanceUID);
  if (series.length > 0 && !series.includes(grid.seriesInstanceUID)) {
    throw new ReferencedImagesMissingError(
      `structure set ${structureSet.sopInstanceUID} was drawn on series ${series.join(", ")}, but series ${grid.seriesInstanceUID} was given`,
      { referencedSeriesInstanceUIDs: series, givenSeriesInstanceUID: grid.seriesInstanceUID },
    );
  }
  const frames = [
    ...structureSet.referencedFrameOfReferenceUIDs,
    ...structureSet.rois.map((roi) => roi.referencedFrameOfReferenceUID).filter((uid): uid is string => !!uid),
  ];
  // A structure set may list several frames of reference (registrations); one of them must be the images'.
  if (grid.frameOfReferenceUID && frames.length > 0 && !frames.includes(grid.frameOfReferenceUID)) {
    throw new GeometryMismatchError(
      `structure set frame of reference ${[...new Set(frames)].join(", ")} differs from the images' ${grid.frameOfReferenceUID}`,
      { structureSetFrameOfReferenceUIDs: [...new Set(frames)], imageFrameOfReferenceUID: grid.frameOfReferenceUID },
    );
  }
}
