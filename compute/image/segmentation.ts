// DICOM SEG (Segmentation Storage …66.4 and Label Map Segmentation Storage …66.7) as a typed
// record: segments, frames with their functional groups resolved (per-frame overrides shared),
// referenced series, and the raw pixel bytes (a view, not a copy).

import { InvalidDicomError } from "../errors.js";
import type { Vec3 } from "./volume.js";
import { readPart10, type NaturalDataset } from "./dicom-dataset.js";
import { instanceFromDataset, orientationFromIop, requirePositiveInteger, type DicomInstance } from "./dicom-instance.js";
import { firstItem, optionalNumber, optionalNumbers, optionalString, requireNumber, requireString, sequenceItems } from "./dataset-values.js";
import { frameFunctionalGroups } from "./functional-groups.js";
import { UnsupportedTransferSyntaxError } from "./image-errors.js";

export const SEGMENTATION_SOP_CLASS = {
  segmentation: "1.2.840.10008.5.1.4.1.1.66.4",
  labelMapSegmentation: "1.2.840.10008.5.1.4.1.1.66.7",
} as const;

export type SegmentationType = "BINARY" | "FRACTIONAL" | "LABELMAP";

export interface CodedConcept {
  readonly codeValue?: string;
  readonly codingSchemeDesignator?: string;
  readonly codeMeaning?: string;
}

export interface SegmentDescription {
  readonly segmentNumber: number;
  readonly label: string;
  readonly algorithmType?: string;
  readonly category?: CodedConcept;
  readonly type?: CodedConcept;
}

export interface SegmentationFrame {
  /** 1-based, as in DICOM. */
  readonly frameNumber: number;
  /** ReferencedSegmentNumber; undefined for LABELMAP frames, whose pixel values are segment numbers. */
  readonly segmentNumber?: number;
  readonly imagePositionPatient?: Vec3;
  readonly rowDirection?: Vec3;
  readonly columnDirection?: Vec3;
  readonly pixelSpacing?: readonly [number, number];
  /** Source images this frame was derived from (DerivationImageSequence › SourceImageSequence). */
  readonly sourceSopInstanceUIDs: readonly string[];
  /** ReferencedFrameNumber of the source, when the source is a multi-frame image. */
  readonly sourceFrameNumber?: number;
}

export interface ReferencedSeries {
  readonly seriesInstanceUID: string;
  readonly sopInstanceUIDs: readonly string[];
}

export interface Segmentation extends DicomInstance {
  readonly segmentationType: SegmentationType;
  readonly fractionalType?: string;
  readonly maximumFractionalValue?: number;
  readonly pixelPaddingValue?: number;
  readonly rows: number;
  readonly columns: number;
  readonly bitsAllocated: number;
  readonly segments: readonly SegmentDescription[];
  readonly frames: readonly SegmentationFrame[];
  readonly referencedSeries: readonly ReferencedSeries[];
  /** All frames' stored values; BINARY frames are one continuous LSB-first bitstream, not byte-aligned per frame. */
  readonly pixelData: Uint8Array;
}

/** Parses a DICOM SEG from Part-10 bytes. Throws InvalidDicomError when it is not a usable SEG. */
export function parseSegmentation(buffer: ArrayBuffer | Uint8Array): Segmentation {
  const parsed = readPart10(buffer);
  if (parsed.pixelDataEncapsulated) throw new UnsupportedTransferSyntaxError(parsed.transferSyntaxUID);
  if (!parsed.pixelData) throw new InvalidDicomError("the segmentation has no PixelData");
  return segmentationFromDataset(parsed.dataset, parsed.pixelData);
}

export function segmentationFromDataset(dataset: NaturalDataset, pixelData: Uint8Array): Segmentation {
  const identity = instanceFromDataset(dataset);
  const context = `segmentation ${identity.sopInstanceUID}`;
  if (identity.modality !== "SEG" && !Object.values<string>(SEGMENTATION_SOP_CLASS).includes(identity.sopClassUID)) {
    throw new InvalidDicomError(`${context} is not a DICOM SEG (Modality ${identity.modality ?? "absent"})`);
  }
  const segmentationType = segmentationTypeOf(dataset, context);
  const rows = requirePositiveInteger(dataset, "Rows", context);
  const columns = requirePositiveInteger(dataset, "Columns", context);
  const bitsAllocated = requireNumber(dataset, "BitsAllocated", context);
  const numberOfFrames = optionalNumber(dataset, "NumberOfFrames") ?? 1;
  const frames = framesFromDataset(dataset, numberOfFrames, context);
  requirePixelDataLength(pixelData, { rows, columns, bitsAllocated, frames: numberOfFrames }, context);
  return {
    ...identity,
    segmentationType,
    fractionalType: optionalString(dataset, "SegmentationFractionalType"),
    maximumFractionalValue: optionalNumber(dataset, "MaximumFractionalValue"),
    pixelPaddingValue: optionalNumber(dataset, "PixelPaddingValue"),
    rows,
    columns,
    bitsAllocated,
    segments: sequenceItems(dataset, "SegmentSequence").map((item) => segmentFromItem(item, context)),
    frames,
    referencedSeries: sequenceItems(dataset, "ReferencedSeriesSequence").map(referencedSeriesFromItem),
    pixelData,
  };
}

function segmentationTypeOf(dataset: NaturalDataset, context: string): SegmentationType {
  const type = requireString(dataset, "SegmentationType", context);
  if (type !== "BINARY" && type !== "FRACTIONAL" && type !== "LABELMAP") {
    throw new InvalidDicomError(`${context} has SegmentationType '${type}'; BINARY, FRACTIONAL or LABELMAP expected`);
  }
  return type;
}

function framesFromDataset(dataset: NaturalDataset, numberOfFrames: number, context: string): SegmentationFrame[] {
  return frameFunctionalGroups(dataset, numberOfFrames, context).map((group, index) => {
    const frameNumber = index + 1;
    const position = optionalNumbers(group("PlanePositionSequence"), "ImagePositionPatient");
    const orientation = optionalNumbers(group("PlaneOrientationSequence"), "ImageOrientationPatient");
    const spacing = optionalNumbers(group("PixelMeasuresSequence"), "PixelSpacing");
    const directions = orientation?.length === 6 ? orientationFromIop(orientation, `${context} frame ${frameNumber}`) : undefined;
    const sources = sourceImagesOf(group("DerivationImageSequence"), dataset);
    return {
      frameNumber,
      segmentNumber: optionalNumber(group("SegmentIdentificationSequence"), "ReferencedSegmentNumber"),
      imagePositionPatient: position?.length === 3 ? [position[0]!, position[1]!, position[2]!] : undefined,
      rowDirection: directions?.rowDirection,
      columnDirection: directions?.columnDirection,
      pixelSpacing: spacing?.length === 2 ? [spacing[0]!, spacing[1]!] : undefined,
      sourceSopInstanceUIDs: sources.map((item) => optionalString(item, "ReferencedSOPInstanceUID")).filter((uid): uid is string => uid !== undefined),
      sourceFrameNumber: sources.map((item) => optionalNumber(item, "ReferencedFrameNumber")).find((n) => n !== undefined),
    };
  });
}

function sourceImagesOf(derivation: NaturalDataset, dataset: NaturalDataset): NaturalDataset[] {
  const derived = sequenceItems(derivation, "SourceImageSequence");
  // Single-frame SEGs sometimes carry the source only at the top level.
  return derived.length > 0 ? derived : sequenceItems(dataset, "SourceImageSequence");
}

function segmentFromItem(item: NaturalDataset, context: string): SegmentDescription {
  const segmentNumber = requireNumber(item, "SegmentNumber", `${context} SegmentSequence item`);
  return {
    segmentNumber,
    label: optionalString(item, "SegmentLabel") ?? `Segment ${segmentNumber}`,
    algorithmType: optionalString(item, "SegmentAlgorithmType"),
    category: codedConcept(firstItem(item, "SegmentedPropertyCategoryCodeSequence")),
    type: codedConcept(firstItem(item, "SegmentedPropertyTypeCodeSequence")),
  };
}

function codedConcept(item: NaturalDataset | undefined): CodedConcept | undefined {
  if (!item) return undefined;
  return {
    codeValue: optionalString(item, "CodeValue"),
    codingSchemeDesignator: optionalString(item, "CodingSchemeDesignator"),
    codeMeaning: optionalString(item, "CodeMeaning"),
  };
}

function referencedSeriesFromItem(item: NaturalDataset): ReferencedSeries {
  return {
    seriesInstanceUID: optionalString(item, "SeriesInstanceUID") ?? "",
    sopInstanceUIDs: sequenceItems(item, "ReferencedInstanceSequence")
      .map((instance) => optionalString(instance, "ReferencedSOPInstanceUID"))
      .filter((uid): uid is string => uid !== undefined),
  };
}

function requirePixelDataLength(
  pixelData: Uint8Array,
  layout: { rows: number; columns: number; bitsAllocated: number; frames: number },
  context: string,
): void {
  if (![1, 8, 16].includes(layout.bitsAllocated)) {
    throw new InvalidDicomError(`${context} has BitsAllocated ${layout.bitsAllocated}; 1, 8 or 16 expected`);
  }
  const bits = layout.rows * layout.columns * layout.frames * layout.bitsAllocated;
  const needed = Math.ceil(bits / 8);
  if (pixelData.byteLength < needed) {
    throw new InvalidDicomError(`${context} has ${pixelData.byteLength} bytes of pixel data; ${needed} expected for ${layout.frames} frames`, {
      pixelDataBytes: pixelData.byteLength,
      expectedBytes: needed,
    });
  }
}
