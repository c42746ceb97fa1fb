// cBioPortal PATIENT clinical data (long format, one row per patient and attribute, values always
// strings; reference §2.5) → PatientRecords. OS_MONTHS becomes days at 365.25/12 days per month.
import type { PatientRecord } from "../../graph-model/model/records.js";
import { stringAt } from "../genomics/json-readers.js";
import { patientBarcodeOf } from "../genomics/tcga-barcode.js";
import { isDeceased } from "./cbioportal-os-status.js";

export const DAYS_PER_MONTH = 365.25 / 12;

export interface StudyContext {
  projectId: string | null;
  collectionId: string;
  dataRelease: string | null;
}

/** `patientIds` (from /studies/{id}/patients) keeps patients without any clinical row. */
export function patientsFromClinicalData(rows: readonly unknown[], context: StudyContext, patientIds: readonly string[] = []): PatientRecord[] {
  const byPatient = new Map<string, Map<string, string>>(patientIds.map((id) => [id, new Map<string, string>()]));
  for (const row of rows) {
    const patientId = stringAt(row, "patientId");
    const attribute = stringAt(row, "clinicalAttributeId");
    const value = stringAt(row, "value");
    if (patientId === null || attribute === null || value === null) continue;
    const attributes = byPatient.get(patientId) ?? new Map<string, string>();
    attributes.set(attribute, value);
    byPatient.set(patientId, attributes);
  }
  return [...byPatient].sort(([a], [b]) => (a < b ? -1 : 1)).map(([patientId, attributes]) => patientOf(patientId, attributes, context));
}

function patientOf(patientId: string, attributes: Map<string, string>, context: StudyContext): PatientRecord {
  const deceased = isDeceased(attributes.get("OS_STATUS"));
  const months = numberOrNull(attributes.get("OS_MONTHS"));
  return {
    id: patientBarcodeOf(patientId),
    collectionId: context.collectionId,
    projectId: context.projectId,
    sex: attributes.get("SEX") ?? null,
    ageAtDiagnosisYears: numberOrNull(attributes.get("AGE")),
    vitalStatus: deceased === null ? null : deceased ? "Dead" : "Alive",
    stage: attributes.get("AJCC_PATHOLOGIC_TUMOR_STAGE") ?? null,
    primaryDiagnosis: null,
    overallSurvivalDays: deceased === null || months === null ? null : months * DAYS_PER_MONTH,
    overallSurvivalEvent: deceased,
    source: "cBioPortal",
    dataRelease: context.dataRelease,
  };
}

function numberOrNull(text: string | undefined): number | null {
  if (text === undefined || text.trim() === "") return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}
