// Multi-frame functional groups (PS3.3 C.7.6.16): a macro in a frame's PerFrameFunctionalGroupsSequence
// item overrides the one in SharedFunctionalGroupsSequence. Used by SEG and enhanced image frames.

import { InvalidDicomError } from "../errors.js";
import type { NaturalDataset } from "./dicom-dataset.js";
import { firstItem, sequenceItems } from "./dataset-values.js";

/** Looks up the first item of a functional group macro (e.g. "PlanePositionSequence") for one frame. */
export type FrameGroupLookup = (macro: string) => NaturalDataset;

/** One lookup per frame, in frame order; an absent macro reads as an empty dataset. */
export function frameFunctionalGroups(dataset: NaturalDataset, numberOfFrames: number, context: string): FrameGroupLookup[] {
  const shared = firstItem(dataset, "SharedFunctionalGroupsSequence") ?? {};
  const perFrame = sequenceItems(dataset, "PerFrameFunctionalGroupsSequence");
  if (perFrame.length !== 0 && perFrame.length !== numberOfFrames) {
    throw new InvalidDicomError(`${context} has ${perFrame.length} per-frame functional groups for ${numberOfFrames} frames`);
  }
  return Array.from({ length: numberOfFrames }, (_, index) => {
    const own = perFrame[index] ?? {};
    return (macro: string) => firstItem(own, macro) ?? firstItem(shared, macro) ?? {};
  });
}
