// A synthetic CT or MR series as Part-10 files: real geometry (IPP/IOP/PixelSpacing), rescale,
// acquisition tags, stored values from an intensity function, InstanceNumbers optionally shuffled.
import type { Vec3 } from "../../../compute/image/volume.js";
import { part10File } from "./part10-file.js";
import { seededPermutation, seededUid } from "./seeded-random.js";
import { voxelCentre, type SeriesGeometry } from "./series-geometry.js";

export const SOP_CLASS = {
  ct: "1.2.840.10008.5.1.4.1.1.2",
  mr: "1.2.840.10008.5.1.4.1.1.4",
  segmentation: "1.2.840.10008.5.1.4.1.1.66.4",
  rtStructureSet: "1.2.840.10008.5.1.4.1.1.481.3",
} as const;

export interface StudyContext {
  readonly seed: number;
  readonly patientId: string;
  readonly studyUid: string;
  readonly studyDate: string;
  readonly studyDescription: string;
  readonly frameOfReferenceUid: string;
}

export interface ImageSeriesSpec {
  readonly name: string;
  /** Default: derived from the seed and name. */
  readonly seriesUid?: string;
  readonly modality: "CT" | "MR";
  readonly seriesNumber: number;
  readonly description: string;
  readonly bodyPart: string;
  readonly geometry: SeriesGeometry;
  readonly sliceThickness: number;
  readonly rescaleSlope: number;
  readonly rescaleIntercept: number;
  /** Acquisition attributes by dcmjs keyword (ConvolutionKernel, KVP, MagneticFieldStrength…). */
  readonly acquisition: Readonly<Record<string, string | number>>;
  /** Real-world value (HU for CT) at a voxel centre. */
  readonly intensity: (point: Vec3, random: () => number) => number;
  /** When set, InstanceNumber follows this permutation instead of the z order. */
  readonly random: () => number;
  readonly shuffleInstanceNumbers?: boolean;
  /** Slice index whose PixelData is cut to half its length (a corrupt instance the archive still accepts). */
  readonly truncatedSlice?: number;
}

export interface SyntheticImageSeries {
  readonly kind: "image";
  readonly spec: ImageSeriesSpec;
  readonly context: StudyContext;
  readonly seriesUid: string;
  readonly sopClassUid: string;
  /** In slice order along the normal. */
  readonly sopInstanceUids: readonly string[];
  readonly instanceNumbers: readonly number[];
  readonly files: readonly Uint8Array[];
  /** For a multi-frame image: the frame holding slice k (then every sopInstanceUids[k] is the same instance). */
  readonly frameNumbers?: readonly number[];
  /** Rescaled value the volume must hold at voxel (i, j, k), k along the normal. */
  expectedValue(i: number, j: number, k: number): number;
}

export function imageSeries(context: StudyContext, spec: ImageSeriesSpec): SyntheticImageSeries {
  const { geometry } = spec;
  const seriesUid = spec.seriesUid ?? seededUid(context.seed, `${spec.name}/series`);
  const sopClassUid = spec.modality === "CT" ? SOP_CLASS.ct : SOP_CLASS.mr;
  const sopInstanceUids = geometry.positions.map((_, k) => seededUid(context.seed, `${spec.name}/instance/${k}`));
  const order = spec.shuffleInstanceNumbers ? seededPermutation(geometry.sliceCount, spec.random) : geometry.positions.map((_, k) => k);
  const instanceNumbers = order.map((n) => n + 1);
  const stored = geometry.positions.map((_, k) => storedSlice(spec, k));
  const files = geometry.positions.map((position, k) =>
    part10File({
      ...studyAttributes(context),
      SOPClassUID: sopClassUid,
      SOPInstanceUID: sopInstanceUids[k],
      Modality: spec.modality,
      SeriesInstanceUID: seriesUid,
      SeriesNumber: spec.seriesNumber,
      SeriesDescription: spec.description,
      BodyPartExamined: spec.bodyPart,
      InstanceNumber: instanceNumbers[k],
      ImageType: ["ORIGINAL", "PRIMARY", "AXIAL"],
      ...spec.acquisition,
      SliceThickness: spec.sliceThickness,
      ImagePositionPatient: [...position],
      ImageOrientationPatient: [...geometry.rowDirection, ...geometry.columnDirection],
      SliceLocation: position[2],
      ...pixelModule(spec),
      RescaleSlope: spec.rescaleSlope,
      RescaleIntercept: spec.rescaleIntercept,
      RescaleType: spec.modality === "CT" ? "HU" : "US",
      PixelData: [pixelBytes(stored[k]!, k === spec.truncatedSlice)],
      _vrMap: { PixelData: "OW" },
    }),
  );
  return {
    kind: "image",
    spec,
    context,
    seriesUid,
    sopClassUid,
    sopInstanceUids,
    instanceNumbers,
    files,
    expectedValue: (i, j, k) => stored[k]![i + geometry.columns * j]! * spec.rescaleSlope + spec.rescaleIntercept,
  };
}

export function studyAttributes(context: StudyContext): Record<string, unknown> {
  return {
    SpecificCharacterSet: "ISO_IR 100",
    StudyDate: context.studyDate,
    StudyTime: "101500",
    AccessionNumber: "",
    StudyDescription: context.studyDescription,
    PatientName: context.patientId,
    PatientID: context.patientId,
    PatientBirthDate: "",
    PatientSex: "O",
    StudyInstanceUID: context.studyUid,
    StudyID: "1",
    FrameOfReferenceUID: context.frameOfReferenceUid,
    PositionReferenceIndicator: "",
  };
}

function pixelModule(spec: ImageSeriesSpec): Record<string, unknown> {
  return {
    SamplesPerPixel: 1,
    PhotometricInterpretation: "MONOCHROME2",
    Rows: spec.geometry.rows,
    Columns: spec.geometry.columns,
    PixelSpacing: [...spec.geometry.pixelSpacing],
    BitsAllocated: 16,
    BitsStored: 16,
    HighBit: 15,
    PixelRepresentation: spec.modality === "CT" ? 1 : 0,
  };
}

function storedSlice(spec: ImageSeriesSpec, k: number): Int16Array | Uint16Array {
  const { rows, columns } = spec.geometry;
  const slice = spec.modality === "CT" ? new Int16Array(rows * columns) : new Uint16Array(rows * columns);
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < columns; i++) {
      const value = spec.intensity(voxelCentre(spec.geometry, i, j, k), spec.random);
      slice[i + columns * j] = Math.round((value - spec.rescaleIntercept) / spec.rescaleSlope);
    }
  }
  return slice;
}

function pixelBytes(slice: Int16Array | Uint16Array, truncated: boolean): ArrayBuffer {
  const bytes = new Uint8Array(slice.buffer, slice.byteOffset, slice.byteLength);
  return (truncated ? bytes.slice(0, bytes.length / 2) : bytes.slice()).buffer;
}
