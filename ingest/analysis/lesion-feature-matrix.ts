// What both association analyses test: one lesion per patient, and its features as a features ×
// patients matrix (missing values explicit as NaN).
import { matrix, type Matrix } from "../../compute/stats/index.js";
import type * as M from "../../graph-model/model/records.js";

/** The patient's first segmented lesion by lesion id (ASSOCIATION_METHOD.lesionPerPatient), in patient order. */
export function firstLesionPerPatient<T extends { id: string; patientId: string }>(lesions: T[]): T[] {
  const chosen = new Map<string, T>();
  for (const lesion of [...lesions].sort((a, b) => a.id.localeCompare(b.id))) if (!chosen.has(lesion.patientId)) chosen.set(lesion.patientId, lesion);
  return [...chosen.values()].sort((a, b) => a.patientId.localeCompare(b.patientId));
}

/** Features × patients; a value undefined for a lesion is missing (NaN) in the matrix, never a number. */
export function featureMatrix(lists: M.LesionFeature[][]): { keys: string[]; values: Matrix } {
  const keys = [...new Set(lists.flat().map((f) => f.feature.key))].sort();
  const row = new Map(keys.map((k, i) => [k, i]));
  const data = new Float64Array(keys.length * lists.length).fill(Number.NaN);
  lists.forEach((list, patient) => {
    for (const f of list) if (f.value !== null) data[row.get(f.feature.key)! * lists.length + patient] = f.value;
  });
  return { keys, values: matrix(keys.length, lists.length, data) };
}
