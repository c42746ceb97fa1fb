// ingestImaging on the distributed engine, on real Redis + Neo4j + Orthanc: the job becomes one BullMQ
// task per patient, run by two `radiogenomics worker` processes reading the archive (RG_DICOMWEB_URL);
// one worker is SIGKILLed mid-job and the other finishes (stalled-task check). Every series lands once
// under its study and patient; the job reports each patient once. Neo4j only, by nature: workers are
// other processes sharing one store (the embedded store opens in one process only); the in-process
// ingest of the same archive runs on both stores in test/ingest/dicomweb.
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DISTRIBUTED_JOB_KINDS } from "../../cli/distributed-jobs.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import { DicomWebArchive, ImagingSource, imagingIngestJob } from "../../ingest/dicomweb/index.js";
import { DistributedJobRegistry } from "../../ingest/jobs/bullmq/distributed-job-registry.js";
import { IMAGING_INGEST_TASK_KIND } from "../../ingest/jobs/bullmq/imaging-ingest-tasks.js";
import { JOB_TASK_QUEUE, type JobTask } from "../../ingest/jobs/bullmq/job-task.js";
import { bullmqConnection } from "../../ingest/jobs/bullmq/redis-connection.js";
import { RedisJobState } from "../../ingest/jobs/bullmq/redis-job-state.js";
import { JobRunner } from "../../ingest/jobs/job-runner.js";
import { CLI_ENV, CliProcesses } from "../support/cli-process.js";
import { manySeriesCohort, seedManySeries } from "../support/cohort/many-series-archive.js";
import { orthancUrl } from "../support/dicomweb-stow.js";
import { neo4jStore, neo4jUri } from "../support/stores.js";

// Database 4 of the test Redis (the other distributed suites use 0 and 1, the limiter test 3).
const REDIS_URL = process.env.REDIS_URL ? `${process.env.REDIS_URL}/4` : "";
const POLICY = { attempts: 3, backoffMs: 200, lockDurationMs: 2000, stalledIntervalMs: 1000, maxStalledCount: 3 };
const QUEUE_ENV = { RG_REDIS_URL: REDIS_URL, RG_QUEUE_LOCK_MS: "2000", RG_QUEUE_STALLED_INTERVAL_MS: "1000", RG_QUEUE_BACKOFF_MS: "200" };
const COLLECTION = "TCGA-DIST";
const truth = manySeriesCohort(4242, "D", 16, 3, 2);

describe("ingestImaging on BullMQ: one task per patient, two worker processes, one killed (Redis + Neo4j + Orthanc)", () => {
  const workerA = new CliProcesses();
  const workerB = new CliProcesses();
  let store: GraphStore;
  let redis: Redis;
  let queue: Queue<JobTask>;
  let registry: DistributedJobRegistry;

  beforeAll(async () => {
    if (!REDIS_URL) throw new Error("REDIS_URL is not set: run the suite with `npm test`, which starts a real Redis (scripts/redis.sh)");
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    await redis.flushdb();
    await seedManySeries(orthancUrl(), truth);
    store = await neo4jStore.open();
    const env = { ...CLI_ENV, ...QUEUE_ENV, RG_DICOMWEB_URL: orthancUrl() };
    await Promise.all([workerA, workerB].map((w) => w.start(["worker", "--neo4j", neo4jUri(), "--concurrency", "1"], /(worker ready)/, env)));
    queue = new Queue<JobTask>(JOB_TASK_QUEUE, { connection: bullmqConnection(REDIS_URL) });
    registry = new DistributedJobRegistry({ runner: new JobRunner(), queue, state: new RedisJobState(redis), policy: POLICY, kinds: DISTRIBUTED_JOB_KINDS, pollMs: 100 });
  }, 180_000);

  afterAll(async () => {
    workerA.stopAll();
    workerB.stopAll();
    await queue?.close();
    redis?.disconnect();
    if (store) await neo4jStore.dispose(store);
  });

  it("is a distributed kind", () => {
    expect(DISTRIBUTED_JOB_KINDS.has(IMAGING_INGEST_TASK_KIND)).toBe(true);
  });

  it("completes after a worker is SIGKILLed mid-job: each patient once, every series once under its study", async () => {
    const args = { collection: COLLECTION, patientIds: truth.patientIds };
    const job = imagingIngestJob(store, new ImagingSource(new DicomWebArchive({ url: orthancUrl() })), { collectionId: COLLECTION, patientIds: truth.patientIds });
    const handle = registry.submit(job, { kind: IMAGING_INGEST_TASK_KIND, args, scope: "ingest" });
    await handle.journaled;
    expect(await queue.count()).toBeGreaterThan(0);
    // Mid-job: one patient done, then worker A dies without a word.
    for (;;) {
      const snapshot = await registry.lookup(job.id);
      if ((snapshot?.progress.done ?? 0) >= 1) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await workerA.killAll("SIGKILL");
    const report = await handle.result;
    expect(report).toMatchObject({ status: "SUCCEEDED", progress: { total: truth.patientIds.length, done: truth.patientIds.length, failed: 0 }, errors: [] });

    const studyUids = [...new Set([...truth.series.values()].map((s) => s.studyUid))];
    const series = [...(await store.seriesOfStudies(studyUids)).values()].flat();
    expect(series).toHaveLength(truth.series.size);
    expect(new Set(series.map((s) => s.uid))).toEqual(new Set(truth.series.keys()));
    for (const s of series) expect(s).toMatchObject({ modality: truth.series.get(s.uid)!.modality, sliceCount: 2, rows: 4, columns: 4 });
    const studies = await store.studiesOfPatients(truth.patientIds);
    expect(truth.patientIds.map((p) => studies.get(p)?.length)).toEqual(truth.patientIds.map(() => 1));
  }, 240_000);
});
