// A DICOMweb server (IDC's public proxy by default, Orthanc in tests) as a DicomArchive: QIDO-RS to
// search, WADO-RS for series metadata and Part-10 instances, through dicomweb-client.
import { datasetFromDicomJson, type NaturalDataset } from "../../compute/image/dicom-dataset.js";
import { dicomWebCalls, type DicomWebCalls } from "./dicomweb-client-api.js";
import { dicomWebError } from "./dicomweb-errors.js";
import { requireValidStudyDate, type ImagingQuery } from "./imaging-query.js";
import { mapLimited } from "./instance-loader.js";
import { DEFAULT_RETRY, withRetry, type RetryOptions } from "./transient-retry.js";
import { upstreamLimiterFor, type UpstreamLimiter } from "../http/upstream-limiter.js";
import { reportUpstreamWait } from "../http/upstream-wait-report.js";
import { EXPLICIT_VR_LITTLE_ENDIAN, isNativeTransferSyntax, transferSyntaxOf } from "./transfer-syntax.js";
import { DICOM_MULTIPART, fetchDicomParts, fetchSeriesParts } from "./wado-fetch.js";
import type { DicomArchive, InstanceLocator, SeriesEntry, SeriesLocator, StudyEntry } from "./dicom-archive.js";

/** IDC's public DICOMweb proxy (no authentication, per-IP daily quota, always the latest IDC release). */
export const IDC_PUBLIC_DICOMWEB_URL =
  "https://proxy.imaging.datacommons.cancer.gov/current/viewer-only-no-downloads-see-tinyurl-dot-com-slash-3j3d9jyp/dicomWeb";

export interface DicomWebArchiveOptions {
  /** DICOMweb root (…/dicomWeb or …/dicom-web); default IDC's public proxy. */
  readonly url?: string;
  /** Sent with every request, e.g. { Authorization: "Bearer …" } or "Basic …". */
  readonly headers?: Record<string, string>;
  /** Provenance on the records; default "IDC" for the IDC proxy, else "DICOMweb". */
  readonly source?: string;
  /** Release the records come from, e.g. "IDC v21". */
  readonly dataRelease?: string;
  /** Retries of 429/5xx/connection failures; default 4 attempts, 250 ms base backoff with jitter. */
  readonly retry?: Partial<RetryOptions>;
  /** QIDO-RS page size (limit/offset); servers cap unpaged answers (Google's default is 100). Default 1000. */
  readonly pageSize?: number;
  /** A request with no byte for this long fails as a transient error (retried); default 60 000 ms. */
  readonly timeoutMs?: number;
  /** Concurrency and rate shared by every request to the host (default: the process's limiter for it, ingest/http/upstream-limiter.ts). */
  readonly limiter?: UpstreamLimiter;
}

const STUDY_DESCRIPTION = "00081030"; // not returned by QIDO-RS studies unless asked for (Orthanc)
const PARALLEL_PATIENT_SEARCHES = 4;
const DEFAULT_PAGE_SIZE = 1000;
const DEFAULT_TIMEOUT_MS = 60_000;

export class DicomWebArchive implements DicomArchive {
  readonly source: string;
  readonly dataRelease?: string;
  readonly remote = true;
  readonly url: string;
  private readonly calls: DicomWebCalls;
  private readonly retry: RetryOptions;
  private readonly headers: Record<string, string>;
  private readonly pageSize: number;
  private readonly timeoutMs: number;
  private readonly limiter: UpstreamLimiter;

  constructor(options: DicomWebArchiveOptions = {}) {
    this.url = (options.url ?? IDC_PUBLIC_DICOMWEB_URL).replace(/\/+$/, "");
    this.source = options.source ?? (this.url === IDC_PUBLIC_DICOMWEB_URL ? "IDC" : "DICOMweb");
    this.dataRelease = options.dataRelease;
    this.headers = { ...options.headers };
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.calls = dicomWebCalls(this.url, this.headers, this.timeoutMs);
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
    this.limiter = options.limiter ?? upstreamLimiterFor(this.url);
  }

  async findStudies(query: ImagingQuery): Promise<StudyEntry[]> {
    requireValidStudyDate(query.studyDate);
    const patients = query.patientIds ?? [undefined];
    // One QIDO-RS search per barcode: PatientID takes no value lists.
    const found = await mapLimited(patients, PARALLEL_PATIENT_SEARCHES, (patientId) =>
      this.searchAll("patient", patientId ?? "*", (page) => this.calls.searchForStudies({ queryParams: { ...studyParams(query, patientId), ...page } })),
    );
    return found.flat().map(studyEntry);
  }

  async findSeries(studyUid: string): Promise<SeriesEntry[]> {
    const found = await this.searchAll("study", studyUid, (page) => this.calls.searchForSeries({ studyInstanceUID: studyUid, queryParams: page }));
    return found.map((json) => ({ ...seriesEntry(json), studyUid }));
  }

  async locateSeries(seriesUid: string): Promise<SeriesLocator | undefined> {
    const found = await this.request("series", seriesUid, () => this.calls.searchForSeries({ queryParams: { SeriesInstanceUID: seriesUid } }));
    return found.length > 0 ? seriesEntry(found[0]!) : undefined;
  }

  async seriesMetadata(series: SeriesLocator): Promise<NaturalDataset[]> {
    const json = await this.request("series", series.seriesUid, () =>
      this.calls.retrieveSeriesMetadata({ studyInstanceUID: series.studyUid, seriesInstanceUID: series.seriesUid }),
    );
    return json.map((item) => datasetFromDicomJson(item));
  }

  async instanceBytes(instance: InstanceLocator): Promise<Uint8Array> {
    const original = await this.request("instance", instance.sopInstanceUid, () => this.fetchInstance(instance, DICOM_MULTIPART));
    if (isNativeTransferSyntax(transferSyntaxOf(original))) return original;
    return (await this.transcoded(instance)) ?? original;
  }

  async seriesInstanceBytes(series: SeriesLocator): Promise<Uint8Array[]> {
    const options = { headers: this.headers, idleTimeoutMs: this.timeoutMs };
    return this.request("series", series.seriesUid, () => fetchSeriesParts(this.seriesUrl(series), options));
  }

  seriesUrl(series: SeriesLocator): string {
    return `${this.url}/studies/${series.studyUid}/series/${series.seriesUid}`;
  }

  private async fetchInstance(instance: InstanceLocator, accept: string): Promise<Uint8Array> {
    const url = `${this.seriesUrl(instance)}/instances/${instance.sopInstanceUid}`;
    const [part] = await fetchDicomParts(url, { headers: this.headers, accept, idleTimeoutMs: this.timeoutMs });
    if (!part) throw Object.assign(new Error(`empty multipart answer for ${url}`), { status: 0 });
    return part;
  }

  // Compressed pixels: ask the server to transcode to explicit VR little endian. A server that cannot
  // transcode gets undefined back, and compute/image then names the transfer syntax it cannot decode.
  private async transcoded(instance: InstanceLocator): Promise<Uint8Array | undefined> {
    try {
      const accept = `${DICOM_MULTIPART}; transfer-syntax=${EXPLICIT_VR_LITTLE_ENDIAN}`;
      const part = await withRetry(() => this.limiter.run(() => this.fetchInstance(instance, accept)), this.retry, this.onRateLimited);
      return isNativeTransferSyntax(transferSyntaxOf(part)) ? part : undefined;
    } catch {
      return undefined;
    }
  }

  /** A 429: every request to the host waits (shared pause), and the job item this one runs for hears of it. */
  private readonly onRateLimited = (waitMs: number, retryAfterMs?: number): Promise<void> => {
    reportUpstreamWait({ upstream: `DICOMweb server ${this.url}`, host: this.limiter.host, waitMs, rateLimited: true, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });
    return waitMs > 0 ? this.limiter.pause(waitMs) : Promise.resolve();
  };

  // QIDO-RS answers are paged with limit/offset until a short page comes back.
  private async searchAll<T>(kind: string, id: string, search: (page: { limit: string; offset: string }) => Promise<T[]>): Promise<T[]> {
    const all: T[] = [];
    for (let offset = 0; ; offset += this.pageSize) {
      const page = await this.request(kind, id, () => search({ limit: String(this.pageSize), offset: String(offset) }));
      all.push(...page);
      if (page.length < this.pageSize) return all;
    }
  }

  private async request<T>(kind: string, id: string, call: () => Promise<T>): Promise<T> {
    try {
      // Each try takes a slot and a token; a 429 pauses every request to the host for its wait.
      return await withRetry(() => this.limiter.run(call), this.retry, this.onRateLimited);
    } catch (error) {
      throw dicomWebError(error, `DICOMweb server ${this.url}`, { kind, id });
    }
  }
}

function studyParams(query: ImagingQuery, patientId: string | undefined): Record<string, string> {
  const params: Record<string, string> = { includefield: STUDY_DESCRIPTION };
  if (patientId) params.PatientID = patientId; // TCGA barcodes need no percent-encoding, which Orthanc 1.10 would not decode
  if (query.studyDate) params.StudyDate = query.studyDate; // '-' is not percent-encoded, so Orthanc reads ranges
  // One modality only: a list needs a backslash, which is percent-encoded and Orthanc 1.10 would not decode.
  if (query.modalities?.length === 1) params.ModalitiesInStudy = query.modalities[0]!;
  return params;
}

function studyEntry(json: Record<string, unknown>): StudyEntry {
  const dataset = datasetFromDicomJson(json);
  return {
    studyUid: String(dataset.StudyInstanceUID),
    patientId: stringOf(dataset.PatientID),
    studyDate: stringOf(dataset.StudyDate),
    description: stringOf(dataset.StudyDescription),
  };
}

function seriesEntry(json: Record<string, unknown>): SeriesEntry {
  const dataset = datasetFromDicomJson(json);
  return { studyUid: String(dataset.StudyInstanceUID), seriesUid: String(dataset.SeriesInstanceUID), modality: stringOf(dataset.Modality) };
}

function stringOf(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" && first !== "" ? first : undefined;
}
