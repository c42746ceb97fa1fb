// startAssociation on the distributed engine, end to end on real services: Redis (scripts/redis.sh), Neo4j,
// `radiogenomics worker` processes and a `serve` with RG_REDIS_URL. The job (one BullMQ task per batch of
// tests: every feature × one gene) survives its only worker SIGKILLed mid-job (a second worker takes the rest,
// a task the killed one held comes back through BullMQ's stalled check), and stores exactly the links, BH q-values and
// provenance that runAssociation computes in-process on the embedded store, one edge per feature × gene. A job
// cancelled before any worker runs it stops: its tasks leave the queue, no batch runs, no Analysis is written.
import "reflect-metadata";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphStore } from "../../graph-model/graph-store.js";
import { AssociationService } from "../../ingest/analysis/association-service.js";
import { demoCohort } from "../../ingest/demo/demo-cohort.js";
import { DemoLesionImages } from "../../ingest/demo/demo-lesion-images.js";
import { loadCohort } from "../../ingest/demo/load-demo.js";
import { FeatureService } from "../../ingest/features/feature-service.js";
import { RedisJobState } from "../../ingest/jobs/bullmq/redis-job-state.js";
import { DEFAULT_FEATURE_SETTINGS } from "../../resolvers/feature-settings.mapping.js";
import { CLI_ENV, CliProcesses } from "../support/cli-process.js";
import { graphql } from "../support/graphql-client.js";
import { embeddedStore, neo4jStore, neo4jUri } from "../support/stores.js";
import { comparableAnalysis, comparableLinks } from "../support/association-comparable.js";

// Its own logical database (0–4: the other distributed suites and the upstream limiter).
const REDIS_URL = process.env.REDIS_URL ? `${process.env.REDIS_URL}/5` : "";
const FAMILIES = ["intensity_statistics", "glcm"] as const;
const START = `mutation($keys: [String!], $families: [String!], $batch: Int, $min: Int) {
  startAssociation(targets: GENES, targetKeys: $keys, families: $families, batchTests: $batch, minPatients: $min) { id status progress { total } } }`;
const CANCEL = `mutation($id: ID!) { cancelJob(id: $id) { id status } }`;
const QUEUE_ENV = { RG_REDIS_URL: REDIS_URL, RG_QUEUE_LOCK_MS: "2000", RG_QUEUE_STALLED_INTERVAL_MS: "1000", RG_QUEUE_BACKOFF_MS: "200" };

describe("startAssociation on BullMQ: batches of tests on worker processes, one killed mid-job (Neo4j + Redis)", () => {
  const records = demoCohort();
  const genes = records.genes.map((g) => g.symbol);
  const workerA = new CliProcesses();
  const workerB = new CliProcesses();
  const servers = new CliProcesses();
  const env = { ...CLI_ENV, ...QUEUE_ENV };
  let store: GraphStore;
  let redis: Redis;
  let dataDir: string;
  let url = "";

  beforeAll(async () => {
    if (!REDIS_URL) throw new Error("REDIS_URL is not set: run the suite with `npm test`, which starts a real Redis (scripts/redis.sh)");
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    await redis.flushdb();
    store = await neo4jStore.open();
    await loadCohort(store, records);
    // The features first (what computeFeatures does), so the plan the server makes on submit only reads them.
    await new FeatureService(store, [new DemoLesionImages(records)]).featuresOfLesions(records.lesions.map((l) => l.id), DEFAULT_FEATURE_SETTINGS, [...FAMILIES]);
    dataDir = await mkdtemp(path.join(os.tmpdir(), "rg-bullmq-assoc-"));
    url = await servers.start(["serve", "--neo4j", neo4jUri(), "--port", "0", "--data-dir", dataDir], /GraphQL API: (http\S+)/, env);
  }, 300_000);

  afterAll(async () => {
    workerA.stopAll();
    workerB.stopAll();
    servers.stopAll();
    redis?.disconnect();
    if (store) await neo4jStore.dispose(store);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("completes after its worker is SIGKILLed mid-job with runAssociation's links, q-values and provenance, one edge each", async () => {
    const submitted = await graphql(url, START, { keys: genes, families: [...FAMILIES], batch: 1 });
    expect(submitted.errors).toBeUndefined();
    const jobId: string = submitted.data.startAssociation.id;
    // batchTests 1: one gene per task.
    expect(submitted.data.startAssociation.progress.total).toBe(genes.length);
    const state = new RedisJobState(redis);

    // One worker; once it has settled a batch (not all 49), it dies without a word and a second takes over.
    await workerA.start(["worker", "--neo4j", neo4jUri(), "--concurrency", "1"], /(worker ready)/, env);
    for (;;) {
      const now = (await state.get(jobId))!;
      if (now.progress.done >= 1) break;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await workerA.killAll("SIGKILL");
    const atKill = (await state.get(jobId))!;
    expect(atKill.progress.done).toBeLessThan(genes.length);
    expect(atKill.status).toBe("RUNNING");
    await workerB.start(["worker", "--neo4j", neo4jUri(), "--concurrency", "2"], /(worker ready)/, env);
    let finished = (await state.get(jobId))!;
    while (finished.status === "RUNNING" || finished.status === "QUEUED") {
      await new Promise((resolve) => setTimeout(resolve, 50));
      finished = (await state.get(jobId))!;
    }
    expect(finished).toMatchObject({ status: "SUCCEEDED", progress: { total: genes.length, done: genes.length, failed: 0 }, errors: [] });

    // The in-process engine over the same cohort on its own store.
    const reference = await embeddedStore.open();
    try {
      await loadCohort(reference, records);
      const expected = await new AssociationService(reference, new FeatureService(reference, [new DemoLesionImages(records)])).run({ cohort: {}, settings: DEFAULT_FEATURE_SETTINGS, families: [...FAMILIES], targets: "GENES", targetKeys: genes });
      expect(jobId).toBe(`association-${expected.id}`);
      const analysis = (await store.analysisById(expected.id))!;
      expect(analysis).not.toBeNull();
      expect(comparableAnalysis(analysis)).toEqual(comparableAnalysis(expected));
      const read = (s: GraphStore) => s.correlationLinks({ analysisId: expected.id, targetKind: "Gene", first: 1_000_000 });
      const links = await read(store);
      // One CORRELATES_WITH edge per feature × gene: the killed worker's batch, run again, wrote nothing twice.
      expect(new Set(links.map((l) => `${l.featureKey}|${l.targetKey}`)).size).toBe(links.length);
      expect(links.length).toBe((expected.params as { tests: number }).tests);
      expect(comparableLinks(links)).toEqual(comparableLinks(await read(reference)));
    } finally {
      await embeddedStore.dispose(reference);
    }
  }, 300_000);

  it("a cancelled job stops: its tasks leave the queue, no batch runs, no Analysis is written", async () => {
    await workerB.killAll("SIGKILL");
    // A different question (minPatients 12): a new analysis id, a new job.
    const submitted = await graphql(url, START, { keys: genes, families: [...FAMILIES], batch: 1, min: 12 });
    expect(submitted.errors).toBeUndefined();
    const jobId: string = submitted.data.startAssociation.id;
    const cancelled = await graphql(url, CANCEL, { id: jobId });
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data.cancelJob.status).toBe("CANCELLED");
    expect(await redis.llen("bull:radiogenomics-job-tasks:wait")).toBe(0);
    // A worker started now finds nothing of it to run.
    await workerA.start(["worker", "--neo4j", neo4jUri(), "--concurrency", "2"], /(worker ready)/, env);
    const state = new RedisJobState(redis);
    expect((await state.get(jobId))!).toMatchObject({ status: "CANCELLED", progress: { done: 0, failed: 0 } });
    expect(await store.analysisById(jobId.replace(/^association-/, ""))).toBeNull();
    expect(await store.completeStepMarkers(`association:${jobId.replace(/^association-/, "")}:`)).toBe(0);
    await workerA.killAll("SIGTERM");
  }, 120_000);
});
