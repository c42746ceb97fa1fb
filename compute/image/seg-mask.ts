// DICOM SEG → one mask per segment on the referenced image grid. Overlapping segments stay separate
// masks; frames may come in any order, be empty, or share a plane.

import { BadUserInputError, InvalidDicomError } from "../errors.js";
import type { ImageGrid } from "./image-grid.js";
import type { Segmentation, SegmentationFrame, SegmentDescription } from "./segmentation.js";
import { emptyGridMask, type GridMask } from "./grid-mask.js";
import { frameStoredValues } from "./seg-frame-pixels.js";
import { requireSegmentationFitsGrid, sliceIndexOfFrame } from "./seg-frame-placement.js";
import { ReferencedImagesMissingError } from "./image-errors.js";
import { resolveTolerance, type GridTolerance } from "./grid-tolerance.js";

export interface SegmentMask extends GridMask {
  readonly segment: SegmentDescription;
}

export interface SegmentMaskOptions {
  /** FRACTIONAL: a pixel belongs to the segment when stored / MaximumFractionalValue ≥ this. Default 0.5. */
  readonly fractionalThreshold?: number;
  readonly tolerance?: Partial<GridTolerance>;
  /** Build masks for these segments only (each mask is a full grid of bytes); default all. */
  readonly segmentNumbers?: readonly number[];
}

export const DEFAULT_FRACTIONAL_THRESHOLD = 0.5;

/**
 * One mask per segment of `seg` on `grid`. Throws ReferencedImagesMissingError when the SEG refers to
 * another series, GeometryMismatchError when a frame is not on the grid (other orientation, spacing,
 * frame of reference, or a position between or beside slices).
 */
export function segmentationMasks(seg: Segmentation, grid: ImageGrid, options: SegmentMaskOptions = {}): SegmentMask[] {
  const tolerance = resolveTolerance(options.tolerance);
  requireReferencesGridSeries(seg, grid);
  requireSegmentationFitsGrid(seg, grid);
  const threshold = options.fractionalThreshold ?? DEFAULT_FRACTIONAL_THRESHOLD;
  if (!(threshold > 0 && threshold <= 1)) throw new BadUserInputError(`fractionalThreshold must be in (0, 1]; got ${threshold}`);
  const wanted = seg.segments.filter((segment) => !options.segmentNumbers || options.segmentNumbers.includes(segment.segmentNumber));
  requireKnownSegments(seg, options.segmentNumbers);
  const masks = new Map(wanted.map((segment) => [segment.segmentNumber, { segment, ...emptyGridMask(grid) }]));
  const minimum = minimumMemberValue(seg, threshold);
  seg.frames.forEach((frame, frameIndex) => {
    const offset = sliceIndexOfFrame(frame, grid, tolerance) * grid.rows * grid.columns;
    if (seg.segmentationType === "LABELMAP") {
      const values = frameStoredValues(seg, frameIndex);
      for (const mask of masks.values()) addLabelPixels(values, mask.segment.segmentNumber, seg.pixelPaddingValue, mask.data, offset);
      return;
    }
    const mask = maskOfFrame(seg, frame, masks);
    if (mask) addMemberPixels(frameStoredValues(seg, frameIndex), minimum, mask.data, offset);
  });
  return [...masks.values()];
}

/** The mask a BINARY/FRACTIONAL frame adds to; undefined for a segment the caller did not ask for. */
function maskOfFrame(seg: Segmentation, frame: SegmentationFrame, masks: ReadonlyMap<number, SegmentMask>): SegmentMask | undefined {
  if (!seg.segments.some((segment) => segment.segmentNumber === frame.segmentNumber)) {
    throw new InvalidDicomError(`SEG frame ${frame.frameNumber} refers to segment ${frame.segmentNumber ?? "(none)"}, which the SEG does not describe`);
  }
  return masks.get(frame.segmentNumber!);
}

function requireKnownSegments(seg: Segmentation, segmentNumbers: readonly number[] | undefined): void {
  const unknown = (segmentNumbers ?? []).filter((n) => !seg.segments.some((segment) => segment.segmentNumber === n));
  if (unknown.length > 0) {
    throw new BadUserInputError(`SEG ${seg.sopInstanceUID} has no segment ${unknown.join(", ")}`, {
      segmentNumbers: seg.segments.map((segment) => segment.segmentNumber),
    });
  }
}

function minimumMemberValue(seg: Segmentation, threshold: number): number {
  if (seg.segmentationType !== "FRACTIONAL") return 1;
  const maximum = seg.maximumFractionalValue ?? 2 ** seg.bitsAllocated - 1;
  return Math.max(1, threshold * maximum);
}

function addMemberPixels(values: ArrayLike<number>, minimum: number, target: Uint8Array, offset: number): void {
  for (let p = 0; p < values.length; p++) if (values[p]! >= minimum) target[offset + p] = 1;
}

function addLabelPixels(values: ArrayLike<number>, label: number, padding: number | undefined, target: Uint8Array, offset: number): void {
  if (label === padding) return; // padding pixels belong to no segment
  for (let p = 0; p < values.length; p++) if (values[p] === label) target[offset + p] = 1;
}

function requireReferencesGridSeries(seg: Segmentation, grid: ImageGrid): void {
  const series = seg.referencedSeries.map((reference) => reference.seriesInstanceUID);
  if (series.length > 0 && !series.includes(grid.seriesInstanceUID)) {
    throw new ReferencedImagesMissingError(
      `SEG ${seg.sopInstanceUID} segments series ${series.join(", ")}, but series ${grid.seriesInstanceUID} was given`,
      { referencedSeriesInstanceUIDs: series, givenSeriesInstanceUID: grid.seriesInstanceUID },
    );
  }
}
