// DICOM SEG → one mask per segment on the referenced image grid. Overlapping segments stay separate
// masks; frames may come in any order, be empty, or share a plane.

import { BadUserInputError, InvalidDicomError } from "../errors.js";
import type { ImageGrid } from "./image-grid.js";
import type { Segmentation, SegmentDescription } from "./segmentation.js";
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
  const sliceSize = grid.rows * grid.columns;
  seg.frames.forEach((frame, frameIndex) => {
    const k = sliceIndexOfFrame(frame, grid, tolerance);
    const values = frameStoredValues(seg, frameIndex);
    if (seg.segmentationType === "LABELMAP") {
      for (const mask of masks.values()) addLabelPixels(values, mask.segment.segmentNumber, seg.pixelPaddingValue, mask.data, k * sliceSize);
      return;
    }
    if (!seg.segments.some((segment) => segment.segmentNumber === frame.segmentNumber)) {
      throw new InvalidDicomError(`SEG frame ${frame.frameNumber} refers to segment ${frame.segmentNumber ?? "(none)"}, which the SEG does not describe`);
    }
    const mask = masks.get(frame.segmentNumber!);
    if (!mask) return; // a segment the caller did not ask for
    addMemberPixels(values, minimumMemberValue(seg, threshold), mask.data, k * sliceSize);
  });
  return [...masks.values()];
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
