// A small typed record of one DICOM instance, grouped by DICOM module, made from Part-10 bytes or
// from DICOM JSON. Acquisition parameters travel with every series (kernel, vendor, kVp, field
// strength…) because radiomic features depend on them.

import { InvalidDicomError } from "../errors.js";
import type { Vec3 } from "./volume.js";
import { datasetFromDicomJson, readPart10, type NaturalDataset } from "./dicom-dataset.js";
import {
  optionalNumber,
  optionalString,
  optionalStrings,
  requireNumber,
  requireNumbers,
  requireString,
} from "./dataset-values.js";

export interface InstanceIdentity {
  readonly sopClassUID: string;
  readonly sopInstanceUID: string;
  readonly seriesInstanceUID: string;
  readonly studyInstanceUID: string;
  readonly frameOfReferenceUID?: string;
  readonly patientID?: string;
  readonly modality?: string;
  readonly instanceNumber?: number;
  readonly seriesNumber?: number;
  readonly seriesDescription?: string;
  /** StudyDate as DICOM writes it (YYYYMMDD). */
  readonly studyDate?: string;
  readonly bodyPartExamined?: string;
}

/** Acquisition settings that make radiomic features differ between series. */
export interface AcquisitionParameters {
  readonly manufacturer?: string;
  readonly manufacturerModelName?: string;
  readonly softwareVersions?: string;
  readonly convolutionKernel?: string;
  readonly kvp?: number;
  readonly magneticFieldStrength?: number;
  readonly sequenceName?: string;
  readonly scanningSequence?: string;
  readonly repetitionTime?: number;
  readonly echoTime?: number;
  readonly contrastBolusAgent?: string;
}

/** Image Plane module: where the pixel grid of one slice lies in patient space. */
export interface ImagePlaneModule {
  readonly imagePositionPatient: Vec3;
  /** Direction cosines of a row (towards increasing column) and of a column (towards increasing row). */
  readonly rowDirection: Vec3;
  readonly columnDirection: Vec3;
  /** PixelSpacing as DICOM orders it: [between rows, between columns], mm. */
  readonly pixelSpacing: readonly [number, number];
  readonly sliceThickness?: number;
  readonly spacingBetweenSlices?: number;
}

/** Image Pixel module plus the Modality LUT (rescale) needed to turn stored values into HU. */
export interface ImagePixelModule {
  readonly rows: number;
  readonly columns: number;
  readonly samplesPerPixel: number;
  readonly bitsAllocated: number;
  readonly bitsStored: number;
  readonly pixelRepresentation: 0 | 1;
  readonly photometricInterpretation?: string;
  readonly rescaleSlope: number;
  readonly rescaleIntercept: number;
}

export interface DicomInstance extends InstanceIdentity {
  readonly acquisition: AcquisitionParameters;
  readonly transferSyntaxUID?: string;
}

/** A single-frame image instance (CT, MR, PET…), or one frame of a multi-frame image, ready to be stacked. */
export interface ImageInstance extends DicomInstance {
  /** 1-based frame number within a multi-frame (enhanced) image; undefined for a single-frame image. */
  readonly frameNumber?: number;
  readonly plane: ImagePlaneModule;
  readonly pixel: ImagePixelModule;
  /** Native stored pixel values; undefined for DICOM JSON metadata (attach frames with withPixelData). */
  readonly pixelData?: Uint8Array;
  readonly pixelDataEncapsulated: boolean;
}

const ORTHONORMAL_TOLERANCE = 1e-3;

/** Identity and acquisition of any instance (image, SEG, RTSTRUCT) from Part-10 bytes. */
export function parseDicomInstance(buffer: ArrayBuffer | Uint8Array): DicomInstance {
  const parsed = readPart10(buffer);
  return { ...instanceFromDataset(parsed.dataset), transferSyntaxUID: parsed.transferSyntaxUID };
}

/** A single-frame image instance from Part-10 bytes; the pixel data stays a view into `buffer`. */
export function parseImageInstance(buffer: ArrayBuffer | Uint8Array): ImageInstance {
  const parsed = readPart10(buffer);
  if (!parsed.pixelData && !parsed.pixelDataEncapsulated) {
    throw new InvalidDicomError("the image file has no PixelData (7FE0,0010): truncated, or not an image");
  }
  return {
    ...imageInstanceFromDataset(parsed.dataset),
    transferSyntaxUID: parsed.transferSyntaxUID,
    pixelData: parsed.pixelData,
    pixelDataEncapsulated: parsed.pixelDataEncapsulated,
  };
}

/** Identity and acquisition from DICOM JSON (one item of a QIDO-RS or WADO-RS metadata response). */
export function instanceFromDicomJson(json: unknown): DicomInstance {
  return instanceFromDataset(datasetFromDicomJson(json));
}

/** A single-frame image instance from DICOM JSON metadata, without pixels. */
export function imageInstanceFromDicomJson(json: unknown): ImageInstance {
  return imageInstanceFromDataset(datasetFromDicomJson(json));
}

/** Attaches the frame bytes fetched separately (WADO-RS frames, uncompressed) to a metadata-only instance. */
export function withPixelData(instance: ImageInstance, frame: ArrayBuffer | Uint8Array): ImageInstance {
  const pixelData = frame instanceof Uint8Array ? frame : new Uint8Array(frame);
  return { ...instance, pixelData, pixelDataEncapsulated: false };
}

export function instanceFromDataset(dataset: NaturalDataset): DicomInstance {
  const context = "DICOM instance";
  return {
    sopClassUID: requireString(dataset, "SOPClassUID", context),
    sopInstanceUID: requireString(dataset, "SOPInstanceUID", context),
    seriesInstanceUID: requireString(dataset, "SeriesInstanceUID", context),
    studyInstanceUID: requireString(dataset, "StudyInstanceUID", context),
    frameOfReferenceUID: optionalString(dataset, "FrameOfReferenceUID"),
    patientID: optionalString(dataset, "PatientID"),
    modality: optionalString(dataset, "Modality"),
    instanceNumber: optionalNumber(dataset, "InstanceNumber"),
    seriesNumber: optionalNumber(dataset, "SeriesNumber"),
    seriesDescription: optionalString(dataset, "SeriesDescription"),
    studyDate: optionalString(dataset, "StudyDate"),
    bodyPartExamined: optionalString(dataset, "BodyPartExamined"),
    acquisition: acquisitionFromDataset(dataset),
  };
}

export function imageInstanceFromDataset(dataset: NaturalDataset): ImageInstance {
  const identity = instanceFromDataset(dataset);
  const context = `image ${identity.sopInstanceUID}`;
  const frames = optionalNumber(dataset, "NumberOfFrames") ?? 1;
  if (frames > 1) {
    throw new InvalidDicomError(`${context} is a multi-frame image (${frames} frames); read it with parseImageFrames`, {
      sopInstanceUID: identity.sopInstanceUID,
    });
  }
  return {
    ...identity,
    plane: imagePlaneFromDataset(dataset, context),
    pixel: imagePixelFromDataset(dataset, context),
    pixelDataEncapsulated: false,
  };
}

function acquisitionFromDataset(dataset: NaturalDataset): AcquisitionParameters {
  return {
    manufacturer: optionalString(dataset, "Manufacturer"),
    manufacturerModelName: optionalString(dataset, "ManufacturerModelName"),
    softwareVersions: optionalString(dataset, "SoftwareVersions"),
    convolutionKernel: optionalString(dataset, "ConvolutionKernel"),
    kvp: optionalNumber(dataset, "KVP"),
    magneticFieldStrength: optionalNumber(dataset, "MagneticFieldStrength"),
    sequenceName: optionalString(dataset, "SequenceName"),
    scanningSequence: optionalStrings(dataset, "ScanningSequence").join("\\") || undefined,
    repetitionTime: optionalNumber(dataset, "RepetitionTime"),
    echoTime: optionalNumber(dataset, "EchoTime"),
    contrastBolusAgent: optionalString(dataset, "ContrastBolusAgent"),
  };
}

/** Reads IPP, IOP and PixelSpacing, checking that IOP holds two orthogonal unit vectors. */
export function imagePlaneFromDataset(dataset: NaturalDataset, context: string): ImagePlaneModule {
  const position = requireNumbers(dataset, "ImagePositionPatient", 3, context);
  const orientation = requireNumbers(dataset, "ImageOrientationPatient", 6, context);
  const spacing = requireNumbers(dataset, "PixelSpacing", 2, context);
  const { rowDirection, columnDirection } = orientationFromIop(orientation, context);
  if (!(spacing[0] > 0 && spacing[1] > 0)) {
    throw new InvalidDicomError(`${context} has a non-positive PixelSpacing ${spacing.join("\\")}`);
  }
  return {
    imagePositionPatient: [position[0], position[1], position[2]],
    rowDirection,
    columnDirection,
    pixelSpacing: [spacing[0], spacing[1]],
    sliceThickness: optionalNumber(dataset, "SliceThickness"),
    spacingBetweenSlices: optionalNumber(dataset, "SpacingBetweenSlices"),
  };
}

/** Splits ImageOrientationPatient into unit row and column directions, rejecting non-orthonormal ones. */
export function orientationFromIop(iop: readonly number[], context: string): { rowDirection: Vec3; columnDirection: Vec3 } {
  const row: Vec3 = [iop[0], iop[1], iop[2]];
  const column: Vec3 = [iop[3], iop[4], iop[5]];
  const rowLength = Math.hypot(...row);
  const columnLength = Math.hypot(...column);
  const cosine = (row[0] * column[0] + row[1] * column[1] + row[2] * column[2]) / (rowLength * columnLength);
  const orthonormal =
    Math.abs(rowLength - 1) < ORTHONORMAL_TOLERANCE &&
    Math.abs(columnLength - 1) < ORTHONORMAL_TOLERANCE &&
    Math.abs(cosine) < ORTHONORMAL_TOLERANCE;
  if (!orthonormal) {
    throw new InvalidDicomError(`${context} has an ImageOrientationPatient that is not two orthogonal unit vectors`, {
      imageOrientationPatient: [...iop],
    });
  }
  return {
    rowDirection: [row[0] / rowLength, row[1] / rowLength, row[2] / rowLength],
    columnDirection: [column[0] / columnLength, column[1] / columnLength, column[2] / columnLength],
  };
}

export function imagePixelFromDataset(dataset: NaturalDataset, context: string): ImagePixelModule {
  const pixelRepresentation = requireNumber(dataset, "PixelRepresentation", context);
  if (pixelRepresentation !== 0 && pixelRepresentation !== 1) {
    throw new InvalidDicomError(`${context} has PixelRepresentation ${pixelRepresentation}; 0 or 1 expected`);
  }
  const bitsAllocated = requireNumber(dataset, "BitsAllocated", context);
  return {
    rows: requirePositiveInteger(dataset, "Rows", context),
    columns: requirePositiveInteger(dataset, "Columns", context),
    samplesPerPixel: optionalNumber(dataset, "SamplesPerPixel") ?? 1,
    bitsAllocated,
    bitsStored: optionalNumber(dataset, "BitsStored") ?? bitsAllocated,
    pixelRepresentation,
    photometricInterpretation: optionalString(dataset, "PhotometricInterpretation"),
    rescaleSlope: optionalNumber(dataset, "RescaleSlope") ?? 1,
    rescaleIntercept: optionalNumber(dataset, "RescaleIntercept") ?? 0,
  };
}

export function requirePositiveInteger(dataset: NaturalDataset, keyword: string, context: string): number {
  const value = requireNumber(dataset, keyword, context);
  if (!Number.isInteger(value) || value <= 0) {
    throw new InvalidDicomError(`${context} has ${keyword} ${value}; a positive integer expected`, { attribute: keyword });
  }
  return value;
}
