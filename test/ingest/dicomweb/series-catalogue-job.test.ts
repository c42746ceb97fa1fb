// Archive-scale series ingest over QIDO-RS paging against the real Orthanc (scripts/orthanc.sh),
// seeded with 300 one-slice series (30 patients × 10), on both stores: every series the archive holds
// lands exactly once under its study and patient whatever the page size; a job stopped after a few
// pages resumes at the first unfinished page without asking for the finished ones again; writing the
// pages again adds nothing.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphStore } from "../../../graph-model/graph-store.js";
import { QidoSeriesPages, type QidoSeriesFilter } from "../../../ingest/dicomweb/qido-series-pages.js";
import { seriesCatalogueJob } from "../../../ingest/dicomweb/series-catalogue-job.js";
import { FileCheckpointStore } from "../../../ingest/jobs/file-checkpoint-store.js";
import { JobEvents } from "../../../ingest/jobs/job-events.js";
import { JobRunner } from "../../../ingest/jobs/job-runner.js";
import { TokenBucket } from "../../../ingest/http/token-bucket.js";
import { UpstreamLimiter } from "../../../ingest/http/upstream-limiter.js";
import { manySeriesCohort, seedManySeries } from "../../support/cohort/many-series-archive.js";
import { orthancUrl } from "../../support/dicomweb-stow.js";
import { BOTH_STORES } from "../../support/stores.js";

const truth = manySeriesCohort(1717, "C", 30, 10);
const COLLECTION = "TCGA-PAGING";

/** The pages the job asked Orthanc for, in order. */
class CountingPages extends QidoSeriesPages {
  readonly asked: number[] = [];
  override page(index: number, filter?: QidoSeriesFilter, signal?: AbortSignal) {
    this.asked.push(index);
    return super.page(index, filter, signal);
  }
}

const limiter = new UpstreamLimiter("orthanc", { concurrency: 4, requestsPerSecond: 1000, burst: 1000 }, new TokenBucket({ requestsPerSecond: 1000, burst: 1000 }));
const pagesOf = (pageSize: number): CountingPages => new CountingPages({ url: orthancUrl(), pageSize, limiter, upstream: "Orthanc" });

/** Every series UID Orthanc holds, in one unpaged answer (the truth the pages must add up to). */
async function allOrthancSeries(): Promise<string[]> {
  const response = await fetch(`${orthancUrl()}/series`);
  const json = (await response.json()) as Record<string, { Value?: string[] }>[];
  return json.map((s) => s["0020000E"]!.Value![0]!);
}

async function seriesInStore(store: GraphStore, studyUids: readonly string[]): Promise<string[]> {
  return [...(await store.seriesOfStudies(studyUids)).values()].flat().map((s) => s.uid);
}

let archiveSeries: string[];
beforeAll(async () => {
  await seedManySeries(orthancUrl(), truth);
  archiveSeries = await allOrthancSeries();
}, 120_000);

describe.each(BOTH_STORES)("series catalogue over QIDO-RS pages (Orthanc) — $name", (storeUnderTest) => {
  let store: GraphStore;
  let dir: string;

  beforeAll(async () => {
    store = await storeUnderTest.open();
    dir = await mkdtemp(path.join(os.tmpdir(), "rg-catalogue-"));
  });
  afterAll(async () => {
    await storeUnderTest.dispose(store);
    await rm(dir, { recursive: true, force: true });
  });

  it("Orthanc honours limit/offset on /series: pages of 37 are disjoint and add up to the unpaged answer", async () => {
    const pages = pagesOf(37);
    const seen: string[] = [];
    for (let index = 0; ; index++) {
      const page = await pages.page(index);
      seen.push(...page.map((s) => (s["0020000E"]!.Value as string[])[0]!));
      if (page.length < 37) break;
    }
    expect(seen).toHaveLength(archiveSeries.length);
    expect(new Set(seen)).toEqual(new Set(archiveSeries));
    for (const uid of truth.series.keys()) expect(seen).toContain(uid);
  });

  it("a job stopped after three pages resumes at the next page, and ends with every series once under its study and patient", async () => {
    const checkpoints = new FileCheckpointStore({ directory: dir });
    const first = pagesOf(37);
    const stop = new AbortController();
    const events = new JobEvents();
    let done = 0;
    events.on("progress", (e) => {
      if (e.outcome === "done" && ++done === 3) stop.abort(new Error("stopped"));
    });
    const stopped = await new JobRunner({ concurrency: 1, checkpoints }).run(
      seriesCatalogueJob(store, first, { collectionId: COLLECTION, source: "Orthanc" }, { checkpoints }), { signal: stop.signal, events });
    expect(stopped.status).toBe("CANCELLED");
    const finished = await checkpoints.load(stopped.id);
    expect(finished.size).toBeGreaterThanOrEqual(3);

    // a new runner and a new job object, as after a restart: only the unfinished pages are asked for
    const second = pagesOf(37);
    const resumed = await new JobRunner({ concurrency: 2, checkpoints }).run(seriesCatalogueJob(store, second, { collectionId: COLLECTION, source: "Orthanc" }, { checkpoints }));
    expect(resumed.status).toBe("SUCCEEDED");
    const pageCount = Math.floor(archiveSeries.length / 37) + 1;
    expect(resumed.progress.skipped).toBe(finished.size);
    expect(resumed.progress.done).toBe(pageCount - finished.size);
    expect(second.asked.sort((a, b) => a - b)).toEqual(Array.from({ length: pageCount - finished.size }, (_, i) => finished.size + i));

    const studies = [...new Set([...truth.series.values()].map((s) => s.studyUid))];
    const stored = await seriesInStore(store, studies);
    expect(stored).toHaveLength(truth.series.size);
    expect(new Set(stored)).toEqual(new Set(truth.series.keys()));
    const byStudy = await store.seriesOfStudies(studies);
    for (const [uid, expected] of truth.series) {
      const series = byStudy.get(expected.studyUid)!.find((s) => s.uid === uid)!;
      expect(series).toMatchObject({ modality: expected.modality, source: "Orthanc" });
      expect(series.retrieveUrl).toContain(`/studies/${expected.studyUid}/series/${uid}`);
    }
    const studiesByPatient = await store.studiesOfPatients(truth.patientIds);
    expect(truth.patientIds.map((p) => studiesByPatient.get(p)?.length)).toEqual(truth.patientIds.map(() => 1));
    const patients = await store.patientsByIds(truth.patientIds);
    expect(patients.map((p) => p.id).sort()).toEqual([...truth.patientIds].sort());
  }, 120_000);

  it("the same archive in pages of 100, written again from scratch, adds no series", async () => {
    const pages = pagesOf(100);
    const report = await new JobRunner({ concurrency: 3 }).run(seriesCatalogueJob(store, pages, { collectionId: COLLECTION, source: "Orthanc" }));
    expect(report.status).toBe("SUCCEEDED");
    const studies = [...new Set([...truth.series.values()].map((s) => s.studyUid))];
    expect(await seriesInStore(store, studies)).toHaveLength(truth.series.size);
    expect((await store.patientsByIds(truth.patientIds)).length).toBe(truth.patientIds.length);
  }, 120_000);
});
