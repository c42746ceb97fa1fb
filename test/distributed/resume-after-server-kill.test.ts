// resumeJob for a distributed job, as an operator meets it, on real Redis and Neo4j with `serve` and
// `radiogenomics worker` processes: server A takes a computeFeatures job (keys configured), a worker
// finishes some lesions, then A and the worker are SIGKILLed and the queue's tasks are lost (its keys deleted:
// what a flushed or unsaved Redis leaves) while the job's hash still says RUNNING. Server B, started next,
// lists the job INTERRUPTED with the lesions done so far; resumeJob through B is refused without the
// compute scope and, with it, queues only the lesions not yet settled; a new worker completes the job with
// one HAS_FEATURE edge per lesion and feature and the in-process engine's values and provenance.
import "reflect-metadata";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FeatureFamily } from "../../compute/features/types.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import type * as M from "../../graph-model/model/records.js";
import { demoCohort } from "../../ingest/demo/demo-cohort.js";
import { DemoLesionImages } from "../../ingest/demo/demo-lesion-images.js";
import { beginDemoLoad, completeDemoLoad } from "../../ingest/demo/demo-marker.js";
import { loadCohort } from "../../ingest/demo/load-demo.js";
import { cohortFeatureJob } from "../../ingest/features/feature-job.js";
import { FeatureService } from "../../ingest/features/feature-service.js";
import { settingsKey } from "../../ingest/features/feature-settings-key.js";
import { JOB_TASK_QUEUE, type JobTask } from "../../ingest/jobs/bullmq/job-task.js";
import { bullmqConnection } from "../../ingest/jobs/bullmq/redis-connection.js";
import { JobRunner } from "../../ingest/jobs/job-runner.js";
import { addKeyToFile } from "../../resolvers/api-key-file.js";
import { toFeatureSettings } from "../../resolvers/feature-settings.mapping.js";
import { DiscretisationMethod, type FeatureSettingsInput } from "../../schema/feature-settings.input.js";
import { CLI_ENV, CliProcesses } from "../support/cli-process.js";
import { graphql } from "../support/graphql-client.js";
import { embeddedStore, neo4jStore, neo4jUri } from "../support/stores.js";

// Its own logical database of the test Redis (0–6: the other distributed suites).
const REDIS_URL = process.env.REDIS_URL ? `${process.env.REDIS_URL}/7` : "";
const records = demoCohort();
const COHORT = { ids: records.patients.slice(0, 6).map((p) => p.id) };
const FAMILIES: FeatureFamily[] = ["intensity_statistics", "glcm"];
// Settings no other suite uses, so no lesion of the cohort has them stored yet (the suites share one Neo4j).
const SETTINGS = { discretisation: "FIXED_BIN_NUMBER", binCount: 24 };
const START = `mutation($cohort: PatientFilterInput, $families: [String!], $settings: FeatureSettingsInput) { computeFeatures(cohort: $cohort, families: $families, settings: $settings) { id status progress { total } } }`;
const JOB = `query($id: ID!) { job(id: $id) { id status progress { total done failed skipped } errors { key code message } } }`;
const RESUME = `mutation($id: ID!) { resumeJob(id: $id) { id status progress { total done } } }`;
const QUEUE_ENV = { RG_REDIS_URL: REDIS_URL, RG_QUEUE_LOCK_MS: "2000", RG_QUEUE_STALLED_INTERVAL_MS: "1000", RG_QUEUE_BACKOFF_MS: "200" };

interface JobView { id: string; status: string; progress: { total: number; done: number; failed: number; skipped: number }; errors: unknown[] }

function comparable(features: readonly M.LesionFeature[]): unknown[] {
  return [...features]
    .map((f) => ({ key: f.feature.key, name: f.feature.name, family: f.feature.family, ibsiCode: f.feature.ibsiCode, settingsHash: f.feature.settingsHash, settings: f.feature.settings, unit: f.feature.unit ?? null, value: f.value ?? null, undefinedReason: f.undefinedReason ?? null, imageSource: f.imageSource }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** What a flushed (or unsaved, restarted) Redis leaves of the task queue: nothing. The job's own keys (rg:job:*) stay. */
async function loseQueue(redis: Redis): Promise<void> {
  const keys = await redis.keys(`bull:${JOB_TASK_QUEUE}:*`);
  if (keys.length > 0) await redis.del(...keys);
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, limitMs = 180_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}: last ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("a distributed job whose server died and whose tasks were lost: another instance lists it INTERRUPTED and resumes it (Redis + Neo4j, CLI processes)", () => {
  const serverA = new CliProcesses();
  const serverB = new CliProcesses();
  const firstWorker = new CliProcesses();
  const secondWorker = new CliProcesses();
  let store: GraphStore;
  let redis: Redis;
  let queue: Queue<JobTask>;
  let dataDir: string;
  let keys: { compute: string; ingest: string };
  let keyFile: string;
  let lesionIds: string[];

  beforeAll(async () => {
    if (!REDIS_URL) throw new Error("REDIS_URL is not set: run the suite with `npm test`, which starts a real Redis (scripts/redis.sh)");
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    await redis.flushdb();
    store = await neo4jStore.open();
    await beginDemoLoad(store);
    await loadCohort(store, records);
    await completeDemoLoad(store, records);
    lesionIds = (await store.lesionsOfPatients(COHORT)).map((l) => l.id).sort();
    dataDir = await mkdtemp(path.join(os.tmpdir(), "rg-resume-distributed-"));
    keyFile = path.join(dataDir, "keys.json");
    keys = { compute: addKeyToFile(keyFile, ["compute"], "compute").key, ingest: addKeyToFile(keyFile, ["ingest"], "ingest only").key };
    queue = new Queue<JobTask>(JOB_TASK_QUEUE, { connection: bullmqConnection(REDIS_URL) });
  }, 120_000);

  afterAll(async () => {
    for (const p of [serverA, serverB, firstWorker, secondWorker]) p.stopAll();
    await queue?.close();
    redis?.disconnect();
    if (store) await neo4jStore.dispose(store);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const env = { ...CLI_ENV, ...QUEUE_ENV, LOG_LEVEL: "info" };
  const serve = (processes: CliProcesses, dir: string, onOutput?: (chunk: string) => void) =>
    processes.start(["serve", "--neo4j", neo4jUri(), "--port", "0", "--keys", keyFile, "--data-dir", path.join(dataDir, dir)], /GraphQL API: (http\S+)/, env, onOutput);
  const worker = (processes: CliProcesses) => processes.start(["worker", "--neo4j", neo4jUri(), "--concurrency", "1"], /(worker ready)/, env);

  it("lists it INTERRUPTED on the next instance, refuses resumeJob without the compute scope, queues only the unsettled lesions and completes without a duplicate", async () => {
    const urlA = await serve(serverA, "a");
    const started = await graphql(urlA, START, { cohort: COHORT, families: FAMILIES, settings: SETTINGS }, { "x-api-key": keys.compute });
    expect(started.errors).toBeUndefined();
    const jobId: string = started.data.computeFeatures.id;
    expect(started.data.computeFeatures.progress.total).toBe(lesionIds.length);
    const read = async (url: string): Promise<JobView> => (await graphql(url, JOB, { id: jobId }, { "x-api-key": keys.compute })).data.job;

    // Some lesions done, at least two still waiting: the server and the worker die, and the queue loses its tasks.
    await worker(firstWorker);
    await until(async () => ({ job: await read(urlA), waiting: await queue.getWaitingCount() }), ({ job, waiting }) => job.progress.done >= 1 && waiting >= 2, "a lesion done, two waiting");
    await Promise.all([firstWorker.killAll("SIGKILL"), serverA.killAll("SIGKILL")]);
    await loseQueue(redis);
    expect(await redis.hget(`rg:job:${jobId}`, "status")).toBe("RUNNING");

    const logs: string[] = [];
    const urlB = await serve(serverB, "b", (chunk) => logs.push(chunk));
    expect(logs.join("")).toMatch(/interrupted by a restart.*resumeJob/);
    const listed = (await graphql(urlB, `{ jobs { id status progress { total done } } }`, {}, { "x-api-key": keys.compute })).data.jobs as JobView[];
    const atRestart = listed.find((j) => j.id === jobId)!;
    expect(atRestart.status).toBe("INTERRUPTED");
    expect(atRestart.progress.total).toBe(lesionIds.length);
    expect(atRestart.progress.done).toBeGreaterThanOrEqual(1);
    expect(atRestart.progress.done).toBeLessThanOrEqual(lesionIds.length - 2);

    const anonymous = await graphql(urlB, RESUME, { id: jobId });
    expect(anonymous.errors![0]!.extensions!.code).toBe("UNAUTHENTICATED");
    const ingestOnly = await graphql(urlB, RESUME, { id: jobId }, { "x-api-key": keys.ingest });
    expect(ingestOnly.errors![0]!.extensions!.code).toBe("FORBIDDEN");
    expect((await read(urlB)).status).toBe("INTERRUPTED");

    const resumed = await graphql(urlB, RESUME, { id: jobId }, { "x-api-key": keys.compute });
    expect(resumed.errors).toBeUndefined();
    expect(resumed.data.resumeJob).toEqual({ id: jobId, status: "RUNNING", progress: { total: lesionIds.length, done: atRestart.progress.done } });
    // Only the lesions not settled before the loss are back on the queue (no worker runs yet).
    expect(await queue.getWaitingCount()).toBe(lesionIds.length - atRestart.progress.done);
    const again = await graphql(urlB, RESUME, { id: jobId }, { "x-api-key": keys.compute });
    expect(again.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");

    await worker(secondWorker);
    const finished = await until(() => read(urlB), (job) => job.status !== "QUEUED" && job.status !== "RUNNING", "the resumed job to finish");
    expect(finished).toEqual({ id: jobId, status: "SUCCEEDED", progress: { total: lesionIds.length, done: lesionIds.length, failed: 0, skipped: 0 }, errors: [] });

    // One HAS_FEATURE edge per lesion and feature, no lesion lost, the in-process engine's values and provenance.
    const reference = await embeddedStore.open();
    try {
      await loadCohort(reference, records);
      const features = new FeatureService(reference, [new DemoLesionImages(records)]);
      const settings = toFeatureSettings({ discretisation: DiscretisationMethod.FIXED_BIN_NUMBER, binCount: 24 } as FeatureSettingsInput);
      const report = await new JobRunner({ concurrency: 1 }).run(await cohortFeatureJob(reference, features, { filter: COHORT, settings, families: FAMILIES }));
      expect(report.status).toBe("SUCCEEDED");
      const hash = settingsKey(settings).hash;
      const expected = await reference.featuresOfLesions(lesionIds, hash);
      const stored = await store.featuresOfLesions(lesionIds, hash);
      expect([...stored.keys()].sort()).toEqual(lesionIds);
      for (const lesionId of lesionIds) {
        const values = stored.get(lesionId) ?? [];
        expect(values.length).toBeGreaterThan(20);
        expect(new Set(values.map((f) => f.feature.key)).size).toBe(values.length);
        expect(comparable(values)).toEqual(comparable(expected.get(lesionId) ?? []));
      }
    } finally {
      await embeddedStore.dispose(reference);
    }
  }, 400_000);
});
