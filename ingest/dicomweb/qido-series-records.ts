// Graph records from a page of QIDO-RS series answers: the patient (barcode + collection), the study
// and a catalogue-level series record (UIDs, modality, description, body part, WADO-RS URL). Geometry
// and acquisition stay null (upserts keep what a full imaging ingest wrote). Series without a
// PatientID or StudyInstanceUID cannot be placed in the graph and are returned as rejected.
import type { PatientRecord, SeriesRecord, StudyRecord } from "../../graph-model/model/records.js";
import { isoDate } from "./imaging-records.js";
import type { QidoJson } from "./qido-series-pages.js";

export interface CatalogueProvenance {
  readonly collectionId: string;
  readonly source: string;
  readonly dataRelease: string | null;
  /** DICOMweb root, for the series' WADO-RS URL when the answer has no RetrieveURL. */
  readonly url: string;
}

export interface CatalogueRecords {
  readonly patients: PatientRecord[];
  readonly studies: StudyRecord[];
  readonly series: SeriesRecord[];
  /** Series UIDs (or "?") of answers missing PatientID or StudyInstanceUID. */
  readonly rejected: string[];
}

const TAG = {
  patientId: "00100020", studyUid: "0020000D", seriesUid: "0020000E", studyDate: "00080020", studyDescription: "00081030",
  modality: "00080060", seriesDescription: "0008103E", bodyPart: "00180015", retrieveUrl: "00081190",
} as const;

/** First value of a string element; undefined when absent or empty. */
function text(json: QidoJson, tag: string): string | undefined {
  const value = json[tag]?.Value?.[0];
  return typeof value === "string" && value !== "" ? value : undefined;
}

export function catalogueRecords(page: readonly QidoJson[], provenance: CatalogueProvenance): CatalogueRecords {
  const patients = new Map<string, PatientRecord>();
  const studies = new Map<string, StudyRecord>();
  const series = new Map<string, SeriesRecord>();
  const rejected: string[] = [];
  const from = { source: provenance.source, dataRelease: provenance.dataRelease };
  for (const json of page) {
    const patientId = text(json, TAG.patientId);
    const studyUid = text(json, TAG.studyUid);
    const seriesUid = text(json, TAG.seriesUid);
    if (!patientId || !studyUid || !seriesUid) {
      rejected.push(seriesUid ?? "?");
      continue;
    }
    patients.set(patientId, { id: patientId, collectionId: provenance.collectionId });
    studies.set(studyUid, { uid: studyUid, patientId, date: isoDate(text(json, TAG.studyDate)), description: text(json, TAG.studyDescription) ?? null, ...from });
    series.set(seriesUid, {
      uid: seriesUid, studyUid, modality: text(json, TAG.modality) ?? null, description: text(json, TAG.seriesDescription) ?? null,
      bodyPart: text(json, TAG.bodyPart) ?? null,
      retrieveUrl: text(json, TAG.retrieveUrl) ?? `${provenance.url}/studies/${studyUid}/series/${seriesUid}`, ...from,
    } as SeriesRecord);
  }
  return { patients: [...patients.values()], studies: [...studies.values()], series: [...series.values()], rejected };
}
