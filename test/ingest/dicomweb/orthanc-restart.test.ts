// Fault test on a private Orthanc (own port and state directory): the server is stopped in the middle
// of an imaging ingest job, restarted, and the job resumed from its checkpoint file by a new runner.
// The resumed graph must equal the graph of a clean run (same node and relationship counts, same
// lesions and voxel counts), and the items that are bad in themselves — a corrupt instance, a SEG of
// a series the archive lacks, a SEG whose frames lie off the image grid — fail alone, each with a
// clear error, while everything else lands. Store: embedded Ladybug.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphStore } from "../../../graph-model/graph-store.js";
import { DicomWebArchive, ImagingSource, imagingIngestJob, type DicomArchive, type ImagingIngestRequest } from "../../../ingest/dicomweb/index.js";
import { FileCheckpointStore } from "../../../ingest/jobs/file-checkpoint-store.js";
import { JobRunner } from "../../../ingest/jobs/job-runner.js";
import type { JobSnapshot } from "../../../ingest/jobs/job.js";
import { stowInstances } from "../../support/dicomweb-stow.js";
import { miniCtStudy } from "../../support/cohort/mini-study.js";
import { segSegmentation } from "../../support/cohort/segmentation-seg.js";
import { seriesGeometry } from "../../support/cohort/series-geometry.js";
import { seedDicomWeb } from "../../support/cohort/seed-archive.js";
import { privateOrthanc, type PrivateOrthanc } from "../../support/private-orthanc.js";
import { embeddedStore } from "../../support/stores.js";
import { cohort, patientIds } from "./cohort-fixture.js";

// A patient of its own: one SEG that fits its CT, one whose frames sit half a slice off the grid.
const MISFIT_PATIENT = "TCGA-SY-0950";
const mini = miniCtStudy(950, MISFIT_PATIENT);
const fitting = segSegmentation(`${MISFIT_PATIENT}/fit`, 2, mini.ct, [mini.lesion]);
const shifted = { ...mini.ct.spec.geometry, origin: [mini.ct.spec.geometry.origin[0], mini.ct.spec.geometry.origin[1], mini.ct.spec.geometry.origin[2] + 1] as const };
const misfit = segSegmentation(`${MISFIT_PATIENT}/misfit`, 3, { ...mini.ct, spec: { ...mini.ct.spec, geometry: seriesGeometry(shifted) } }, [mini.lesion]);

const request: ImagingIngestRequest = { collectionId: cohort.collectionId, patientIds: [...patientIds, MISFIT_PATIENT] };
const fast = { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 };
const expectedLesions = [...cohort.lesions, ...fitting.lesions].map((l) => [l.id, l.voxelCount]).sort();

let orthanc: PrivateOrthanc;
let work: string;
const stores: GraphStore[] = [];
let interrupted: JobSnapshot;
let resumed: JobSnapshot;
let clean: JobSnapshot;

/** The archive, except that the server is stopped just before the MR series' metadata is asked for. */
function stoppingBefore(archive: DicomWebArchive, seriesUid: string, stop: () => Promise<void>): DicomArchive {
  let stopped = false;
  return new Proxy(archive, {
    get(target, property) {
      if (property === "seriesMetadata")
        return async (series: { studyUid: string; seriesUid: string }) => {
          if (!stopped && series.seriesUid === seriesUid) {
            stopped = true;
            await stop();
          }
          return target.seriesMetadata(series);
        };
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

async function ingest(store: GraphStore, archive: DicomArchive, checkpoints: string): Promise<JobSnapshot> {
  const runner = new JobRunner({ concurrency: 1, checkpoints: new FileCheckpointStore({ directory: checkpoints }) });
  return runner.run(imagingIngestJob(store, new ImagingSource(archive), request));
}

async function lesionsIn(store: GraphStore): Promise<(string | number | null | undefined)[][]> {
  const studies = [...(await store.studiesOfPatients(request.patientIds)).values()].flat();
  const series = [...(await store.seriesOfStudies(studies.map((s) => s.uid))).values()].flat();
  const lesions = [...(await store.lesionsOfSeries(series.map((s) => s.uid))).values()].flat();
  return lesions.map((l) => [l.id, l.voxelCount]).sort();
}

beforeAll(async () => {
  orthanc = await privateOrthanc();
  work = await mkdtemp(join(tmpdir(), "rg-restart-"));
  await orthanc.start(true);
  await seedDicomWeb(orthanc.url, cohort);
  await stowInstances(orthanc.url, [...mini.ct.files, fitting.file, misfit.file]);
  const archive = () => new DicomWebArchive({ url: orthanc.url, source: "Orthanc", retry: fast });
  const mr = cohort.patients[1]!.studies[0]!.imageSeries[0]!;

  const resumedStore = await embeddedStore.open();
  stores.push(resumedStore);
  interrupted = await ingest(resumedStore, stoppingBefore(archive(), mr.seriesUid, () => orthanc.stop()), join(work, "resumed"));
  await orthanc.start();
  resumed = await ingest(resumedStore, archive(), join(work, "resumed"));

  const cleanStore = await embeddedStore.open();
  stores.push(cleanStore);
  clean = await ingest(cleanStore, archive(), join(work, "clean"));
}, 600_000);

afterAll(async () => {
  for (const store of stores) await embeddedStore.dispose(store);
  await orthanc?.dispose();
  if (work) await rm(work, { recursive: true, force: true });
});

describe("Orthanc stopped mid-job, restarted, job resumed (embedded Ladybug)", () => {
  it("the interrupted run lands the first patient and reports the rest UPSTREAM_UNAVAILABLE", () => {
    expect(interrupted.progress).toMatchObject({ total: 4, done: 1, failed: 3 });
    expect(interrupted.errors.map((e) => [e.key, e.code])).toEqual([
      ["TCGA-SY-0002", "UPSTREAM_UNAVAILABLE"],
      ["TCGA-SY-0003", "UPSTREAM_UNAVAILABLE"],
      [MISFIT_PATIENT, "UPSTREAM_UNAVAILABLE"],
    ]);
  });

  it("the resumed run skips the checkpointed patient and completes the one the outage stopped", () => {
    expect(resumed.progress).toMatchObject({ total: 4, skipped: 1, done: 1, failed: 2 });
    expect(resumed.errors.map((e) => e.key)).toEqual(["TCGA-SY-0003", MISFIT_PATIENT]);
  });

  it("leaves the same graph as a clean run: equal node and relationship counts, no duplicates", async () => {
    const [afterResume, afterClean] = await Promise.all(stores.map((store) => store.counts()));
    expect(afterResume).toEqual(afterClean);
    expect(afterResume).toMatchObject({ Patient: 4, Study: 4, Series: 4 });
    expect(clean.errors.map((e) => [e.key, e.code])).toEqual(resumed.errors.map((e) => [e.key, e.code]));
  });

  it("lands every good lesion with its exact voxel count, in both graphs", async () => {
    for (const store of stores) expect(await lesionsIn(store)).toEqual(expectedLesions);
  });
});

describe("items bad in themselves fail alone, with a clear error (embedded Ladybug)", () => {
  it("a corrupt instance: the SEG drawn on it fails, naming the instance", () => {
    const error = resumed.errors.find((e) => e.key === "TCGA-SY-0003")!;
    expect(error.message).toContain(`segmentation ${cohort.corrupt.segmentationSeriesUid}`);
    expect(error.message).toContain(cohort.corrupt.sopInstanceUid);
  });

  it("a SEG referencing a series the archive lacks: NOT_FOUND naming that series", () => {
    const error = resumed.errors.find((e) => e.key === "TCGA-SY-0003")!;
    expect(error.message).toContain(`segmentation ${cohort.orphan.segmentationSeriesUid}`);
    expect(error.message).toContain(cohort.orphan.missingImageSeriesUid);
  });

  it("a SEG whose frames do not fit the image grid: GEOMETRY_MISMATCH for that SEG only; the fitting SEG of the same CT lands", async () => {
    const error = resumed.errors.find((e) => e.key === MISFIT_PATIENT)!;
    expect(error.code).toBe("GEOMETRY_MISMATCH");
    expect(error.message).toContain(`segmentation ${misfit.seriesUid}`);
    expect(error.message).not.toContain(fitting.seriesUid);
    const [lesion] = await stores[0]!.lesionsByIds([fitting.lesions[0]!.id]);
    expect(lesion).toMatchObject({ voxelCount: fitting.lesions[0]!.voxelCount });
  });
});
