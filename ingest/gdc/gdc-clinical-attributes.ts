// The clinical attributes of a GDC /cases hit that are not already Patient fields (reference §1.5):
// from the primary diagnosis (AJCC stage parts, grade, morphology, recurrence), the demographic (race,
// ethnicity) and molecular tests on follow-ups (gene → result, e.g. IDH1 / MGMT; the
// follow_ups.molecular_tests path is from the GDC dictionary, unconfirmed in the reference). Values may
// come as strings or numbers: numeric fields are parsed, text is kept as text; "Not Reported" and kin are
// left out. Names are the GDC field names; the Patient's own fields (stage, primary diagnosis, age) stay there.
import type { ClinicalAttributes, ClinicalValue } from "../clinical/clinical-attribute.js";
import { listAt, numberAt, objectAt, type Json } from "../genomics/json-readers.js";
import { gdcReported } from "./gdc-reported.js";

/** Text fields of the primary diagnosis kept as attributes. */
const DIAGNOSIS_TEXT = [
  "ajcc_pathologic_t", "ajcc_pathologic_n", "ajcc_pathologic_m", "ajcc_clinical_stage", "tumor_grade", "morphology",
  "classification_of_tumor", "tissue_or_organ_of_origin", "site_of_resection_or_biopsy", "progression_or_recurrence", "last_known_disease_status",
] as const;
/** Day counts of the primary diagnosis. */
const DIAGNOSIS_DAYS = ["days_to_recurrence"] as const;
const DEMOGRAPHIC_TEXT = ["race", "ethnicity"] as const;

/** The /cases fields these attributes need (added to GDC_CASE_FIELDS). */
export const GDC_ATTRIBUTE_FIELDS = [
  ...DIAGNOSIS_TEXT.map((f) => `diagnoses.${f}`),
  ...DIAGNOSIS_DAYS.map((f) => `diagnoses.${f}`),
  ...DEMOGRAPHIC_TEXT.map((f) => `demographic.${f}`),
  "follow_ups.molecular_tests.gene_symbol",
  "follow_ups.molecular_tests.test_result",
  "follow_ups.molecular_tests.molecular_analysis_method",
];

export interface GdcAttributeContext {
  source: string;
  dataRelease: string | null;
}

export function gdcClinicalAttributes(hit: Json, diagnosis: Json | null, context: GdcAttributeContext): ClinicalAttributes {
  const out: ClinicalAttributes = {};
  const put = (name: string, value: ClinicalValue | null) => {
    if (value !== null) out[name] = { value, source: context.source, dataRelease: context.dataRelease };
  };
  for (const field of DIAGNOSIS_TEXT) put(field, textAt(diagnosis, field));
  for (const field of DIAGNOSIS_DAYS) put(field, numberAt(diagnosis, field));
  const demographic = objectAt(hit, "demographic");
  for (const field of DEMOGRAPHIC_TEXT) put(field, textAt(demographic, field));
  for (const [gene, result] of molecularTestResults(hit)) put(`molecular_test.${gene}`, result);
  return out;
}

/** Gene → result of the follow-ups' molecular tests; the first reported result per gene (in listed order). */
function molecularTestResults(hit: Json): Map<string, string> {
  const results = new Map<string, string>();
  for (const followUp of listAt(hit, "follow_ups"))
    for (const test of listAt(followUp, "molecular_tests")) {
      const gene = textAt(test, "gene_symbol");
      const result = textAt(test, "test_result");
      if (gene !== null && result !== null && !results.has(gene)) results.set(gene, result);
    }
  return results;
}

/** A text field that may arrive as a number (e.g. a grade); unknown markers read as null. */
function textAt(value: Json | null, key: string): string | null {
  const child = value?.[key];
  if (typeof child === "number" && Number.isFinite(child)) return String(child);
  return typeof child === "string" && child.trim() !== "" ? gdcReported(child.trim()) : null;
}
