// A GDC case may hold several diagnoses (reference §1.5). The primary one is the diagnosis flagged
// `diagnosis_is_primary_disease` (newer dictionaries; unconfirmed), else the earliest by
// age_at_diagnosis, else the first listed.
import { booleanAt, numberAt, type Json } from "../genomics/json-readers.js";

export function primaryDiagnosisOf(diagnoses: readonly Json[]): Json | null {
  const flagged = diagnoses.find((d) => booleanAt(d, "diagnosis_is_primary_disease") === true);
  if (flagged) return flagged;
  const dated = diagnoses.filter((d) => numberAt(d, "age_at_diagnosis") !== null);
  if (dated.length > 0) return dated.reduce((a, b) => (numberAt(b, "age_at_diagnosis")! < numberAt(a, "age_at_diagnosis")! ? b : a));
  return diagnoses[0] ?? null;
}
