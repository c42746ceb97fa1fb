// An imaging source: walks the studies an archive returns for a query and yields Patient, Study,
// Series and Lesion records. Lesion voxel counts and volumes come from real masks built with
// compute/image on the segmented series' grid. A failing study, series or segmentation yields a
// typed failure for that item only.
import type { LesionRecord } from "../../graph-model/model/records.js";
import { InvalidDicomError } from "../../compute/errors.js";
import { summarizeSeries } from "../../compute/image/series-summary.js";
import { imageGridFromInstances, type ImageGrid } from "../../compute/image/image-grid.js";
import { gridMaskStatistics } from "../../compute/image/mask-stats.js";
import type { NaturalDataset } from "../../compute/image/dicom-dataset.js";
import type { ImageInstance } from "../../compute/image/dicom-instance.js";
import type { DicomArchive, SeriesEntry, SeriesLocator, StudyEntry } from "./dicom-archive.js";
import { isImageModality, isSegmentationModality, keepsModality, type ImagingQuery } from "./imaging-query.js";
import { failureItem, recordItem, type ImagingItem } from "./imaging-items.js";
import { patientRecord, provenance, seriesRecord, studyRecord } from "./imaging-records.js";
import { instanceLoader, type InstanceLoader } from "./instance-loader.js";
import { imageInstancesOfSeries, loadSeriesVolume } from "./image-series-loader.js";
import { parseSegmentationObject, type SegmentationObject } from "./segmentation-object.js";
import { segmentationTarget, type CandidateSeries } from "./segmentation-target.js";
import { lesionMasks } from "./lesion-masks.js";
import { loadLesionVolumeAndMask, type LesionRef, type LesionVolumeAndMask } from "./lesion-volume.js";
import type { PixelCache } from "./pixel-cache.js";

export interface ImagingSourceOptions {
  /** On-disk cache for instances fetched from a remote archive. */
  readonly cache?: PixelCache;
  /**
   * Build each segmented series' full volume while counting lesion voxels (default true): the pixels
   * are then checked and cached for feature computation. False: masks on the header-only grid.
   */
  readonly verifyPixels?: boolean;
}

interface LoadedImageSeries {
  readonly locator: SeriesLocator;
  readonly metadata: readonly NaturalDataset[];
  readonly instances: readonly ImageInstance[];
  readonly modality?: string;
}

export class ImagingSource {
  private readonly load: InstanceLoader;

  constructor(
    readonly archive: DicomArchive,
    private readonly options: ImagingSourceOptions = {},
  ) {
    this.load = instanceLoader(archive, options.cache);
  }

  /** Records for every study matching the query, study by study (sorted by patient, date, UID). */
  async *records(query: ImagingQuery): AsyncGenerator<ImagingItem> {
    const studies = (await this.archive.findStudies(query)).sort(byPatientDateUid);
    const patientsSeen = new Set<string>();
    for (const study of studies) yield* this.studyItems(study, query, patientsSeen);
  }

  /** Collects records() into arrays (small cohorts, tests). */
  async collect(query: ImagingQuery): Promise<ImagingItem[]> {
    const items: ImagingItem[] = [];
    for await (const item of this.records(query)) items.push(item);
    return items;
  }

  /** One lesion's image volume and mask on the same grid, for feature computation. */
  loadLesionVolumeAndMask(ref: LesionRef): Promise<LesionVolumeAndMask> {
    return loadLesionVolumeAndMask(this.archive, this.load, ref);
  }

  private async *studyItems(study: StudyEntry, query: ImagingQuery, patientsSeen: Set<string>): AsyncGenerator<ImagingItem> {
    const patientId = study.patientId;
    if (!patientId) {
      yield failureItem({ kind: "study", uid: study.studyUid, error: new InvalidDicomError(`study ${study.studyUid} has no PatientID`) });
      return;
    }
    let seriesList: SeriesEntry[];
    try {
      seriesList = await this.archive.findSeries(study.studyUid);
    } catch (error) {
      yield failureItem({ kind: "study", uid: study.studyUid, patientId, error });
      return;
    }
    const kept = seriesList.filter((series) => isImageModality(series.modality) && keepsModality(query, series.modality)).sort(bySeriesUid);
    // Servers match ModalitiesInStudy for one modality at most (see studyParams): check here for all.
    if (query.modalities?.length && kept.length === 0) return;
    if (query.collectionId && !patientsSeen.has(patientId)) {
      patientsSeen.add(patientId);
      yield recordItem({ kind: "patient", record: patientRecord(patientId, query.collectionId) });
    }
    yield recordItem({ kind: "study", record: studyRecord({ ...study, patientId }, this.archive) });
    const loaded = new Map<string, LoadedImageSeries>();
    for (const entry of kept) {
      try {
        const image = await this.loadImageSeries(entry);
        loaded.set(entry.seriesUid, image);
        yield recordItem({ kind: "series", record: seriesRecord(entry, summarizeSeries(image.instances), image.instances[0]!, this.archive) });
      } catch (error) {
        yield failureItem({ kind: "series", uid: entry.seriesUid, patientId, error });
      }
    }
    const scope = new StudyScope(this.studyReader(), seriesList, loaded, query);
    for (const entry of seriesList.filter((s) => isSegmentationModality(s.modality)).sort(bySeriesUid)) {
      yield* scope.segmentationLesions(entry as SeriesEntry & { modality: "SEG" | "RTSTRUCT" }, patientId);
    }
  }

  private studyReader(): StudyReader {
    return {
      archive: this.archive,
      loadImageSeries: (locator) => this.loadImageSeries(locator),
      gridOf: (image) => this.gridOf(image),
      instanceBytes: (locator, sopInstanceUid) => this.load.instance({ ...locator, sopInstanceUid }),
    };
  }

  private async loadImageSeries(locator: SeriesLocator & { modality?: string }): Promise<LoadedImageSeries> {
    const metadata = await this.archive.seriesMetadata(locator);
    const instances = await imageInstancesOfSeries(locator, metadata, this.load);
    return { locator: { studyUid: locator.studyUid, seriesUid: locator.seriesUid }, metadata, instances, modality: locator.modality ?? instances[0]?.modality };
  }

  private async gridOf(image: LoadedImageSeries): Promise<ImageGrid> {
    if (this.options.verifyPixels === false) return imageGridFromInstances(image.instances);
    return (await loadSeriesVolume(image.locator, image.metadata, this.load)).grid;
  }
}

/** What reading a study's segmentations needs from the source. */
interface StudyReader {
  readonly archive: DicomArchive;
  loadImageSeries(locator: SeriesLocator & { modality?: string }): Promise<LoadedImageSeries>;
  gridOf(image: LoadedImageSeries): Promise<ImageGrid>;
  instanceBytes(locator: SeriesLocator, sopInstanceUid: string): Promise<Uint8Array>;
}

// Per-study state for segmentations: the study's image series as link candidates, grids built once.
class StudyScope {
  private readonly grids = new Map<string, Promise<ImageGrid>>();

  constructor(
    private readonly reader: StudyReader,
    private readonly studySeries: readonly SeriesEntry[],
    private readonly images: Map<string, LoadedImageSeries>,
    private readonly query: ImagingQuery,
  ) {}

  async *segmentationLesions(entry: SeriesEntry & { modality: "SEG" | "RTSTRUCT" }, patientId: string): AsyncGenerator<ImagingItem> {
    let metadata: NaturalDataset[];
    try {
      metadata = await this.reader.archive.seriesMetadata(entry);
    } catch (error) {
      yield failureItem({ kind: "segmentation", uid: entry.seriesUid, patientId, error });
      return;
    }
    for (const dataset of metadata) {
      const sopInstanceUid = String(dataset.SOPInstanceUID);
      try {
        for (const lesion of await this.lesionsOf(entry, sopInstanceUid)) {
          if ("error" in lesion) yield failureItem({ kind: "segmentation", uid: entry.seriesUid, sopInstanceUid, patientId, error: lesion.error });
          else yield recordItem(lesion.warnings.length > 0 ? { kind: "lesion", record: lesion.record, warnings: lesion.warnings } : { kind: "lesion", record: lesion.record });
        }
      } catch (error) {
        yield failureItem({ kind: "segmentation", uid: entry.seriesUid, sopInstanceUid, patientId, error });
      }
    }
  }

  private async lesionsOf(
    entry: SeriesEntry & { modality: "SEG" | "RTSTRUCT" },
    sopInstanceUid: string,
  ): Promise<Array<{ record: LesionRecord; warnings: readonly string[] } | { error: InvalidDicomError }>> {
    const object = parseSegmentationObject(entry.modality, await this.reader.instanceBytes(entry, sopInstanceUid));
    const target = await segmentationTarget(object.links, this.candidates(), this.reader.archive);
    const inStudy = this.studySeries.find((series) => series.seriesUid === target.seriesUid);
    if (inStudy && !keepsModality(this.query, inStudy.modality)) return []; // drawn on a series the query leaves out
    const image = this.images.get(target.seriesUid) ?? (await this.reader.loadImageSeries(target));
    if (!keepsModality(this.query, image.modality)) return [];
    const grid = await this.gridOf(image);
    const masks = lesionMasks(object, grid);
    // A parsed object with nothing to read would otherwise vanish and surface later as NOT_FOUND.
    if (masks.length === 0) throw new InvalidDicomError(`${object.type} ${sopInstanceUid} of series ${entry.seriesUid} holds no ${object.type === "SEG" ? "segment" : "ROI with contours"} to read`, { sopInstanceUid, seriesUid: entry.seriesUid });
    const kind = object.type === "SEG" ? "segment" : "ROI";
    const read = masks.map((lesion) => ({ lesion, statistics: gridMaskStatistics(lesion.mask) }));
    // A segment / ROI covering no voxel of its image (no contour, or none on the slices) is not a lesion: reported, not written.
    if (read.every(({ statistics }) => statistics.voxelCount === 0))
      throw new InvalidDicomError(`${object.type} ${sopInstanceUid} of series ${entry.seriesUid} holds no ${object.type === "SEG" ? "segment" : "ROI with contours"} covering any voxel of series ${target.seriesUid}`, { sopInstanceUid, seriesUid: entry.seriesUid });
    return read.map(({ lesion, statistics }) =>
      statistics.voxelCount === 0
        ? { error: new InvalidDicomError(`${kind} ${lesion.segmentNumber} ('${lesion.label}') of ${object.type} ${sopInstanceUid} covers no voxel of series ${target.seriesUid}${lesion.warnings.length ? ` (${lesion.warnings.join("; ")})` : ""}; it was not written`, { sopInstanceUid, segmentNumber: lesion.segmentNumber }) }
        : { record: lesionRecord(object, entry, target, lesion.segmentNumber, lesion.label, statistics, this.reader.archive), warnings: lesion.warnings },
    );
  }

  // Loaded series link by UID, SOP or frame of reference; series left out by the query (not loaded) by UID only.
  private candidates(): CandidateSeries[] {
    return this.studySeries
      .filter((series) => isImageModality(series.modality))
      .map((series) => {
        const image = this.images.get(series.seriesUid);
        return {
          locator: { studyUid: series.studyUid, seriesUid: series.seriesUid },
          sopInstanceUids: new Set(image?.instances.map((instance) => instance.sopInstanceUID)),
          frameOfReferenceUid: image?.instances[0]?.frameOfReferenceUID,
        };
      });
  }

  private gridOf(image: LoadedImageSeries): Promise<ImageGrid> {
    const key = image.locator.seriesUid;
    const cached = this.grids.get(key);
    if (cached) return cached;
    const building = this.reader.gridOf(image);
    this.grids.set(key, building);
    building.catch(() => undefined); // each segmentation on a broken series reports the error itself
    return building;
  }
}

function lesionRecord(
  object: SegmentationObject,
  entry: SeriesEntry,
  target: SeriesLocator,
  segmentNumber: number,
  label: string,
  statistics: { voxelCount: number; volumeMm3?: number },
  archive: DicomArchive,
): LesionRecord {
  return {
    id: `${entry.seriesUid}:${segmentNumber}`,
    seriesUid: target.seriesUid,
    label,
    segmentNumber,
    segmentationType: object.type,
    segmentationSeriesUid: entry.seriesUid,
    segmentationSopInstanceUid: object.links.sopInstanceUid,
    voxelCount: statistics.voxelCount,
    volumeMm3: statistics.volumeMm3 ?? null,
    ...provenance(archive),
  };
}

function byPatientDateUid(a: StudyEntry, b: StudyEntry): number {
  return (a.patientId ?? "").localeCompare(b.patientId ?? "") || (a.studyDate ?? "").localeCompare(b.studyDate ?? "") || a.studyUid.localeCompare(b.studyUid);
}

function bySeriesUid(a: SeriesEntry, b: SeriesEntry): number {
  return a.seriesUid.localeCompare(b.seriesUid);
}
