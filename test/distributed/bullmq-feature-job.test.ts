// The distributed job engine end to end on real services: Redis (scripts/redis.sh) and Neo4j, two
// `radiogenomics worker` processes and two `serve` instances with RG_REDIS_URL. A computeFeatures job
// submitted through one server's GraphQL survives a worker SIGKILLed mid-job (BullMQ's stalled-task
// check hands its task to the other worker), stores exactly the values and provenance the in-process
// engine computes for the same lesions, with one edge per lesion and feature, and reads the same from
// the second server. Neo4j only, by nature: workers and servers are separate processes sharing one store,
// and the embedded store opens in one process only (the in-process reference runs on embedded Ladybug).
import "reflect-metadata";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphStore } from "../../graph-model/graph-store.js";
import type * as M from "../../graph-model/model/records.js";
import { demoCohort } from "../../ingest/demo/demo-cohort.js";
import { DemoLesionImages } from "../../ingest/demo/demo-lesion-images.js";
import { loadCohort } from "../../ingest/demo/load-demo.js";
import { cohortFeatureJob } from "../../ingest/features/feature-job.js";
import { FeatureService } from "../../ingest/features/feature-service.js";
import { settingsKey } from "../../ingest/features/feature-settings-key.js";
import { JobRunner } from "../../ingest/jobs/job-runner.js";
import { DEFAULT_FEATURE_SETTINGS } from "../../resolvers/feature-settings.mapping.js";
import { CLI_ENV, CliProcesses } from "../support/cli-process.js";
import { graphql } from "../support/graphql-client.js";
import { embeddedStore, neo4jStore, neo4jUri } from "../support/stores.js";

// Database 0 of the test Redis (task-retry.test.ts uses database 1).
const REDIS_URL = process.env.REDIS_URL ? `${process.env.REDIS_URL}/0` : "";
const COHORT = { collectionIds: ["TCGA-GBM", "TCGA-LUAD"] };
const MUTATION = `mutation($cohort: PatientFilterInput) { computeFeatures(cohort: $cohort) { id status progress { total } } }`;
const JOB = `query($id: ID!) { job(id: $id) { id status progress { total done failed skipped } errors { key code message } } }`;
// Short locks so a killed worker's task is taken back within seconds (production default: 30 s).
const QUEUE_ENV = { RG_REDIS_URL: REDIS_URL, RG_QUEUE_LOCK_MS: "2000", RG_QUEUE_STALLED_INTERVAL_MS: "1000", RG_QUEUE_BACKOFF_MS: "200" };

interface JobView { id: string; status: string; progress: { total: number; done: number; failed: number; skipped: number }; errors: { key: string; code: string; message: string }[] }

/** What must agree between engines: the value and its provenance (not the time it was computed). */
function comparable(features: readonly M.LesionFeature[]): unknown[] {
  return [...features]
    .map((f) => ({ key: f.feature.key, name: f.feature.name, family: f.feature.family, ibsiCode: f.feature.ibsiCode, settingsHash: f.feature.settingsHash, settings: f.feature.settings, unit: f.feature.unit ?? null, value: f.value ?? null, undefinedReason: f.undefinedReason ?? null, imageSource: f.imageSource }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, limitMs = 120_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}: last ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("computeFeatures on BullMQ: two worker processes, one killed mid-job, two servers (Neo4j + Redis)", () => {
  const records = demoCohort();
  const workerA = new CliProcesses();
  const workerB = new CliProcesses();
  const servers = new CliProcesses();
  let store: GraphStore;
  let redis: Redis;
  let dataDir: string;
  let urls: string[] = [];

  beforeAll(async () => {
    if (!REDIS_URL) throw new Error("REDIS_URL is not set: run the suite with `npm test`, which starts a real Redis (scripts/redis.sh)");
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    await redis.flushdb();
    store = await neo4jStore.open();
    await loadCohort(store, records);
    dataDir = await mkdtemp(path.join(os.tmpdir(), "rg-bullmq-"));
    const env = { ...CLI_ENV, ...QUEUE_ENV };
    await Promise.all([
      workerA.start(["worker", "--neo4j", neo4jUri(), "--concurrency", "1"], /(worker ready)/, env),
      workerB.start(["worker", "--neo4j", neo4jUri(), "--concurrency", "1"], /(worker ready)/, env),
    ]);
    urls = await Promise.all(["a", "b"].map((name) =>
      servers.start(["serve", "--neo4j", neo4jUri(), "--port", "0", "--data-dir", path.join(dataDir, name)], /GraphQL API: (http\S+)/, env)));
  }, 180_000);

  afterAll(async () => {
    workerA.stopAll();
    workerB.stopAll();
    servers.stopAll();
    redis?.disconnect();
    if (store) await neo4jStore.dispose(store);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("completes after a worker is SIGKILLed, with the in-process engine's values and provenance, no duplicate edges, the same job on both servers", async () => {
    const lesionIds = (await store.lesionsOfPatients(COHORT)).map((l) => l.id).sort();
    expect(lesionIds.length).toBe(records.lesions.length);

    const submitted = await graphql(urls[0]!, MUTATION, { cohort: COHORT });
    expect(submitted.errors).toBeUndefined();
    const jobId: string = submitted.data.computeFeatures.id;
    expect(submitted.data.computeFeatures.progress.total).toBe(lesionIds.length);
    const read = async (url: string): Promise<JobView> => (await graphql(url, JOB, { id: jobId })).data.job;

    // Mid-job: some lesions done, not all; then one worker dies without a word.
    const atKill = await until(() => read(urls[0]!), (job) => job.progress.done >= 1, "the first finished lesion");
    await workerA.killAll("SIGKILL");
    expect(atKill.progress.done).toBeLessThan(lesionIds.length);

    const finished = await until(() => read(urls[1]!), (job) => job.status !== "QUEUED" && job.status !== "RUNNING", "the job to finish");
    expect(finished).toMatchObject({ status: "SUCCEEDED", progress: { total: lesionIds.length, done: lesionIds.length, failed: 0 }, errors: [] });
    expect(await read(urls[0]!)).toEqual(finished);
    // The killed worker's task came back through BullMQ's stalled check (its event stream says so).
    const events = await redis.xrange("bull:radiogenomics-job-tasks:events", "-", "+");
    expect(events.filter(([, fields]) => fields[1] === "stalled").length).toBeGreaterThanOrEqual(1);

    // The in-process engine (JobRunner + FeatureService) over the same cohort, on its own store.
    const reference = await embeddedStore.open();
    try {
      await loadCohort(reference, records);
      const features = new FeatureService(reference, [new DemoLesionImages(records)]);
      const report = await new JobRunner({ concurrency: 1 }).run(await cohortFeatureJob(reference, features, { filter: COHORT, settings: DEFAULT_FEATURE_SETTINGS }));
      expect(report.status).toBe("SUCCEEDED");
      const hash = settingsKey(DEFAULT_FEATURE_SETTINGS).hash;
      const expected = await reference.featuresOfLesions(lesionIds, hash);
      const stored = await store.featuresOfLesions(lesionIds, hash);
      for (const lesionId of lesionIds) {
        const values = stored.get(lesionId) ?? [];
        expect(values.length).toBeGreaterThan(100);
        // One HAS_FEATURE edge per lesion and feature: a retried task re-wrote, never duplicated.
        expect(new Set(values.map((f) => f.feature.key)).size).toBe(values.length);
        expect(comparable(values)).toEqual(comparable(expected.get(lesionId) ?? []));
      }
    } finally {
      await embeddedStore.dispose(reference);
    }
  }, 300_000);
});
