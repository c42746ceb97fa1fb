// The demo's images from DICOM files: written once into `<dataDir>/demo-dicom`, read through the
// local-folder imaging source, ingested as imaging records (series get their real geometry, lesions
// their voxel counts and volumes from the SEG/RTSTRUCT masks), and served to the feature service.
import { join } from "node:path";
import type { GraphStore } from "../../graph-model/graph-store.js";
import { ImagingLesionImages, localFolderImagingSource, type ImagingFailure, type ImagingSource } from "../dicomweb/index.js";
import type { CohortRecords } from "./demo-cohort.js";
import { ensureDemoDicomFolder, hasDemoDicomFolder } from "./dicom/demo-dicom-files.js";

/** Provenance of the demo's records, so the ingested files update the same records. */
const DEMO_SOURCE = { source: "demo", dataRelease: "demo-1" } as const;

export function demoDicomFolder(dataDir: string): string {
  return join(dataDir, "demo-dicom");
}

/** The local-folder imaging source over the demo's files, writing them first if they are missing. */
export async function demoImagingSource(dataDir: string, cohort: CohortRecords): Promise<ImagingSource> {
  const root = demoDicomFolder(dataDir);
  await ensureDemoDicomFolder(root, cohort);
  return localFolderImagingSource(root, DEMO_SOURCE);
}

/** The demo files' image source when `<dataDir>/demo-dicom` holds them (the `demo` command wrote them), else none. */
export async function demoLesionImagesIfWritten(dataDir: string): Promise<ImagingLesionImages[]> {
  if (!(await hasDemoDicomFolder(demoDicomFolder(dataDir)))) return [];
  return [demoLesionImagesFromFiles(await localFolderImagingSource(demoDicomFolder(dataDir), DEMO_SOURCE))];
}

/** The feature service's image source for the demo lesions (before the generated-array fallback). */
export function demoLesionImagesFromFiles(imaging: ImagingSource): ImagingLesionImages {
  return new ImagingLesionImages(imaging, [DEMO_SOURCE.source]);
}

/**
 * Ingests the demo files into the store the demo records already hold (collections, patients): the
 * whole cohort is read at once and written in three batches, which beats a job of one item per
 * patient at start-up (one store transaction per kind instead of per patient and kind).
 */
export async function ingestDemoImages(store: GraphStore, imaging: ImagingSource, cohort: CohortRecords): Promise<ImagingFailure[]> {
  const items = await imaging.collect({ patientIds: cohort.patients.map((p) => p.id) });
  const records = items.flatMap((item) => (item.ok ? [item] : []));
  await store.upsertStudies(records.flatMap((r) => (r.kind === "study" ? [r.record] : [])));
  await store.upsertSeries(records.flatMap((r) => (r.kind === "series" ? [r.record] : [])));
  await store.upsertLesions(records.flatMap((r) => (r.kind === "lesion" ? [r.record] : [])));
  return items.flatMap((item) => (item.ok ? [] : [item.failure]));
}
