// The imaging ingest job end to end: Orthanc (seeded cohort) → DICOMweb source → embedded graph store,
// one item per patient, failures reported per patient, a re-run resuming and changing nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphStore } from "../../../graph-model/graph-store.js";
import { JobRunner } from "../../../ingest/jobs/job-runner.js";
import type { JobSnapshot } from "../../../ingest/jobs/job.js";
import { DicomWebArchive, ImagingSource, imagingIngestJob } from "../../../ingest/dicomweb/index.js";
import { embeddedStore } from "../../support/stores.js";
import { cohort, patientIds, seededOrthanc } from "./cohort-fixture.js";

let store: GraphStore;
let runner: JobRunner;
let job: ReturnType<typeof imagingIngestJob>;
let first: JobSnapshot;

beforeAll(async () => {
  const url = await seededOrthanc();
  store = await embeddedStore.open();
  await store.upsertCollections([{ id: cohort.collectionId, name: "Synthetic TCGA", source: "GDC", dataRelease: "Data Release 99" }]);
  const imaging = new ImagingSource(new DicomWebArchive({ url, source: "Orthanc", dataRelease: "synthetic-1" }));
  job = imagingIngestJob(store, imaging, { collectionId: cohort.collectionId, patientIds });
  runner = new JobRunner({ concurrency: 2 });
  first = await runner.run(job);
});

afterAll(async () => {
  await embeddedStore.dispose(store);
});

describe("imaging ingest job", () => {
  it("ends PARTIAL with one error, for the patient whose segmentations failed", () => {
    expect(first.status).toBe("PARTIAL");
    expect(first.progress).toMatchObject({ total: 3, done: 2, failed: 1 });
    expect(first.errors.map((e) => e.key)).toEqual(["TCGA-SY-0003"]);
    expect(first.errors[0]!.message).toContain(cohort.orphan.missingImageSeriesUid);
    expect(first.errors[0]!.message).toContain(cohort.corrupt.sopInstanceUid);
  });

  it("writes studies, series and lesions under the patients, keeping the collection's own provenance", async () => {
    const [collection] = await store.collectionsByIds([cohort.collectionId]);
    expect(collection).toMatchObject({ source: "GDC", dataRelease: "Data Release 99" });
    const studies = await store.studiesOfPatients(patientIds);
    expect(patientIds.map((id) => studies.get(id)?.length ?? 0)).toEqual([1, 1, 1]);
    const series = await store.seriesOfStudies(cohort.patients.map((p) => p.studies[0]!.uid));
    const allSeries = [...series.values()].flat();
    expect(allSeries.map((s) => s.modality).sort()).toEqual(["CT", "CT", "MR"]);
    expect(allSeries.find((s) => s.modality === "MR")).toMatchObject({ magneticFieldStrength: 1.5, source: "Orthanc" });
    const lesions = [...(await store.lesionsOfSeries(allSeries.map((s) => s.uid))).values()].flat();
    expect(lesions.map((l) => [l.id, l.voxelCount]).sort()).toEqual(cohort.lesions.map((l) => [l.id, l.voxelCount]).sort());
  });

  it("resumes: a re-run retries only the failed patient and changes nothing", async () => {
    const before = (await store.lesionsByIds(cohort.lesions.map((l) => l.id))).length;
    const second = await runner.run(job);
    expect(second.progress).toMatchObject({ skipped: 2, failed: 1, done: 0 });
    expect((await store.lesionsByIds(cohort.lesions.map((l) => l.id))).length).toBe(before);
  });
});
