// Places a SEG frame on a slice of the image grid: by its plane position (within a named
// tolerance), else by its source SOP instance. A frame that does not fall exactly on the grid is an
// error, never a silent shift to the nearest slice.

import { GeometryMismatchError } from "../errors.js";
import { dot, maxAbsDifference, subtract } from "./vec3.js";
import type { ImageGrid } from "./image-grid.js";
import type { Segmentation, SegmentationFrame } from "./segmentation.js";
import { ReferencedImagesMissingError } from "./image-errors.js";
import { inPlaneToleranceMm, spacingsEqual, type GridTolerance } from "./grid-tolerance.js";

/** Index k (in grid slice order) of the slice that frame lies on. */
export function sliceIndexOfFrame(frame: SegmentationFrame, grid: ImageGrid, tolerance: GridTolerance): number {
  requireSameInPlaneGeometry(frame, grid, tolerance);
  const source = sourceSlice(frame, grid);
  if (!frame.imagePositionPatient) {
    if (source.index === undefined) throw unplaceableFrame(frame, grid, source.present);
    return source.index;
  }
  const byPosition = sliceIndexByPosition(frame, grid, tolerance);
  if (byPosition === undefined) throw frameOffGrid(frame, grid, source);
  if (source.index !== undefined && source.index !== byPosition) {
    throw new GeometryMismatchError(
      `SEG frame ${frame.frameNumber} lies on slice ${grid.slices[byPosition]!.sopInstanceUID} but names ${grid.slices[source.index]!.sopInstanceUID} as its source`,
      { frameNumber: frame.frameNumber },
    );
  }
  return byPosition;
}

interface SourceSlice {
  /** The one slice the frame's source references point at, if they point at exactly one. */
  readonly index?: number;
  /** Whether any source reference is a slice of the grid. */
  readonly present: boolean;
}

// Frames of a multi-frame source share its SOP UID: ReferencedFrameNumber then picks the slice.
function sourceSlice(frame: SegmentationFrame, grid: ImageGrid): SourceSlice {
  const matches: number[] = [];
  grid.slices.forEach((slice, k) => frame.sourceSopInstanceUIDs.includes(slice.sopInstanceUID) && matches.push(k));
  if (matches.length <= 1) return { index: matches[0], present: matches.length === 1 };
  const byFrame = matches.filter((k) => grid.slices[k]!.frameNumber === frame.sourceFrameNumber);
  return { index: byFrame.length === 1 ? byFrame[0] : undefined, present: true };
}

function unplaceableFrame(frame: SegmentationFrame, grid: ImageGrid, sourcePresent: boolean): Error {
  const details = { frameNumber: frame.frameNumber, sourceSopInstanceUIDs: frame.sourceSopInstanceUIDs };
  if (sourcePresent) {
    return new GeometryMismatchError(`SEG frame ${frame.frameNumber} has no plane position and its source references match several slices`, details);
  }
  return new ReferencedImagesMissingError(
    `SEG frame ${frame.frameNumber} has no plane position and none of its source images (${frame.sourceSopInstanceUIDs.join(", ") || "none"}) is in series ${grid.seriesInstanceUID}`,
    details,
  );
}

// Off the grid because its source slice was not given (an incomplete series) or because it really is elsewhere.
function frameOffGrid(frame: SegmentationFrame, grid: ImageGrid, source: SourceSlice): Error {
  const along = dot(frame.imagePositionPatient!, grid.normal);
  const details = { frameNumber: frame.frameNumber, offsetAlongNormalMm: along, sourceSopInstanceUIDs: frame.sourceSopInstanceUIDs };
  if (!source.present && frame.sourceSopInstanceUIDs.length > 0) {
    return new ReferencedImagesMissingError(
      `SEG frame ${frame.frameNumber} lies at ${along.toFixed(3)} mm along the slice normal, on source image ${frame.sourceSopInstanceUIDs.join(", ")}, which series ${grid.seriesInstanceUID} as given does not contain`,
      details,
    );
  }
  return new GeometryMismatchError(
    `SEG frame ${frame.frameNumber} lies at ${along.toFixed(3)} mm along the slice normal, on no slice of series ${grid.seriesInstanceUID}` +
      (source.index === undefined ? "" : ` (its source image lies at ${grid.slices[source.index]!.offsetAlongNormal.toFixed(3)} mm)`),
    details,
  );
}

/** Checks what all frames share with the grid: frame size and frame of reference. */
export function requireSegmentationFitsGrid(seg: Segmentation, grid: ImageGrid): void {
  if (seg.rows !== grid.rows || seg.columns !== grid.columns) {
    throw new GeometryMismatchError(
      `SEG frames are ${seg.columns}×${seg.rows} but the images of series ${grid.seriesInstanceUID} are ${grid.columns}×${grid.rows}`,
      { segSize: [seg.columns, seg.rows], imageSize: [grid.columns, grid.rows] },
    );
  }
  if (seg.frameOfReferenceUID && grid.frameOfReferenceUID && seg.frameOfReferenceUID !== grid.frameOfReferenceUID) {
    throw new GeometryMismatchError(`SEG frame of reference ${seg.frameOfReferenceUID} differs from the images' ${grid.frameOfReferenceUID}`, {
      segFrameOfReferenceUID: seg.frameOfReferenceUID,
      imageFrameOfReferenceUID: grid.frameOfReferenceUID,
    });
  }
}

function requireSameInPlaneGeometry(frame: SegmentationFrame, grid: ImageGrid, tolerance: GridTolerance): void {
  const orientationDiffers =
    frame.rowDirection !== undefined &&
    frame.columnDirection !== undefined &&
    Math.max(maxAbsDifference(frame.rowDirection, grid.rowDirection), maxAbsDifference(frame.columnDirection, grid.columnDirection)) >
      tolerance.directionCosine;
  const spacingDiffers =
    frame.pixelSpacing !== undefined &&
    (!spacingsEqual(frame.pixelSpacing[0], grid.pixelSpacing[0], tolerance) ||
      !spacingsEqual(frame.pixelSpacing[1], grid.pixelSpacing[1], tolerance));
  if (orientationDiffers || spacingDiffers) {
    throw new GeometryMismatchError(
      `SEG frame ${frame.frameNumber} has another ${orientationDiffers ? "orientation" : "pixel spacing"} than the images of series ${grid.seriesInstanceUID}; resample it first`,
      { frameNumber: frame.frameNumber, frameOrientation: [frame.rowDirection, frame.columnDirection], framePixelSpacing: frame.pixelSpacing },
    );
  }
}

function sliceIndexByPosition(frame: SegmentationFrame, grid: ImageGrid, tolerance: GridTolerance): number | undefined {
  const position = frame.imagePositionPatient!;
  const along = dot(position, grid.normal);
  const k = grid.slices.findIndex((slice) => Math.abs(slice.offsetAlongNormal - along) <= tolerance.positionMm);
  if (k < 0) return undefined;
  const shift = subtract(position, grid.slices[k]!.imagePositionPatient);
  const inPlane = [dot(shift, grid.rowDirection), dot(shift, grid.columnDirection)];
  if (Math.hypot(inPlane[0]!, inPlane[1]!) > inPlaneToleranceMm(grid.pixelSpacing, tolerance)) {
    throw new GeometryMismatchError(
      `SEG frame ${frame.frameNumber} is shifted in-plane by (${inPlane.map((v) => v.toFixed(3)).join(", ")}) mm from its slice's pixel grid`,
      { frameNumber: frame.frameNumber, inPlaneShiftMm: inPlane },
    );
  }
  return k;
}
