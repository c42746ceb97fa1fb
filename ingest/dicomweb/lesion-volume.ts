// The feature code's entry point to pixels: one lesion's image volume and its mask on the same grid,
// fetched through the pixel cache.
import { BadUserInputError, NotFoundError } from "../../compute/errors.js";
import type { Mask, Volume } from "../../compute/image/volume.js";
import { toVolumeMask } from "../../compute/image/grid-mask.js";
import type { LesionRecord } from "../../graph-model/model/records.js";
import type { DicomArchive, SeriesLocator } from "./dicom-archive.js";
import type { InstanceLoader } from "./instance-loader.js";
import { loadSeriesVolume } from "./image-series-loader.js";
import { parseSegmentationObject } from "./segmentation-object.js";
import { lesionMasks } from "./lesion-masks.js";
import { segmentationTarget } from "./segmentation-target.js";

export interface LesionRef {
  /** The segmented image series; when absent, the one the segmentation references. */
  readonly seriesUid?: string;
  readonly segmentationType: "SEG" | "RTSTRUCT";
  readonly segmentationSeriesUid: string;
  readonly segmentationSopInstanceUid: string;
  /** SEG SegmentNumber or RTSTRUCT ROINumber. */
  readonly segmentNumber: number;
  /** Saves a QIDO-RS lookup when known (image and segmentation in the same study). */
  readonly studyUid?: string;
}

export interface LesionVolumeAndMask {
  readonly volume: Volume;
  readonly mask: Mask;
}

type LesionLike = Pick<LesionRecord, "id" | "segmentationType" | "segmentationSeriesUid" | "segmentationSopInstanceUid" | "segmentNumber"> & {
  readonly seriesUid?: string;
};

/** A LesionRecord (or a stored Lesion, which has no series UID) → the reference needed to load its pixels. */
export function lesionRefOf(record: LesionLike, studyUid?: string): LesionRef {
  const { seriesUid, segmentationType, segmentationSeriesUid, segmentationSopInstanceUid, segmentNumber } = record;
  if ((segmentationType !== "SEG" && segmentationType !== "RTSTRUCT") || !segmentationSeriesUid || !segmentationSopInstanceUid || segmentNumber == null) {
    throw new BadUserInputError(`lesion ${record.id} lacks its segmentation reference (type, series, instance or segment number)`, { lesionId: record.id });
  }
  return { seriesUid, segmentationType, segmentationSeriesUid, segmentationSopInstanceUid, segmentNumber, studyUid };
}

export async function loadLesionVolumeAndMask(archive: DicomArchive, load: InstanceLoader, ref: LesionRef): Promise<LesionVolumeAndMask> {
  const segmentation = await locate(archive, ref.segmentationSeriesUid, ref.studyUid);
  const object = parseSegmentationObject(ref.segmentationType, await load.instance({ ...segmentation, sopInstanceUid: ref.segmentationSopInstanceUid }));
  const image = ref.seriesUid ? await locate(archive, ref.seriesUid, ref.studyUid) : await segmentationTarget(object.links, [], archive);
  const { volume, grid } = await loadSeriesVolume(image, await archive.seriesMetadata(image), load);
  const [lesion] = lesionMasks(object, grid, [ref.segmentNumber]);
  return { volume, mask: toVolumeMask(lesion!.mask) };
}

async function locate(archive: DicomArchive, seriesUid: string, studyUid: string | undefined): Promise<SeriesLocator> {
  if (studyUid) return { studyUid, seriesUid };
  const found = await archive.locateSeries(seriesUid);
  if (!found) throw new NotFoundError("series", seriesUid);
  return found;
}
