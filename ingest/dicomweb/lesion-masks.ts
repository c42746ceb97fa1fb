// One mask per SEG segment or RTSTRUCT ROI on the image grid, with its number and label.
import type { ImageGrid } from "../../compute/image/image-grid.js";
import type { GridMask } from "../../compute/image/grid-mask.js";
import { segmentationMasks } from "../../compute/image/seg-mask.js";
import { rtStructureSetMasks } from "../../compute/image/rtstruct-mask.js";
import type { SegmentationObject } from "./segmentation-object.js";

export interface LesionMask {
  readonly segmentNumber: number;
  readonly label: string;
  readonly mask: GridMask;
  /** RTSTRUCT contours that could not be placed on the grid (off the slices, open, not planar). */
  readonly warnings: readonly string[];
}

/** Masks of the given segment / ROI numbers (default all). */
export function lesionMasks(object: SegmentationObject, grid: ImageGrid, numbers?: readonly number[]): LesionMask[] {
  if (object.type === "SEG") {
    return segmentationMasks(object.seg, grid, { segmentNumbers: numbers }).map((mask) => ({
      segmentNumber: mask.segment.segmentNumber,
      label: mask.segment.label,
      mask,
      warnings: [],
    }));
  }
  const { masks, warnings } = rtStructureSetMasks(object.rt, grid, { roiNumbers: numbers });
  return masks.map((mask) => ({
    segmentNumber: mask.roi.roiNumber,
    label: mask.roi.name,
    mask,
    warnings: warnings.filter((warning) => warning.roiNumber === mask.roi.roiNumber).map((warning) => warning.message),
  }));
}
