// Shared by the DICOMweb tests: the synthetic cohort seeded once into the real Orthanc, and helpers
// to pick records out of a source's items.
import { orthancUrl } from "../../support/dicomweb-stow.js";
import { seedDicomWeb } from "../../support/cohort/seed-archive.js";
import { deleteOrthancPatients } from "../../support/cohort/orthanc-reset.js";
import { syntheticCohort, type SyntheticCohort } from "../../support/cohort/synthetic-cohort.js";
import type { ImagingFailure, ImagingItem, ImagingRecord } from "../../../ingest/dicomweb/index.js";

export const cohort: SyntheticCohort = syntheticCohort();
export const patientIds = cohort.patients.map((patient) => patient.id);

let seeded: Promise<void> | undefined;

/** Replaces the cohort's patients in the Orthanc at ORTHANC_URL by a fresh STOW (once per test file). */
export function seededOrthanc(): Promise<string> {
  const url = orthancUrl();
  seeded ??= deleteOrthancPatients(url, patientIds).then(() => seedDicomWeb(url, cohort));
  return seeded.then(() => url);
}

export function recordsOf<K extends ImagingRecord["kind"]>(items: readonly ImagingItem[], kind: K): Extract<ImagingRecord, { kind: K }>["record"][] {
  return items.filter((item): item is ImagingItem & { ok: true; kind: K } => item.ok && item.kind === kind).map((item) => item.record) as never;
}

export function failuresOf(items: readonly ImagingItem[]): ImagingFailure[] {
  return items.flatMap((item) => (item.ok ? [] : [item.failure]));
}
