// A model target from patients' clinical / molecular attributes: the Patient's own fields (sex, vital
// status, stage, primary diagnosis) and the attributes ingest kept in clinicalAttributes (GDC /
// cBioPortal, each with its source and release). Unknown attribute → BAD_USER_INPUT listing those
// the cohort has; patients without a value are left out.
import { BadUserInputError } from "../../compute/errors.js";
import type * as M from "../../graph-model/model/records.js";

const PATIENT_FIELDS = ["sex", "vitalStatus", "stage", "primaryDiagnosis"] as const;

export interface ClinicalAttributeValue {
  value: string | number | boolean | null;
  source?: string | null;
  dataRelease?: string | null;
}

export interface ClinicalTarget {
  attribute: string;
  /** Patient id → label, only patients with a value. */
  labels: Map<string, string>;
  /** Sources and releases the labels came from (provenance). */
  sources: string[];
}

/** Every attribute a patient has a value for: its own fields and the ingested clinicalAttributes. */
export function attributesOf(patient: M.Patient): Record<string, ClinicalAttributeValue> {
  const out: Record<string, ClinicalAttributeValue> = {};
  for (const field of PATIENT_FIELDS) {
    const value = patient[field];
    if (value !== null && value !== "") out[field] = { value, source: patient.source, dataRelease: patient.dataRelease };
  }
  const extra = (patient.clinicalAttributes ?? {}) as Record<string, ClinicalAttributeValue>;
  for (const [name, entry] of Object.entries(extra)) if (entry && entry.value !== null && entry.value !== "") out[name] = entry;
  return out;
}

/** Attribute names with a value for at least one of the patients, sorted. */
export function availableAttributes(patients: readonly M.Patient[]): string[] {
  return [...new Set(patients.flatMap((p) => Object.keys(attributesOf(p))))].sort();
}

export function clinicalTarget(patients: readonly M.Patient[], attribute: string): ClinicalTarget {
  const available = availableAttributes(patients);
  if (!available.includes(attribute))
    throw new BadUserInputError(`unknown target attribute '${attribute}' for this cohort; attributes that exist: ${available.join(", ") || "(none)"}`, { attribute, available });
  const labels = new Map<string, string>();
  const sources = new Set<string>();
  for (const patient of patients) {
    const entry = attributesOf(patient)[attribute];
    if (!entry) continue;
    labels.set(patient.id, String(entry.value));
    sources.add(`${entry.source ?? "unknown"}${entry.dataRelease ? ` ${entry.dataRelease}` : ""}`);
  }
  return { attribute, labels, sources: [...sources].sort() };
}
