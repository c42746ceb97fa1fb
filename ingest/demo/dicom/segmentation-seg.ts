// A DICOM SEG (BINARY, 1-bit frames packed as one LSB-first bitstream) of known shapes on a synthetic
// image series: per-frame PlanePosition, SegmentIdentification and SourceImageSequence, and the
// ReferencedSeriesSequence that links it to its images.
import { part10File } from "./part10-file.js";
import { seededUid } from "./seeded-random.js";
import { shapeContains, type LesionShape } from "./shapes.js";
import { voxelCentre } from "./series-geometry.js";
import { lesionTruth, type LesionTruth } from "./lesion-truth.js";
import { SOP_CLASS, studyAttributes, type SyntheticImageSeries } from "./image-series.js";

export interface SyntheticSegmentation {
  readonly kind: "SEG" | "RTSTRUCT";
  readonly name: string;
  readonly seriesUid: string;
  readonly sopInstanceUid: string;
  readonly imageSeriesUid: string;
  readonly file: Uint8Array;
  readonly lesions: readonly LesionTruth[];
}

/** UIDs a segmentation must carry (the demo's records name them); default: derived from the seed and name. */
export interface SegmentationUids {
  readonly seriesUid: string;
  readonly sopInstanceUid: string;
}

const MASS = {
  category: { CodeValue: "49755003", CodingSchemeDesignator: "SCT", CodeMeaning: "Morphologically Altered Structure" },
  type: { CodeValue: "4147007", CodingSchemeDesignator: "SCT", CodeMeaning: "Mass" },
};

export function segSegmentation(
  name: string,
  seriesNumber: number,
  image: SyntheticImageSeries,
  shapes: readonly LesionShape[],
  uids?: SegmentationUids,
): SyntheticSegmentation {
  const { context } = image;
  const seriesUid = uids?.seriesUid ?? seededUid(context.seed, `${name}/series`);
  const sopInstanceUid = uids?.sopInstanceUid ?? seededUid(context.seed, `${name}/instance`);
  const masks = shapes.map((shape) => shapeMask(image, shape));
  const frames = masks.flatMap((mask, s) => occupiedSlices(image, mask).map((k) => ({ segmentNumber: s + 1, k, mask })));
  const file = part10File({
    ...studyAttributes(context),
    SOPClassUID: SOP_CLASS.segmentation,
    SOPInstanceUID: sopInstanceUid,
    Modality: "SEG",
    SeriesInstanceUID: seriesUid,
    SeriesNumber: seriesNumber,
    SeriesDescription: `Segmentation ${name}`,
    InstanceNumber: 1,
    ImageType: ["DERIVED", "PRIMARY"],
    Manufacturer: "radiogenomics test cohort",
    ContentLabel: "TUMOUR",
    ContentCreatorName: "Synthetic^Cohort",
    SegmentationType: "BINARY",
    SamplesPerPixel: 1,
    PhotometricInterpretation: "MONOCHROME2",
    Rows: image.spec.geometry.rows,
    Columns: image.spec.geometry.columns,
    BitsAllocated: 1,
    BitsStored: 1,
    HighBit: 0,
    PixelRepresentation: 0,
    LossyImageCompression: "00",
    NumberOfFrames: frames.length,
    SegmentSequence: shapes.map((shape, s) => ({
      SegmentNumber: s + 1,
      SegmentLabel: shape.label,
      SegmentAlgorithmType: "MANUAL",
      SegmentedPropertyCategoryCodeSequence: [MASS.category],
      SegmentedPropertyTypeCodeSequence: [MASS.type],
    })),
    ReferencedSeriesSequence: [
      {
        SeriesInstanceUID: image.seriesUid,
        ReferencedInstanceSequence: [...new Set(image.sopInstanceUids)].map((uid) => ({ ReferencedSOPClassUID: image.sopClassUid, ReferencedSOPInstanceUID: uid })),
      },
    ],
    SharedFunctionalGroupsSequence: [
      {
        PlaneOrientationSequence: [{ ImageOrientationPatient: [...image.spec.geometry.rowDirection, ...image.spec.geometry.columnDirection] }],
        PixelMeasuresSequence: [
          {
            PixelSpacing: [...image.spec.geometry.pixelSpacing],
            SliceThickness: image.spec.sliceThickness,
            SpacingBetweenSlices: image.spec.geometry.sliceSpacing,
          },
        ],
      },
    ],
    PerFrameFunctionalGroupsSequence: frames.map(({ segmentNumber, k }) => ({
      DerivationImageSequence: [
        {
          SourceImageSequence: [
            {
              ReferencedSOPClassUID: image.sopClassUid,
              ReferencedSOPInstanceUID: image.sopInstanceUids[k],
              ...(image.frameNumbers ? { ReferencedFrameNumber: image.frameNumbers[k] } : {}),
            },
          ],
        },
      ],
      FrameContentSequence: [{ DimensionIndexValues: [segmentNumber, k + 1] }],
      PlanePositionSequence: [{ ImagePositionPatient: [...image.spec.geometry.positions[k]!] }],
      SegmentIdentificationSequence: [{ ReferencedSegmentNumber: segmentNumber }],
    })),
    PixelData: [packFrames(image, frames)],
    _vrMap: { PixelData: "OB" },
  });
  const lesions = shapes.map((shape, s) =>
    lesionTruth(
      {
        id: `${seriesUid}:${s + 1}`,
        label: shape.label,
        segmentNumber: s + 1,
        segmentationType: "SEG",
        segmentationSeriesUid: seriesUid,
        segmentationSopInstanceUid: sopInstanceUid,
        imageSeriesUid: image.seriesUid,
        shape,
      },
      image.spec.geometry,
      masks[s]!,
    ),
  );
  return { kind: "SEG", name, seriesUid, sopInstanceUid, imageSeriesUid: image.seriesUid, file, lesions };
}

/** 1 where the voxel centre lies inside the shape, indexed i + columns·(j + rows·k). */
export function shapeMask(image: SyntheticImageSeries, shape: LesionShape): Uint8Array {
  const { geometry } = image.spec;
  const mask = new Uint8Array(geometry.columns * geometry.rows * geometry.sliceCount);
  for (let k = 0; k < geometry.sliceCount; k++) {
    for (let j = 0; j < geometry.rows; j++) {
      for (let i = 0; i < geometry.columns; i++) {
        if (shapeContains(shape, geometry, voxelCentre(geometry, i, j, k))) mask[i + geometry.columns * (j + geometry.rows * k)] = 1;
      }
    }
  }
  return mask;
}

function occupiedSlices(image: SyntheticImageSeries, mask: Uint8Array): number[] {
  const sliceSize = image.spec.geometry.rows * image.spec.geometry.columns;
  return image.spec.geometry.positions.map((_, k) => k).filter((k) => mask.subarray(k * sliceSize, (k + 1) * sliceSize).some((v) => v !== 0));
}

// BINARY SEG pixels: all frames form one continuous bitstream, least significant bit first.
function packFrames(image: SyntheticImageSeries, frames: readonly { k: number; mask: Uint8Array }[]): ArrayBuffer {
  const sliceSize = image.spec.geometry.rows * image.spec.geometry.columns;
  const bits = sliceSize * frames.length;
  const packed = new Uint8Array(Math.ceil(bits / 8) + (Math.ceil(bits / 8) % 2)); // even length for OB
  frames.forEach(({ k, mask }, f) => {
    for (let p = 0; p < sliceSize; p++) {
      if (!mask[k * sliceSize + p]) continue;
      const bit = f * sliceSize + p;
      packed[bit >> 3]! |= 1 << (bit & 7);
    }
  });
  return packed.buffer;
}
