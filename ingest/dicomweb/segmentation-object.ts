// A SEG or RTSTRUCT read from Part-10 bytes, with what links it to the images it was drawn on.
import { parseSegmentation, type Segmentation } from "../../compute/image/segmentation.js";
import { parseRtStructureSet, type RtStructureSet } from "../../compute/image/rtstruct.js";

export type SegmentationObject =
  | { readonly type: "SEG"; readonly seg: Segmentation; readonly links: SegmentationLinks }
  | { readonly type: "RTSTRUCT"; readonly rt: RtStructureSet; readonly links: SegmentationLinks };

export interface SegmentationLinks {
  readonly sopInstanceUid: string;
  readonly seriesUid: string;
  /** ReferencedSeriesSequence (SEG) / RTReferencedSeriesSequence (RTSTRUCT). */
  readonly referencedSeriesUids: readonly string[];
  /** Source images of SEG frames, contour images of RTSTRUCT contours, and the listed referenced instances. */
  readonly referencedSopInstanceUids: ReadonlySet<string>;
  readonly frameOfReferenceUids: readonly string[];
}

export function parseSegmentationObject(type: "SEG" | "RTSTRUCT", bytes: Uint8Array): SegmentationObject {
  if (type === "SEG") {
    const seg = parseSegmentation(bytes);
    return { type, seg, links: segLinks(seg) };
  }
  const rt = parseRtStructureSet(bytes);
  return { type, rt, links: rtLinks(rt) };
}

function segLinks(seg: Segmentation): SegmentationLinks {
  return {
    sopInstanceUid: seg.sopInstanceUID,
    seriesUid: seg.seriesInstanceUID,
    referencedSeriesUids: seg.referencedSeries.map((series) => series.seriesInstanceUID).filter(Boolean),
    referencedSopInstanceUids: new Set([
      ...seg.frames.flatMap((frame) => frame.sourceSopInstanceUIDs),
      ...seg.referencedSeries.flatMap((series) => series.sopInstanceUIDs),
    ]),
    frameOfReferenceUids: seg.frameOfReferenceUID ? [seg.frameOfReferenceUID] : [],
  };
}

function rtLinks(rt: RtStructureSet): SegmentationLinks {
  return {
    sopInstanceUid: rt.sopInstanceUID,
    seriesUid: rt.seriesInstanceUID,
    referencedSeriesUids: rt.referencedSeries.map((series) => series.seriesInstanceUID).filter(Boolean),
    referencedSopInstanceUids: new Set([
      ...rt.rois.flatMap((roi) => roi.contours.flatMap((contour) => contour.referencedSopInstanceUIDs)),
      ...rt.referencedSeries.flatMap((series) => series.sopInstanceUIDs),
    ]),
    frameOfReferenceUids: [...rt.referencedFrameOfReferenceUIDs, ...rt.rois.map((roi) => roi.referencedFrameOfReferenceUID ?? "")].filter(Boolean),
  };
}
