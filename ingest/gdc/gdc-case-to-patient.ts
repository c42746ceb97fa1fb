// A GDC /cases hit → PatientRecord. Missing fields give null (reference §5.2); the collection is the
// GDC project id, which is also the TCIA collection name (TCGA-GBM).
import type { PatientRecord } from "../../graph-model/model/records.js";
import { listAt, numberAt, objectAt, stringAt } from "../genomics/json-readers.js";
import { overallSurvival } from "../genomics/overall-survival.js";
import { gdcClinicalAttributes } from "./gdc-clinical-attributes.js";
import { gdcReported } from "./gdc-reported.js";
import { primaryDiagnosisOf } from "./gdc-primary-diagnosis.js";

const DAYS_PER_YEAR = 365.25;

export interface GdcCaseContext {
  /** The project asked for, used when the hit lacks project.project_id. */
  projectId: string;
  dataRelease: string | null;
}

/** The source name a GDC project's clinical attributes are stored under. */
export function gdcAttributeSource(projectId: string): string {
  return `GDC ${projectId}`;
}

export function patientFromGdcCase(hit: Record<string, unknown>, context: GdcCaseContext): PatientRecord | null {
  const barcode = stringAt(hit, "submitter_id");
  if (barcode === null) return null;
  const projectId = stringAt(objectAt(hit, "project"), "project_id") ?? context.projectId;
  const demographic = objectAt(hit, "demographic");
  const diagnosis = primaryDiagnosisOf(listAt(hit, "diagnoses"));
  const survival = overallSurvival({ demographic, diagnoses: listAt(hit, "diagnoses"), follow_ups: listAt(hit, "follow_ups") });
  return {
    id: barcode,
    collectionId: projectId,
    projectId,
    // gender was removed in dictionary v4.0.3 in favour of sex_at_birth (reference §1.5).
    sex: gdcReported(stringAt(demographic, "sex_at_birth") ?? stringAt(demographic, "gender")),
    ageAtDiagnosisYears: ageInYears(diagnosis, demographic),
    vitalStatus: survival.vitalStatus,
    stage: gdcReported(stringAt(diagnosis, "ajcc_pathologic_stage")),
    primaryDiagnosis: gdcReported(stringAt(diagnosis, "primary_diagnosis")),
    overallSurvivalDays: survival.days,
    overallSurvivalEvent: survival.event,
    source: "GDC",
    dataRelease: context.dataRelease,
    clinicalAttributes: gdcClinicalAttributes(hit, diagnosis, { source: gdcAttributeSource(context.projectId), dataRelease: context.dataRelease }),
  };
}

/** age_at_diagnosis is in days; age_at_index (years) stands in when it is missing (reference §1.5). */
function ageInYears(diagnosis: Record<string, unknown> | null, demographic: Record<string, unknown> | null): number | null {
  const days = numberAt(diagnosis, "age_at_diagnosis");
  if (days !== null) return days / DAYS_PER_YEAR;
  return numberAt(demographic, "age_at_index");
}
