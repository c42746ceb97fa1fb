// Download manifests of a cohort's image series, in the forms the archives' own tools read. Pure:
// the caller passes the series and the DICOMweb base URL of its imaging source.
//
// TCIA: the NBIA Data Retriever opens a `.tcia` manifest of `key=value` header lines followed by
//   `ListOfSeriesToDownload=` and one SeriesInstanceUID per line (TCIA wiki, "Creating a Manifest
//   File", https://wiki.cancerimagingarchive.net/pages/viewpage.action?pageId=41517595; manifests TCIA
//   hands out today carry downloadServerUrl=https://nbia.cancerimagingarchive.net/nbia-download/servlet/DownloadServlet,
//   includeAnnotation=true, noOfrRetry=4, databasketId=manifest-….tcia, manifestVersion=3.0).
// IDC: `idc download <argument>` (idc-index, idc_index/cli.py) takes a file only as an s5cmd manifest of
//   bucket paths (crdc_series_uuid, which the graph does not hold), or else a comma-separated list of
//   collection ids, PatientIDs, StudyInstanceUIDs or SeriesInstanceUIDs — so the IDC form is that list of
//   SeriesInstanceUIDs: `idc download "$(cat cohort.idc.txt)" --download-dir ./data`.
// S5CMD: the manifest `idc download-from-manifest --manifest-file` reads (idc-index 0.13.4,
//   IDCClient._validate_update_manifest_and_get_download_size: pandas.read_csv(comment="#", header=None),
//   keeps the lines holding `s3://`, takes the series' crdc_series_uuid as the 4th '/'-part of the URL and
//   joins it to its offline index) and `s5cmd --no-sign-request --endpoint-url https://s3.amazonaws.com run`
//   runs: one `cp s3://<bucket>/<crdc_series_uuid>/* <dir>/` per series. The bucket path is IDC's, not a
//   DICOM UID: it comes from IDC's index (`series_aws_url`), passed in as `locations`. Files, unlike the IDC
//   argument form, have no length limit.
// CSV: one row per series with its DICOMweb WADO-RS Retrieve Series URL, `{base}/studies/{study}/series/{series}`
//   (DICOM PS3.18 §10.4), quoted as RFC 4180 requires.
import { BadUserInputError } from "../errors.js";

export type ManifestFormat = "TCIA" | "IDC" | "CSV" | "S5CMD";

export interface ManifestSeries {
  readonly collectionId: string | null;
  readonly patientId: string;
  readonly studyUid: string;
  readonly seriesUid: string;
  readonly modality: string | null;
}

export interface ManifestOptions {
  /** DICOMweb root of the imaging source, e.g. IDC's proxy or a lab's Orthanc `…/dicom-web`. */
  readonly dicomwebBaseUrl: string;
  /** Names the TCIA data basket (`databasketId=manifest-<name>.tcia`), e.g. the cohort id. */
  readonly name: string;
  /** S5CMD: SeriesInstanceUID → IDC's `series_aws_url` (`s3://<bucket>/<crdc_series_uuid>/*`). */
  readonly locations?: ReadonlyMap<string, string>;
}

// idc-index builds series_aws_url as CONCAT('s3://', aws_bucket, '/', crdc_series_uuid, '/*').
const SERIES_AWS_URL = /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/\*$/;

export const NBIA_DOWNLOAD_SERVER_URL = "https://nbia.cancerimagingarchive.net/nbia-download/servlet/DownloadServlet";
export const CSV_COLUMNS = ["collection", "patient_id", "study_instance_uid", "series_instance_uid", "modality", "wado_rs_url"] as const;

// DICOM PS3.5 §9.1: digits and dots, components without leading zeros, at most 64 characters.
const DICOM_UID = /^(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))*$/;

function requireUid(uid: string, what: string): string {
  if (uid.length > 64 || !DICOM_UID.test(uid)) throw new BadUserInputError(`${what} '${uid.slice(0, 80)}' is not a DICOM UID; it cannot go into a download manifest`);
  return uid;
}

/** Each series once, in the given order, with its UIDs checked. */
function distinctSeries(series: readonly ManifestSeries[]): ManifestSeries[] {
  const seen = new Map<string, ManifestSeries>();
  for (const s of series) {
    requireUid(s.studyUid, "StudyInstanceUID");
    if (!seen.has(requireUid(s.seriesUid, "SeriesInstanceUID"))) seen.set(s.seriesUid, s);
  }
  return [...seen.values()];
}

/** WADO-RS Retrieve Series URL of one series under a DICOMweb root. */
export function wadoRsSeriesUrl(baseUrl: string, studyUid: string, seriesUid: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/studies/${studyUid}/series/${seriesUid}`;
}

function csvField(value: string | null): string {
  if (value === null) return "";
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function tciaManifest(series: ManifestSeries[], name: string): string {
  const basket = `manifest-${name.replace(/[^A-Za-z0-9._-]+/g, "_")}.tcia`;
  const header = [`downloadServerUrl=${NBIA_DOWNLOAD_SERVER_URL}`, "includeAnnotation=true", "noOfrRetry=4", `databasketId=${basket}`, "manifestVersion=3.0", "ListOfSeriesToDownload="];
  return [...header, ...series.map((s) => s.seriesUid)].join("\n") + "\n";
}

function csvManifest(series: ManifestSeries[], baseUrl: string): string {
  const rows = series.map((s) => [s.collectionId, s.patientId, s.studyUid, s.seriesUid, s.modality, wadoRsSeriesUrl(baseUrl, s.studyUid, s.seriesUid)].map(csvField).join(","));
  return [CSV_COLUMNS.join(","), ...rows].map((line) => `${line}\r\n`).join("");
}

function s5cmdManifest(series: ManifestSeries[], locations: ReadonlyMap<string, string> | undefined): string {
  const missing = series.filter((s) => !locations?.has(s.seriesUid));
  if (missing.length)
    throw new BadUserInputError(`${missing.length} of ${series.length} series are not in IDC's series index, so no IDC bucket path is known for them (first: ${missing.slice(0, 3).map((s) => s.seriesUid).join(", ")}); the s5cmd manifest lists IDC series only`);
  const lines = series.map((s) => {
    const url = locations!.get(s.seriesUid)!;
    if (!SERIES_AWS_URL.test(url)) throw new BadUserInputError(`IDC's index gives '${url.slice(0, 120)}' for ${s.seriesUid}, not an s3://<bucket>/<crdc_series_uuid>/* path`);
    return `cp ${url} ./`;
  });
  // No comment lines: idc-index would skip them, but s5cmd run reads every line as a command.
  return `${lines.join("\n")}\n`;
}

/** The cohort's series as a TCIA `.tcia` manifest, an `idc download` argument, or a CSV with WADO-RS URLs. */
export function cohortManifest(series: readonly ManifestSeries[], format: ManifestFormat, options: ManifestOptions): string {
  const distinct = distinctSeries(series);
  switch (format) {
    case "TCIA":
      return tciaManifest(distinct, options.name);
    case "IDC":
      return distinct.map((s) => s.seriesUid).join(",");
    case "CSV":
      return csvManifest(distinct, options.dicomwebBaseUrl);
    case "S5CMD":
      return s5cmdManifest(distinct, options.locations);
  }
}
