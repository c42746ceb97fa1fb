// Issue 17's "done when", as an operator runs it, on real Redis and Neo4j: two radiogenomics subgraph
// instances (A behind the gateway, B beside it) plus the imaging and genomics subgraphs, the gateway,
// and three `radiogenomics worker` processes. A computeFeatures job over a synthetic cohort, started
// through the gateway, completes with the in-process engine's values and provenance although one worker
// is SIGKILLed mid-job (no duplicate edge, no lost lesion); `job(id)` reads the same through A, B and the
// gateway; a jobUpdated subscriber on B (subgraph-direct: the gateway carries no subscriptions) sees the
// workers' progress to the end; a second job cancelled through the gateway stops and says so. Neo4j only,
// by nature: servers and workers are separate processes sharing one store.
import "reflect-metadata";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createClient } from "graphql-ws";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FeatureSettings } from "../../compute/features/settings.js";
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
import { DEFAULT_FEATURE_SETTINGS, toFeatureSettings } from "../../resolvers/feature-settings.mapping.js";
import { DiscretisationMethod, type FeatureSettingsInput } from "../../schema/feature-settings.input.js";
import { CLI_ENV, CliProcesses } from "../support/cli-process.js";
import { graphql } from "../support/graphql-client.js";
import { embeddedStore, neo4jStore, neo4jUri } from "../support/stores.js";

// Its own logical database of the test Redis (0: bullmq-feature-job, 1: task-retry, 2: cancel-job).
const REDIS_URL = process.env.REDIS_URL ? `${process.env.REDIS_URL}/3` : "";
// The demo cohort (what the workers' demo image source generates), marked loaded so no server reloads it;
// the jobs cover a few patients and two families, to keep the suite's minutes modest.
const records = demoCohort();
const COHORT = { ids: records.patients.slice(0, 6).map((p) => p.id) };
const FAMILIES: FeatureFamily[] = ["intensity_statistics", "glcm"];
const START = `mutation($cohort: PatientFilterInput, $families: [String!], $settings: FeatureSettingsInput) { computeFeatures(cohort: $cohort, families: $families, settings: $settings) { id status } }`;
const CANCEL = `mutation($id: ID!) { cancelJob(id: $id) { id status progress { total done failed skipped cancelled } } }`;
const JOB = `query($id: ID!) { job(id: $id) { id status progress { total done failed skipped cancelled } errors { key code message } } }`;
const SUBSCRIBE = `subscription($id: ID!) { jobUpdated(id: $id) { id status progress { total done failed } } }`;
// Short locks so a killed worker's task is taken back within seconds (production default: 30 s).
const QUEUE_ENV = { RG_REDIS_URL: REDIS_URL, RG_QUEUE_LOCK_MS: "2000", RG_QUEUE_STALLED_INTERVAL_MS: "1000", RG_QUEUE_BACKOFF_MS: "200" };

interface JobView { id: string; status: string; progress: { total: number; done: number; failed: number; skipped: number; cancelled: number | null }; errors: unknown[] }
const active = (job: JobView) => job.status === "QUEUED" || job.status === "RUNNING";

/** What must agree between engines: the value and its provenance (not the time it was computed). */
function comparable(features: readonly M.LesionFeature[]): unknown[] {
  return [...features]
    .map((f) => ({ key: f.feature.key, name: f.feature.name, family: f.feature.family, ibsiCode: f.feature.ibsiCode, settingsHash: f.feature.settingsHash, settings: f.feature.settings, unit: f.feature.unit ?? null, value: f.value ?? null, undefinedReason: f.undefinedReason ?? null, imageSource: f.imageSource }))
    .sort((a, b) => a.key.localeCompare(b.key));
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

async function inProcessReference(lesionIds: string[], settings: FeatureSettings): Promise<Map<string, M.LesionFeature[]>> {
  const reference = await embeddedStore.open();
  try {
    await loadCohort(reference, records);
    const features = new FeatureService(reference, [new DemoLesionImages(records)]);
    const report = await new JobRunner({ concurrency: 1 }).run(await cohortFeatureJob(reference, features, { filter: COHORT, settings, families: FAMILIES }));
    expect(report.status).toBe("SUCCEEDED");
    return await reference.featuresOfLesions(lesionIds, settingsKey(settings).hash);
  } finally {
    await embeddedStore.dispose(reference);
  }
}

describe("two subgraph instances + gateway + three workers on Redis and Neo4j: one feature job, a killed worker, a cancel", () => {
  // One CliProcesses per worker, so the one holding a task can be killed; each announces its BullMQ name.
  const workers = [new CliProcesses(), new CliProcesses(), new CliProcesses()];
  let workerNames: string[] = [];
  const servers = new CliProcesses();
  let queue: Queue<JobTask>;
  let store: GraphStore;
  let redis: Redis;
  let dataDir: string;
  let instanceA: string;
  let instanceB: string;
  let gateway: string;
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
    dataDir = await mkdtemp(path.join(os.tmpdir(), "rg-federated-jobs-"));
    const env = { ...CLI_ENV, ...QUEUE_ENV };
    const worker = ["worker", "--neo4j", neo4jUri(), "--concurrency", "1"];
    const serve = (name: string, dir: string) => servers.start(["serve", "--subgraph", name, "--neo4j", neo4jUri(), "--port", "0", "--data-dir", path.join(dataDir, dir)], new RegExp(`GraphQL ${name} subgraph: (\\S+)`), env);
    const [imaging, genomics, a, b, ...names] = await Promise.all([
      serve("imaging", "imaging"), serve("genomics", "genomics"), serve("radiogenomics", "a"), serve("radiogenomics", "b"),
      ...workers.map((w) => w.start(worker, /worker ready \((\S+)\)/, env)),
    ]);
    [instanceA, instanceB, workerNames] = [a!, b!, names];
    queue = new Queue<JobTask>(JOB_TASK_QUEUE, { connection: bullmqConnection(REDIS_URL) });
    gateway = await servers.start(["gateway", "--port", "0", "--subgraph", `imaging=${imaging},genomics=${genomics},radiogenomics=${instanceA}`], /GraphQL gateway: (\S+)/, CLI_ENV);
  }, 300_000); // eight Node processes start on a shared 2-CPU machine

  afterAll(async () => {
    for (const w of workers) w.stopAll();
    await queue?.close();
    servers.stopAll();
    redis?.disconnect();
    if (store) await neo4jStore.dispose(store);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("completes a job started through the gateway despite a SIGKILLed worker, as the in-process engine would; every instance reports it alike", async () => {
    const started = await graphql(gateway, START, { cohort: COHORT, families: FAMILIES });
    expect(started.errors).toBeUndefined();
    const jobId: string = started.data.computeFeatures.id;
    const read = async (url: string): Promise<JobView> => (await graphql(url, JOB, { id: jobId })).data.job;

    // B follows the job A (behind the gateway) started and the workers run: Redis pub/sub.
    const client = createClient({ url: instanceB.replace(/^http/, "ws"), webSocketImpl: WebSocket, retryAttempts: 0 });
    const updates: JobView[] = [];
    const following = (async () => { for await (const message of client.iterate({ query: SUBSCRIBE, variables: { id: jobId } })) updates.push(message.data!.jobUpdated as JobView); })();

    // Mid-job (a lesion done, one still waiting), the worker holding a task dies without a word.
    const holder = async () => {
      const [job, held, waiting] = await Promise.all([read(gateway), queue.getActive(), queue.getWaitingCount()]);
      return { job, waiting, holder: held.map((t) => workerNames.indexOf(t.processedBy ?? "")).find((i) => i >= 0) };
    };
    const atKill = await until(holder, ({ job, waiting, holder: i }) => job.progress.done >= 1 && waiting >= 1 && i !== undefined, "a worker holding a task mid-job");
    await workers[atKill.holder!]!.killAll("SIGKILL");
    expect(atKill.job.progress.done).toBeLessThan(lesionIds.length);

    const finished = await until(() => read(instanceB), (job) => !active(job), "the job to finish");
    expect(finished).toMatchObject({ status: "SUCCEEDED", progress: { total: lesionIds.length, done: lesionIds.length, failed: 0, skipped: 0, cancelled: null }, errors: [] });
    expect(await read(instanceA)).toEqual(finished);
    expect(await read(gateway)).toEqual(finished);
    // The killed worker's task came back through BullMQ's stalled check (its event stream says so).
    const events = await redis.xrange("bull:radiogenomics-job-tasks:events", "-", "+");
    expect(events.filter(([, fields]) => fields[1] === "stalled").length).toBeGreaterThanOrEqual(1);

    await following;
    await client.dispose();
    expect(updates.at(-1)).toEqual({ id: jobId, status: "SUCCEEDED", progress: { total: lesionIds.length, done: lesionIds.length, failed: 0 } });
    const done = updates.map((u) => u.progress.done);
    expect(done).toEqual([...done].sort((x, y) => x - y));
    expect(new Set(done).size).toBeGreaterThanOrEqual(2); // it saw progress happen, not only the end

    // The in-process engine over the same cohort, on its own store: the same values and provenance,
    // one HAS_FEATURE edge per lesion and feature (a retried task re-wrote, never duplicated), no lesion lost.
    const expected = await inProcessReference(lesionIds, DEFAULT_FEATURE_SETTINGS);
    const stored = await store.featuresOfLesions(lesionIds, settingsKey(DEFAULT_FEATURE_SETTINGS).hash);
    expect(lesionIds.length).toBeGreaterThanOrEqual(4);
    expect([...stored.keys()].sort()).toEqual(lesionIds);
    for (const lesionId of lesionIds) {
      const values = stored.get(lesionId) ?? [];
      expect(values.length).toBeGreaterThan(20);
      expect(new Set(values.map((f) => f.feature.key)).size).toBe(values.length);
      expect(comparable(values)).toEqual(comparable(expected.get(lesionId) ?? []));
    }
  }, 400_000);

  it("cancels a job through the gateway: it stops, every instance says CANCELLED with its counts, and no lesion past the cancel gets values", async () => {
    const settings = { discretisation: DiscretisationMethod.FIXED_BIN_NUMBER, binCount: 16 } as FeatureSettingsInput;
    const started = await graphql(gateway, START, { cohort: COHORT, families: FAMILIES, settings: { discretisation: "FIXED_BIN_NUMBER", binCount: 16 } });
    expect(started.errors).toBeUndefined();
    const jobId: string = started.data.computeFeatures.id;
    const cancelled = await graphql(gateway, CANCEL, { id: jobId });
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data.cancelJob.status).toBe("CANCELLED");

    // Tasks held by a worker at the cancel are aborted (or finish and count done); none is left running.
    const state = async () => redis.scard(`rg:job:${jobId}:running`);
    await until(state, (running) => running === 0, "the running tasks to stop");
    const report = (await graphql(instanceB, JOB, { id: jobId })).data.job as JobView;
    expect(report.status).toBe("CANCELLED");
    expect(report.progress.done).toBeLessThan(lesionIds.length);
    expect(report.progress.failed).toBe(0);
    expect(report.progress.cancelled).toBe(lesionIds.length - report.progress.done);
    expect((await graphql(instanceA, JOB, { id: jobId })).data.job).toEqual(report);
    // No task of it is left on the queue, and the store holds values for exactly the lesions counted done.
    const waiting = await redis.zcard("bull:radiogenomics-job-tasks:delayed") + await redis.llen("bull:radiogenomics-job-tasks:wait");
    expect(waiting).toBe(0);
    const { hash } = settingsKey(toFeatureSettings(settings));
    const stored = [...(await store.featuresOfLesions(lesionIds, hash)).values()].filter((values) => values.length > 0);
    expect(stored).toHaveLength(report.progress.done);
  }, 120_000);
});
