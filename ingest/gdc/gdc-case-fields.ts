// The /cases fields the GDC source asks for (reference §1.5). vital_status and days_to_death live on
// demographic; gender is requested too as a fallback for releases before sex_at_birth. The clinical
// attributes kept beyond the Patient fields add theirs (gdc-clinical-attributes.ts).
import { GDC_ATTRIBUTE_FIELDS } from "./gdc-clinical-attributes.js";

export const GDC_CASE_FIELDS = [
  "case_id",
  "submitter_id",
  "project.project_id",
  "demographic.vital_status",
  "demographic.days_to_death",
  "demographic.sex_at_birth",
  "demographic.gender",
  "demographic.age_at_index",
  "diagnoses.age_at_diagnosis",
  "diagnoses.days_to_last_follow_up",
  "diagnoses.days_to_death",
  "diagnoses.ajcc_pathologic_stage",
  "diagnoses.primary_diagnosis",
  "diagnoses.diagnosis_is_primary_disease",
  "follow_ups.days_to_follow_up",
  ...GDC_ATTRIBUTE_FIELDS,
] as const;
