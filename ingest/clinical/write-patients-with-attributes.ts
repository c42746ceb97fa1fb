// Upserts patient records whose clinicalAttributes come from one source, merged into each stored
// patient's attributes (merge-clinical-attributes.ts) so other sources' attributes survive. Records
// without clinicalAttributes are written as they are.
import type { GraphStore } from "../../graph-model/graph-store.js";
import type * as M from "../../graph-model/model/records.js";
import type { ClinicalAttributes } from "./clinical-attribute.js";
import { mergeClinicalAttributes } from "./merge-clinical-attributes.js";

export async function writePatientsWithAttributes(store: GraphStore, records: readonly M.PatientRecord[], source: string): Promise<void> {
  const stored = new Map((await store.patientsByIds(records.map((r) => r.id))).map((p) => [p.id, p]));
  const merged = records.map((record) => {
    if (!record.clinicalAttributes) return record;
    const existing = stored.get(record.id)?.clinicalAttributes as ClinicalAttributes | null | undefined;
    return { ...record, clinicalAttributes: mergeClinicalAttributes(existing, record.clinicalAttributes as ClinicalAttributes, source) };
  });
  await store.upsertPatients(merged);
}
