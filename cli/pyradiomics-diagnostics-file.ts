// `compute features --pyradiomics-params … --diagnostics <file>`: pyradiomics' diagnostics_* of every lesion
// of the cohort as JSON Lines ({"lesionId": …, "diagnostics_Image-original_Size": [..], …} per line), as
// pyradiomics writes them beside its features (compute/features/pyradiomics-diagnostics.ts).
import { writeFile } from "node:fs/promises";
import type { FeatureSettings } from "../compute/features/settings.js";
import type { GraphStore } from "../graph-model/graph-store.js";
import type { PatientFilter } from "../graph-model/patient-filter.js";
import type { FeatureService } from "../ingest/features/feature-service.js";

export async function writePyradiomicsDiagnostics(file: string, store: GraphStore, features: FeatureService, filter: PatientFilter, settings: FeatureSettings): Promise<number> {
  const lesions = await store.lesionsOfPatients(filter);
  const lines: string[] = [];
  for (const lesion of lesions) lines.push(JSON.stringify({ lesionId: lesion.id, ...(await features.diagnosticsOf(lesion.id, settings)) }));
  await writeFile(file, lines.map((l) => `${l}\n`).join(""));
  return lines.length;
}
