// RT Structure Set as a typed record: ROIs (StructureSetROISequence + RTROIObservationsSequence)
// with their contours (ROIContourSequence › ContourSequence) in patient coordinates.

import { InvalidDicomError } from "../errors.js";
import { readPart10, type NaturalDataset } from "./dicom-dataset.js";
import { instanceFromDataset, type DicomInstance } from "./dicom-instance.js";
import { optionalNumber, optionalNumbers, optionalString, requireNumber, sequenceItems } from "./dataset-values.js";
import type { ReferencedSeries } from "./segmentation.js";

export const RT_STRUCTURE_SET_SOP_CLASS = "1.2.840.10008.5.1.4.1.1.481.3";

export interface RtContour {
  /** CLOSED_PLANAR, OPEN_PLANAR, OPEN_NONPLANAR or POINT. */
  readonly geometricType: string;
  /** x,y,z triples in patient coordinates (LPS, mm). */
  readonly points: Float64Array;
  readonly referencedSopInstanceUIDs: readonly string[];
}

export interface RtRoi {
  readonly roiNumber: number;
  readonly name: string;
  readonly referencedFrameOfReferenceUID?: string;
  readonly generationAlgorithm?: string;
  readonly interpretedType?: string;
  readonly displayColor?: readonly number[];
  readonly contours: readonly RtContour[];
}

export interface RtStructureSet extends DicomInstance {
  readonly label?: string;
  /** Frames of reference and image series (with their listed contour images) the structure set was drawn on. */
  readonly referencedFrameOfReferenceUIDs: readonly string[];
  readonly referencedSeries: readonly ReferencedSeries[];
  readonly rois: readonly RtRoi[];
}

/** Parses an RTSTRUCT from Part-10 bytes. */
export function parseRtStructureSet(buffer: ArrayBuffer | Uint8Array): RtStructureSet {
  return rtStructureSetFromDataset(readPart10(buffer).dataset);
}

export function rtStructureSetFromDataset(dataset: NaturalDataset): RtStructureSet {
  const identity = instanceFromDataset(dataset);
  const context = `structure set ${identity.sopInstanceUID}`;
  if (identity.modality !== "RTSTRUCT" && identity.sopClassUID !== RT_STRUCTURE_SET_SOP_CLASS) {
    throw new InvalidDicomError(`${context} is not an RTSTRUCT (Modality ${identity.modality ?? "absent"})`);
  }
  const frames = sequenceItems(dataset, "ReferencedFrameOfReferenceSequence");
  const contoursByRoi = contoursByRoiNumber(dataset, context);
  const observations = interpretedTypeByRoiNumber(dataset);
  return {
    ...identity,
    label: optionalString(dataset, "StructureSetLabel"),
    referencedFrameOfReferenceUIDs: frames.map((item) => optionalString(item, "FrameOfReferenceUID")).filter(isString),
    referencedSeries: frames
      .flatMap((item) => sequenceItems(item, "RTReferencedStudySequence"))
      .flatMap((study) => sequenceItems(study, "RTReferencedSeriesSequence"))
      .map((series) => ({
        seriesInstanceUID: optionalString(series, "SeriesInstanceUID") ?? "",
        sopInstanceUIDs: sequenceItems(series, "ContourImageSequence")
          .map((image) => optionalString(image, "ReferencedSOPInstanceUID"))
          .filter(isString),
      })),
    rois: sequenceItems(dataset, "StructureSetROISequence").map((item) => {
      const roiNumber = requireNumber(item, "ROINumber", `${context} StructureSetROISequence item`);
      const contoured = contoursByRoi.get(roiNumber);
      return {
        roiNumber,
        name: optionalString(item, "ROIName") ?? `ROI ${roiNumber}`,
        referencedFrameOfReferenceUID: optionalString(item, "ReferencedFrameOfReferenceUID"),
        generationAlgorithm: optionalString(item, "ROIGenerationAlgorithm"),
        interpretedType: observations.get(roiNumber),
        displayColor: contoured?.displayColor,
        contours: contoured?.contours ?? [],
      };
    }),
  };
}

function contoursByRoiNumber(dataset: NaturalDataset, context: string): Map<number, { displayColor?: number[]; contours: RtContour[] }> {
  const byRoi = new Map<number, { displayColor?: number[]; contours: RtContour[] }>();
  for (const item of sequenceItems(dataset, "ROIContourSequence")) {
    const roiNumber = requireNumber(item, "ReferencedROINumber", `${context} ROIContourSequence item`);
    byRoi.set(roiNumber, {
      displayColor: optionalNumbers(item, "ROIDisplayColor"),
      contours: sequenceItems(item, "ContourSequence").map((contour) => contourFromItem(contour, `${context} ROI ${roiNumber}`)),
    });
  }
  return byRoi;
}

function contourFromItem(item: NaturalDataset, context: string): RtContour {
  const data = optionalNumbers(item, "ContourData") ?? [];
  if (data.length % 3 !== 0) {
    throw new InvalidDicomError(`${context} has a contour with ${data.length} ContourData values, not a multiple of 3`);
  }
  return {
    geometricType: optionalString(item, "ContourGeometricType") ?? "CLOSED_PLANAR",
    points: Float64Array.from(data),
    referencedSopInstanceUIDs: sequenceItems(item, "ContourImageSequence")
      .map((image) => optionalString(image, "ReferencedSOPInstanceUID"))
      .filter(isString),
  };
}

function interpretedTypeByRoiNumber(dataset: NaturalDataset): Map<number, string | undefined> {
  const types = new Map<number, string | undefined>();
  for (const item of sequenceItems(dataset, "RTROIObservationsSequence")) {
    const roiNumber = optionalNumber(item, "ReferencedROINumber");
    if (roiNumber !== undefined) types.set(roiNumber, optionalString(item, "RTROIInterpretedType"));
  }
  return types;
}

function isString(value: string | undefined): value is string {
  return value !== undefined;
}
