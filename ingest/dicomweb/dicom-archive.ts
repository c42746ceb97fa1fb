// The port every imaging source reads through: a DICOMweb server or a local folder of downloaded
// files. Attributes come back naturalized (keyword → value), as compute/image reads them.
import type { NaturalDataset } from "../../compute/image/dicom-dataset.js";
import type { ImagingQuery } from "./imaging-query.js";

export interface SeriesLocator {
  readonly studyUid: string;
  readonly seriesUid: string;
}

export interface InstanceLocator extends SeriesLocator {
  readonly sopInstanceUid: string;
}

export interface StudyEntry {
  readonly studyUid: string;
  readonly patientId?: string;
  /** YYYYMMDD. */
  readonly studyDate?: string;
  readonly description?: string;
}

export interface SeriesEntry extends SeriesLocator {
  readonly modality?: string;
}

export interface DicomArchive {
  /** Provenance of the records, e.g. "IDC", "Orthanc", "local". */
  readonly source: string;
  readonly dataRelease?: string;
  findStudies(query: ImagingQuery): Promise<StudyEntry[]>;
  findSeries(studyUid: string): Promise<SeriesEntry[]>;
  /** Where a series lives, when only its UID is known; undefined when the archive does not hold it. */
  locateSeries(seriesUid: string): Promise<SeriesLocator | undefined>;
  /** One dataset per instance, without pixel data. */
  seriesMetadata(series: SeriesLocator): Promise<NaturalDataset[]>;
  /** The instance as Part-10 bytes. */
  instanceBytes(instance: InstanceLocator): Promise<Uint8Array>;
  /** Every instance of a series in one request (Part-10 bytes, any order), when the archive can do that. */
  seriesInstanceBytes?(series: SeriesLocator): Promise<Uint8Array[]>;
  /** WADO-RS URL of the series, when the archive has one. */
  seriesUrl(series: SeriesLocator): string | undefined;
  /** Whether instanceBytes is slow enough (network) to be worth caching on disk. */
  readonly remote: boolean;
}
