// An Enhanced CT (one multi-frame instance) holding the same slices as a classic synthetic series:
// geometry per frame in PlanePositionSequence, orientation, spacing, rescale, kernel and kVp in the
// shared functional groups, frames stored in descending z so readers must sort by position.
import { part10File } from "./part10-file.js";
import { seededUid } from "./seeded-random.js";
import { studyAttributes, type SyntheticImageSeries } from "./image-series.js";

const ENHANCED_CT = "1.2.840.10008.5.1.4.1.1.2.1";

export function enhancedCtCopy(series: SyntheticImageSeries, name: string): SyntheticImageSeries {
  const { context, spec } = series;
  const { geometry } = spec;
  const seriesUid = seededUid(context.seed, `${name}/series`);
  const sopInstanceUid = seededUid(context.seed, `${name}/instance`);
  const sliceOfFrame = geometry.positions.map((_, f) => geometry.sliceCount - 1 - f); // frame f+1 holds slice n-1-f
  const file = part10File({
    ...studyAttributes(context),
    SOPClassUID: ENHANCED_CT,
    SOPInstanceUID: sopInstanceUid,
    Modality: "CT",
    SeriesInstanceUID: seriesUid,
    SeriesNumber: spec.seriesNumber + 50,
    SeriesDescription: `${spec.description} (enhanced)`,
    BodyPartExamined: spec.bodyPart,
    InstanceNumber: 1,
    ImageType: ["ORIGINAL", "PRIMARY", "VOLUME", "NONE"],
    Manufacturer: spec.acquisition.Manufacturer,
    ManufacturerModelName: spec.acquisition.ManufacturerModelName,
    SamplesPerPixel: 1,
    PhotometricInterpretation: "MONOCHROME2",
    NumberOfFrames: geometry.sliceCount,
    Rows: geometry.rows,
    Columns: geometry.columns,
    BitsAllocated: 16,
    BitsStored: 16,
    HighBit: 15,
    PixelRepresentation: 1,
    SharedFunctionalGroupsSequence: [
      {
        PlaneOrientationSequence: [{ ImageOrientationPatient: [...geometry.rowDirection, ...geometry.columnDirection] }],
        PixelMeasuresSequence: [{ PixelSpacing: [...geometry.pixelSpacing], SliceThickness: spec.sliceThickness }],
        PixelValueTransformationSequence: [{ RescaleIntercept: spec.rescaleIntercept, RescaleSlope: spec.rescaleSlope, RescaleType: "HU" }],
        CTReconstructionSequence: [{ ConvolutionKernel: spec.acquisition.ConvolutionKernel }],
        CTXRayDetailsSequence: [{ KVP: spec.acquisition.KVP }],
      },
    ],
    PerFrameFunctionalGroupsSequence: sliceOfFrame.map((k) => ({
      FrameContentSequence: [{ DimensionIndexValues: [k + 1] }],
      PlanePositionSequence: [{ ImagePositionPatient: [...geometry.positions[k]!] }],
    })),
    PixelData: [framesInOrder(series, sliceOfFrame)],
    _vrMap: { PixelData: "OW" },
  });
  return {
    ...series,
    seriesUid,
    sopClassUid: ENHANCED_CT,
    sopInstanceUids: geometry.positions.map(() => sopInstanceUid),
    instanceNumbers: [1],
    files: [file],
    frameNumbers: geometry.positions.map((_, k) => sliceOfFrame.indexOf(k) + 1),
  };
}

function framesInOrder(series: SyntheticImageSeries, sliceOfFrame: readonly number[]): ArrayBuffer {
  const { rows, columns } = series.spec.geometry;
  const { rescaleSlope, rescaleIntercept } = series.spec;
  const stored = new Int16Array(rows * columns * sliceOfFrame.length);
  sliceOfFrame.forEach((k, f) => {
    for (let j = 0; j < rows; j++) {
      for (let i = 0; i < columns; i++) stored[f * rows * columns + i + columns * j] = Math.round((series.expectedValue(i, j, k) - rescaleIntercept) / rescaleSlope);
    }
  });
  return stored.buffer;
}
