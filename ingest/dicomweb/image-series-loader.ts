// An image series from the archive: its headers (for the record and the image grid) or its full
// volume (pixels fetched as Part-10 instances through the cache). Multi-frame images become one
// ImageInstance per frame.
import type { NaturalDataset } from "../../compute/image/dicom-dataset.js";
import { imageInstanceFromDataset, type ImageInstance } from "../../compute/image/dicom-instance.js";
import { parseImageFrames } from "../../compute/image/multiframe-image.js";
import { buildSeriesVolume, type SeriesVolume } from "../../compute/image/series-volume.js";
import type { InstanceLoader } from "./instance-loader.js";
import type { SeriesLocator } from "./dicom-archive.js";

/**
 * Image instances of a series from its metadata, without pixels. Enhanced (multi-frame) images carry
 * their planes in functional groups that only the Part-10 reader resolves, so those are fetched whole.
 */
export async function imageInstancesOfSeries(series: SeriesLocator, metadata: readonly NaturalDataset[], load: InstanceLoader): Promise<ImageInstance[]> {
  if (!metadata.some(isMultiFrame)) return metadata.map((dataset) => imageInstanceFromDataset(dataset));
  return (await mapSeriesInstances(series, metadata, load, parseImageFrames)).flat();
}

/** Fetches every instance of the series and builds its volume (HU for CT) and slice grid. */
export async function loadSeriesVolume(series: SeriesLocator, metadata: readonly NaturalDataset[], load: InstanceLoader): Promise<SeriesVolume> {
  return buildSeriesVolume((await mapSeriesInstances(series, metadata, load, parseImageFrames)).flat());
}

/** Fetches the instances the metadata lists (bench/ingest times this path) and maps each, in metadata order. */
export async function mapSeriesInstances<R>(series: SeriesLocator, metadata: readonly NaturalDataset[], load: InstanceLoader, map: (bytes: Uint8Array) => R): Promise<R[]> {
  return (await load.series(series, metadata.map((dataset) => String(dataset.SOPInstanceUID)))).map(map);
}

function isMultiFrame(dataset: NaturalDataset): boolean {
  return Number(dataset.NumberOfFrames ?? 1) > 1 || dataset.SharedFunctionalGroupsSequence !== undefined;
}
