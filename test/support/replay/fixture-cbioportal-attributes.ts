// The cBioPortal clinical attributes of the replay study beyond the OS fields, in the API's shapes
// (reference §2.5; ClinicalAttribute / ClinicalData types of the cbioportal-ts-api-client swagger):
// GET /studies/{id}/clinical-attributes rows {clinicalAttributeId, datatype NUMBER|STRING, displayName,
// description, patientAttribute, priority, studyId}, and long-format clinical-data rows whose value is
// always a string. As in the PanCancer Atlas studies, SUBTYPE and TMB_NONSYNONYMOUS are SAMPLE
// attributes; PFS_STATUS uses the real "1:PROGRESSION" / "0:CENSORED" encoding. No random draws here
// (values from the patient's index), so the rest of the fixture's draws stay as they were.
import type { FixturePatient } from "./genomic-fixture.js";
import { round } from "./fixture-ids.js";

export const CBIO_DAYS_PER_MONTH = 365.25 / 12;
const SUBTYPES = ["GBM_IDHmut-non-codel", "GBM_classical", "GBM_mesenchymal"];

interface AttributeSpec { id: string; displayName: string; datatype: "NUMBER" | "STRING"; patient: boolean }
const SPECS: AttributeSpec[] = [
  { id: "AGE", displayName: "Diagnosis Age", datatype: "NUMBER", patient: true },
  { id: "SEX", displayName: "Sex", datatype: "STRING", patient: true },
  { id: "AJCC_PATHOLOGIC_TUMOR_STAGE", displayName: "Neoplasm Disease Stage American Joint Committee on Cancer Code", datatype: "STRING", patient: true },
  { id: "OS_STATUS", displayName: "Overall Survival Status", datatype: "STRING", patient: true },
  { id: "OS_MONTHS", displayName: "Overall Survival (Months)", datatype: "NUMBER", patient: true },
  { id: "PFS_STATUS", displayName: "Progression Free Status", datatype: "STRING", patient: true },
  { id: "PFS_MONTHS", displayName: "Progress Free Survival (Months)", datatype: "NUMBER", patient: true },
  { id: "DFS_STATUS", displayName: "Disease Free Status", datatype: "STRING", patient: true },
  { id: "DFS_MONTHS", displayName: "Disease Free (Months)", datatype: "NUMBER", patient: true },
  { id: "GENETIC_ANCESTRY_LABEL", displayName: "Genetic Ancestry Label", datatype: "STRING", patient: true },
  { id: "SAMPLE_TYPE", displayName: "Sample Type", datatype: "STRING", patient: false },
  { id: "SUBTYPE", displayName: "Subtype", datatype: "STRING", patient: false },
  { id: "TMB_NONSYNONYMOUS", displayName: "TMB (nonsynonymous)", datatype: "NUMBER", patient: false },
];

export interface TruthAttribute { value: string | number | boolean; source: string; dataRelease: string; sampleId?: string }

/** Extra PATIENT attributes of patient i (strings, as served). Patient 4 has no PFS; patient 5 lacks PFS_STATUS. */
export function extraPatientAttributes(i: number): Record<string, string> {
  const out: Record<string, string> = { GENETIC_ANCESTRY_LABEL: i % 3 === 0 ? "AFR" : "EUR" };
  if (i !== 4) out.PFS_MONTHS = String(round((i + 1) * 3.25, 2));
  if (i !== 4 && i !== 5) out.PFS_STATUS = i % 2 === 1 ? "1:PROGRESSION" : "0:CENSORED";
  if (i % 2 === 0) Object.assign(out, { DFS_STATUS: "0:DiseaseFree", DFS_MONTHS: String(round(10 + i * 1.5, 2)) });
  return out;
}

/** Extra SAMPLE attributes of a sample of patient i; the recurrent sample carries another SUBTYPE (must not be used). */
export function extraSampleAttributes(i: number, primary: boolean): Record<string, string> {
  return primary ? { SUBTYPE: SUBTYPES[i % 3]!, TMB_NONSYNONYMOUS: (i * 1.7).toFixed(4) } : { SUBTYPE: "GBM_proneural", TMB_NONSYNONYMOUS: "99.5" };
}

export function clinicalAttributeRows(studyId: string) {
  return SPECS.map((s, k) => ({ clinicalAttributeId: s.id, datatype: s.datatype, description: s.displayName, displayName: s.displayName, patientAttribute: s.patient, priority: String(k + 1), studyId }));
}

/** What a correct ingest stores on each patient's clinicalAttributes. */
export function cbioAttributeTruth(patients: FixturePatient[], studyId: string, dataRelease: string): Map<string, Record<string, TruthAttribute>> {
  const source = `cBioPortal ${studyId}`;
  const typeOf = new Map(SPECS.map((s) => [s.id, s.datatype]));
  const typed = (id: string, text: string) => (typeOf.get(id) === "NUMBER" ? Number(text) : text);
  return new Map(patients.map((p, i) => {
    const out: Record<string, TruthAttribute> = {};
    for (const [id, text] of Object.entries({ ...p.clinical.cbioAttributes, ...extraPatientAttributes(i) })) out[id] = { value: typed(id, text), source, dataRelease };
    for (const [id, text] of Object.entries(extraSampleAttributes(i, true))) out[id] = { value: typed(id, text), source, dataRelease, sampleId: `${p.barcode}-01` };
    if (i !== 4 && i !== 5) {
      out.progressionFreeSurvivalDays = { value: round((i + 1) * 3.25, 2) * CBIO_DAYS_PER_MONTH, source, dataRelease };
      out.progressionFreeSurvivalEvent = { value: i % 2 === 1, source, dataRelease };
    }
    return [p.barcode, out];
  }));
}
