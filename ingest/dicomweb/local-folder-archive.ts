// A folder of DICOM files already downloaded with TCIA/IDC tools (any layout, any file names) as a
// DicomArchive. The folder is indexed once by reading every file's header; files that are not
// DICOM are listed in `skippedFiles`, not fatal.
import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { readPart10, type NaturalDataset } from "../../compute/image/dicom-dataset.js";
import { NotFoundError } from "../../compute/errors.js";
import { matchesStudyDate, requireValidStudyDate, type ImagingQuery } from "./imaging-query.js";
import type { DicomArchive, InstanceLocator, SeriesEntry, SeriesLocator, StudyEntry } from "./dicom-archive.js";

interface IndexedInstance {
  readonly path: string;
  readonly dataset: NaturalDataset;
}

interface IndexedSeries extends SeriesEntry {
  readonly instances: Map<string, IndexedInstance>;
}

export interface SkippedFile {
  readonly path: string;
  readonly reason: string;
}

export class LocalFolderArchive implements DicomArchive {
  readonly remote = false;
  private constructor(
    readonly root: string,
    private readonly studies: Map<string, StudyEntry>,
    private readonly series: Map<string, IndexedSeries>,
    readonly skippedFiles: readonly SkippedFile[],
    readonly source: string,
    readonly dataRelease?: string,
  ) {}

  /** Indexes every file under `root` (recursively). */
  static async open(root: string, options: { source?: string; dataRelease?: string } = {}): Promise<LocalFolderArchive> {
    const studies = new Map<string, StudyEntry>();
    const series = new Map<string, IndexedSeries>();
    const skipped: SkippedFile[] = [];
    for (const path of await filesUnder(resolve(root))) {
      const dataset = await readHeader(path, skipped);
      if (dataset) addToIndex(studies, series, path, dataset);
    }
    return new LocalFolderArchive(resolve(root), studies, series, skipped, options.source ?? "local", options.dataRelease);
  }

  async findStudies(query: ImagingQuery): Promise<StudyEntry[]> {
    requireValidStudyDate(query.studyDate);
    return [...this.studies.values()].filter(
      (study) =>
        (!query.patientIds || (study.patientId !== undefined && query.patientIds.includes(study.patientId))) &&
        matchesStudyDate(query, study.studyDate) &&
        this.hasAnyModality(study.studyUid, query.modalities),
    );
  }

  // As ModalitiesInStudy matching does on a server.
  private hasAnyModality(studyUid: string, modalities: readonly string[] | undefined): boolean {
    if (!modalities || modalities.length === 0) return true;
    return [...this.series.values()].some((entry) => entry.studyUid === studyUid && entry.modality !== undefined && modalities.includes(entry.modality));
  }

  async findSeries(studyUid: string): Promise<SeriesEntry[]> {
    return [...this.series.values()].filter((entry) => entry.studyUid === studyUid).map(({ studyUid, seriesUid, modality }) => ({ studyUid, seriesUid, modality }));
  }

  async locateSeries(seriesUid: string): Promise<SeriesLocator | undefined> {
    const entry = this.series.get(seriesUid);
    return entry && { studyUid: entry.studyUid, seriesUid };
  }

  async seriesMetadata(locator: SeriesLocator): Promise<NaturalDataset[]> {
    return [...this.requireSeries(locator.seriesUid).instances.values()].map((instance) => instance.dataset);
  }

  async instanceBytes(locator: InstanceLocator): Promise<Uint8Array> {
    const instance = this.requireSeries(locator.seriesUid).instances.get(locator.sopInstanceUid);
    if (!instance) throw new NotFoundError("instance", locator.sopInstanceUid);
    return new Uint8Array(await readFile(instance.path));
  }

  seriesUrl(locator: SeriesLocator): string | undefined {
    const first = this.series.get(locator.seriesUid)?.instances.values().next().value;
    return first ? pathToFileURL(first.path).href.replace(/\/[^/]*$/, "") : undefined;
  }

  private requireSeries(seriesUid: string): IndexedSeries {
    const entry = this.series.get(seriesUid);
    if (!entry) throw new NotFoundError("series", seriesUid);
    return entry;
  }
}

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name)).sort();
}

async function readHeader(path: string, skipped: SkippedFile[]): Promise<NaturalDataset | undefined> {
  try {
    const dataset = readPart10(await readFile(path)).dataset;
    if (typeof dataset.SOPInstanceUID !== "string" || typeof dataset.SeriesInstanceUID !== "string" || typeof dataset.StudyInstanceUID !== "string") {
      skipped.push({ path, reason: "no Study/Series/SOP Instance UID" });
      return undefined;
    }
    return dataset;
  } catch (error) {
    skipped.push({ path, reason: (error as Error).message });
    return undefined;
  }
}

function addToIndex(studies: Map<string, StudyEntry>, series: Map<string, IndexedSeries>, path: string, dataset: NaturalDataset): void {
  const studyUid = dataset.StudyInstanceUID as string;
  const seriesUid = dataset.SeriesInstanceUID as string;
  if (!studies.has(studyUid)) {
    studies.set(studyUid, {
      studyUid,
      patientId: textOf(dataset.PatientID),
      studyDate: textOf(dataset.StudyDate),
      description: textOf(dataset.StudyDescription),
    });
  }
  const entry = series.get(seriesUid) ?? { studyUid, seriesUid, modality: textOf(dataset.Modality), instances: new Map() };
  entry.instances.set(dataset.SOPInstanceUID as string, { path, dataset });
  series.set(seriesUid, entry);
}

function textOf(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}
