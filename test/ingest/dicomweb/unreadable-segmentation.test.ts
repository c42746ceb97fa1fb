// Issue 12: an unreadable segmentation in a local folder (random bytes, a truncated RTSTRUCT) is a
// typed INVALID_DICOM item on the imaging job, with the file and what was wrong, while the real
// RayStation RTSTRUCT next to it (/work/shared/data/dicom, 2 ROIs) is written — on both stores.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SeededRandom } from "../../../compute/seeded-random.js";
import type { GraphStore } from "../../../graph-model/graph-store.js";
import { JobRunner } from "../../../ingest/jobs/job-runner.js";
import type { JobSnapshot } from "../../../ingest/jobs/job.js";
import { imagingIngestJob, localFolderImagingSource } from "../../../ingest/dicomweb/index.js";
import { BOTH_STORES } from "../../support/stores.js";

const SET = resolve(import.meta.dirname, "../../../../shared/data/dicom/segrt-cheese-raystation");
const RTSTRUCT = "rtstruct/RS1.2.752.243.1.1.20210208111802158.1580.88111.dcm";
const PATIENT = "314159"; // PatientID of the set (expected.json)

describe.each(BOTH_STORES)("unreadable segmentations in a local folder [$name]", (target) => {
  let folder: string;
  let store: GraphStore;
  let snapshot: JobSnapshot;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), "rg-unreadable-"));
    await cp(SET, folder, { recursive: true });
    const random = new SeededRandom(12);
    await writeFile(join(folder, "rtstruct", "random.dcm"), Uint8Array.from({ length: 4096 }, () => random.integer(0, 255)));
    await writeFile(join(folder, "rtstruct", "truncated.dcm"), (await readFile(join(SET, RTSTRUCT))).subarray(0, 300));
    await writeFile(join(folder, "README.txt"), "downloaded with idc-index\n");
    store = await target.open();
    const imaging = await localFolderImagingSource(folder, { source: "local" });
    snapshot = await new JobRunner({ concurrency: 1 }).run(imagingIngestJob(store, imaging, { collectionId: "TEST-RT", patientIds: [PATIENT] }));
  });

  afterAll(async () => {
    await target.dispose(store);
    await rm(folder, { recursive: true, force: true });
  });

  it("reports each unreadable file as a typed INVALID_DICOM item with its path and reason; README.txt is not an item", () => {
    expect(snapshot.status).toBe("PARTIAL");
    expect(snapshot.progress).toMatchObject({ total: 3, done: 1, failed: 2 });
    const errors = [...snapshot.errors].sort((a, b) => a.key.localeCompare(b.key));
    expect(errors.map((e) => [e.key, e.code])).toEqual([
      [`file:${join(folder, "rtstruct", "random.dcm")}`, "INVALID_DICOM"],
      [`file:${join(folder, "rtstruct", "truncated.dcm")}`, "INVALID_DICOM"],
    ]);
    for (const error of errors) expect(error.message).toMatch(/could not be read as DICOM, nothing was written for it: .+/);
  });

  it("still writes the good RTSTRUCT's two ROIs, and nothing for the broken files", async () => {
    const studies = await store.studiesOfPatients([PATIENT]);
    const series = [...(await store.seriesOfStudies(studies.get(PATIENT)!.map((s) => s.uid))).values()].flat();
    const lesions = [...(await store.lesionsOfSeries(series.map((s) => s.uid))).values()].flat();
    expect(lesions).toHaveLength(2);
    expect((await store.counts()).Lesion).toBe(2);
  });
});
