// Shared by the DICOMweb tests: the synthetic cohort seeded once into the real Orthanc, and helpers
// to pick records out of a source's items.
import { orthancUrl } from "../../support/dicomweb-stow.js";
import { seedDicomWeb } from "../../support/cohort/seed-archive.js";
import { syntheticCohort, type SyntheticCohort } from "../../support/cohort/synthetic-cohort.js";
import type { ImagingFailure, ImagingItem, ImagingRecord } from "../../../ingest/dicomweb/index.js";

export const cohort: SyntheticCohort = syntheticCohort();
export const patientIds = cohort.patients.map((patient) => patient.id);

let seeded: Promise<void> | undefined;

/** STOWs the cohort into the Orthanc at ORTHANC_URL (once per test file; re-STOW is harmless). */
export function seededOrthanc(): Promise<string> {
  const url = orthancUrl();
  seeded ??= seedDicomWeb(url, cohort);
  return seeded.then(() => url);
}

export function recordsOf<K extends ImagingRecord["kind"]>(items: readonly ImagingItem[], kind: K): Extract<ImagingRecord, { kind: K }>["record"][] {
  return items.filter((item): item is ImagingItem & { ok: true; kind: K } => item.ok && item.kind === kind).map((item) => item.record) as never;
}

export function failuresOf(items: readonly ImagingItem[]): ImagingFailure[] {
  return items.flatMap((item) => (item.ok ? [] : [item.failure]));
}
