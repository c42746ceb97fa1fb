// Signature fits and PENALISED_COX survival analyses on the distributed engine, end to end on real services:
// Redis (scripts/redis.sh), Neo4j, `radiogenomics worker` processes and a `serve` with RG_REDIS_URL. A fit is
// one BullMQ task per cross-validation step (signatures: each outer fold of each repeat, each label permutation,
// the final refit; Cox: each outer fold and the final CV); each step stores its result under its own step marker
// and the step completing the set stores the Signature / SurvivalAnalysis once. The job survives its only
// worker SIGKILLed mid-job (a second takes the rest; a task the killed one held comes back through BullMQ's
// stalled check) and stores exactly what the in-process engine stores for the same request on the embedded
// store — same id, result values, params and provenance, same feature links, one node and one edge each. A job
// cancelled before any worker runs it stops: its tasks leave the queue, no step runs, nothing is stored.
import "reflect-metadata";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphStore } from "../../graph-model/graph-store.js";
import { signatureStepPrefix } from "../../ingest/analysis/signature-cv-job.js";
import { HarmonisationService } from "../../ingest/analysis/harmonisation-service.js";
import { SignatureService } from "../../ingest/analysis/signature-service.js";
import { survivalStepPrefix } from "../../ingest/analysis/survival-cv-job.js";
import { SurvivalService } from "../../ingest/analysis/survival-service.js";
import { settingsKey } from "../../ingest/features/feature-settings-key.js";
import { RedisJobState } from "../../ingest/jobs/bullmq/redis-job-state.js";
import type { JobSnapshot } from "../../ingest/jobs/job.js";
import { DEFAULT_FEATURE_SETTINGS } from "../../resolvers/feature-settings.mapping.js";
import { CLI_ENV, CliProcesses } from "../support/cli-process.js";
import { graphql } from "../support/graphql-client.js";
import { writePlantedHarmonisationCohort, type PlantedHarmonisationCohort } from "../support/planted/planted-harmonisation-cohort.js";
import { writePlantedSignatureCohort, type PlantedSignatureCohort } from "../support/planted/planted-signature-cohort.js";
import { writePlantedSurvivalCohort, type PlantedSurvivalCohort } from "../support/planted/planted-survival-cohort.js";
import { embeddedStore, neo4jStore, neo4jUri } from "../support/stores.js";

// Its own logical database (0–5: the other distributed suites and the upstream limiter).
const REDIS_URL = process.env.REDIS_URL ? `${process.env.REDIS_URL}/9` : "";
const QUEUE_ENV = { RG_REDIS_URL: REDIS_URL, RG_QUEUE_LOCK_MS: "2000", RG_QUEUE_STALLED_INTERVAL_MS: "1000", RG_QUEUE_BACKOFF_MS: "200" };
const FIT = `mutation($collection: String!, $seed: Int!) {
  startSignatureFit(cohort: { collectionIds: [$collection] }, target: "SUBTYPE", folds: 4, repeats: 2, permutations: 6, seed: $seed) { id status progress { total } } }`;
const COX = `mutation($collection: String!) {
  startSurvivalAnalysis(kind: PENALISED_COX, endpoint: OVERALL, cohort: { collectionIds: [$collection] }, seed: 7, folds: 3, penalizers: [0.3, 0.1, 0.03]) { id status progress { total } } }`;
const HARMONISE = `mutation($collection: String!, $covariates: [PreservedCovariateInput!]) {
  startHarmonisation(name: "by vendor", cohort: { collectionIds: [$collection] }, batchBy: MANUFACTURER, covariates: $covariates) { id status progress { total } } }`;
const CANCEL = `mutation($id: ID!) { cancelJob(id: $id) { id status } }`;
const key = settingsKey(DEFAULT_FEATURE_SETTINGS);
const comparable = <T extends { createdAt?: unknown }>(node: T) => ({ ...node, createdAt: undefined });

describe("signature and survival CV on BullMQ: one task per fold on worker processes, one killed mid-job (Neo4j + Redis)", () => {
  const workerA = new CliProcesses();
  const workerB = new CliProcesses();
  const servers = new CliProcesses();
  const env = { ...CLI_ENV, ...QUEUE_ENV };
  let store: GraphStore;
  let reference: GraphStore;
  let redis: Redis;
  let state: RedisJobState;
  let dataDir: string;
  let url = "";
  let signatureCohort: PlantedSignatureCohort;
  let survivalCohort: PlantedSurvivalCohort;
  let harmonisationCohort: PlantedHarmonisationCohort;

  async function settled(jobId: string): Promise<JobSnapshot> {
    let now = (await state.get(jobId))!;
    while (now.status === "RUNNING" || now.status === "QUEUED") {
      await new Promise((resolve) => setTimeout(resolve, 50));
      now = (await state.get(jobId))!;
    }
    return now;
  }

  /** Starts worker A, SIGKILLs it once it has settled a task (not all), and lets worker B finish the job. */
  async function killOneWorkerMidJob(jobId: string, total: number): Promise<JobSnapshot> {
    await workerA.start(["worker", "--neo4j", neo4jUri(), "--concurrency", "1"], /(worker ready)/, env);
    for (;;) {
      if ((await state.get(jobId))!.progress.done >= 1) break;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await workerA.killAll("SIGKILL");
    const atKill = (await state.get(jobId))!;
    expect(atKill.progress.done).toBeLessThan(total);
    expect(atKill.status).toBe("RUNNING");
    await workerB.start(["worker", "--neo4j", neo4jUri(), "--concurrency", "2"], /(worker ready)/, env);
    const finished = await settled(jobId);
    await workerB.killAll("SIGTERM");
    return finished;
  }

  beforeAll(async () => {
    if (!REDIS_URL) throw new Error("REDIS_URL is not set: run the suite with `npm test`, which starts a real Redis (scripts/redis.sh)");
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    await redis.flushdb();
    state = new RedisJobState(redis);
    store = await neo4jStore.open();
    reference = await embeddedStore.open();
    for (const s of [store, reference]) {
      signatureCohort = await writePlantedSignatureCohort(s, 4, 60, key.hash, key.canonical);
      survivalCohort = await writePlantedSurvivalCohort(s, 5, 80, key.hash, key.canonical);
      harmonisationCohort = await writePlantedHarmonisationCohort(s, 7, 90, key.hash, key.canonical);
    }
    dataDir = await mkdtemp(path.join(os.tmpdir(), "rg-bullmq-analysis-"));
    url = await servers.start(["serve", "--neo4j", neo4jUri(), "--port", "0", "--data-dir", dataDir], /GraphQL API: (http\S+)/, env);
  }, 300_000);

  afterAll(async () => {
    workerA.stopAll();
    workerB.stopAll();
    servers.stopAll();
    redis?.disconnect();
    if (store) await neo4jStore.dispose(store);
    if (reference) await embeddedStore.dispose(reference);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("a signature fit completes after its worker is SIGKILLed mid-job with fitSignature's Signature, one node and one edge each", async () => {
    const submitted = await graphql(url, FIT, { collection: signatureCohort.collectionId, seed: 11 });
    expect(submitted.errors).toBeUndefined();
    const jobId: string = submitted.data.startSignatureFit.id;
    // One binary class: 2 repeats × 4 outer folds + 6 permutations + the final refit.
    const total = 2 * 4 + 6 + 1;
    expect(submitted.data.startSignatureFit.progress.total).toBe(total);
    const finished = await killOneWorkerMidJob(jobId, total);
    expect(finished).toMatchObject({ status: "SUCCEEDED", progress: { total, done: total, failed: 0 }, errors: [] });

    // The in-process engine (fitSignature's service, inline) on the embedded store, the same request as signatureRequestOf makes.
    const [expected] = await new SignatureService(reference).fit({
      cohort: { collectionIds: [signatureCohort.collectionId] }, settings: DEFAULT_FEATURE_SETTINGS, target: "SUBTYPE", outerFolds: 4, innerFolds: 4, repeats: 2, seed: 11, permutations: 6,
    });
    const [stored] = await store.signaturesByIds([expected!.id]);
    expect(stored).toBeDefined();
    expect(comparable(stored!)).toEqual(comparable(expected!));
    const links = async (s: GraphStore) => (await s.signatureFeatures([expected!.id])).get(expected!.id)!.map((f) => ({ ...f, feature: f.feature.key }));
    const storedLinks = await links(store);
    // One USES_FEATURE edge per design column: the killed worker's step, run again, wrote nothing twice.
    expect(new Set(storedLinks.map((l) => l.featureKey)).size).toBe(storedLinks.length);
    expect(storedLinks).toEqual(await links(reference));
    expect(await store.completeStepMarkers(signatureStepPrefix(expected!.id))).toBe(total);
    expect((await store.counts()).Signature).toBe(1);
  }, 300_000);

  it("a PENALISED_COX analysis completes after its worker is SIGKILLed mid-job with analyse's SurvivalAnalysis, one edge each", async () => {
    const submitted = await graphql(url, COX, { collection: survivalCohort.collectionId });
    expect(submitted.errors).toBeUndefined();
    const jobId: string = submitted.data.startSurvivalAnalysis.id;
    expect(submitted.data.startSurvivalAnalysis.progress.total).toBe(3 + 1);
    const finished = await killOneWorkerMidJob(jobId, 4);
    expect(finished).toMatchObject({ status: "SUCCEEDED", progress: { total: 4, done: 4, failed: 0 }, errors: [] });

    const expected = await new SurvivalService(reference).analyse({
      kind: "PENALISED_COX", endpoint: "OVERALL", cohort: { collectionIds: [survivalCohort.collectionId] }, settings: DEFAULT_FEATURE_SETTINGS, seed: 7, folds: 3, penalizers: [0.3, 0.1, 0.03],
    });
    expect(jobId).toBe(expected.id);
    const [stored] = await store.survivalAnalysesByIds([expected.id]);
    expect(comparable(stored!)).toEqual(comparable(expected));
    const links = async (s: GraphStore) => (await s.survivalFeatures(expected.id, { skip: 0, first: 1000 })).map((f) => ({ ...f, feature: undefined }));
    const storedLinks = await links(store);
    expect(new Set(storedLinks.map((l) => l.featureKey)).size).toBe(storedLinks.length);
    expect(storedLinks).toEqual(await links(reference));
    expect(await store.completeStepMarkers(survivalStepPrefix(expected.id))).toBe(4);
    expect((await store.counts()).SurvivalAnalysis).toBe(1);
  }, 300_000);

  it("a harmonisation is one task a worker runs, storing the Harmonisation the in-process job stores", async () => {
    const submitted = await graphql(url, HARMONISE, { collection: harmonisationCohort.collectionId, covariates: [{ name: "SUBTYPE", kind: "CATEGORICAL" }] });
    expect(submitted.errors).toBeUndefined();
    const jobId: string = submitted.data.startHarmonisation.id;
    expect(submitted.data.startHarmonisation.progress.total).toBe(1);
    await workerB.start(["worker", "--neo4j", neo4jUri(), "--concurrency", "1"], /(worker ready)/, env);
    expect(await settled(jobId)).toMatchObject({ status: "SUCCEEDED", progress: { total: 1, done: 1, failed: 0 } });
    await workerB.killAll("SIGTERM");
    const prepared = await new HarmonisationService(reference).prepare({
      name: "by vendor", cohort: { collectionIds: [harmonisationCohort.collectionId] }, settings: DEFAULT_FEATURE_SETTINGS, batch: { by: "MANUFACTURER" },
      covariates: [{ name: "SUBTYPE", kind: "CATEGORICAL" }], parametric: true, meanOnly: false, dropIncomplete: false,
    });
    expect(prepared.id).toBe(jobId);
    const expected = await prepared.run();
    const [stored] = await store.harmonisationsByIds([jobId]);
    expect(comparable(stored!)).toEqual(comparable(expected));
  }, 300_000);

  it("a cancelled signature fit stops: its tasks leave the queue, no step runs, no Signature is written", async () => {
    const before = await store.counts();
    // A different question (seed 12): a new job.
    const submitted = await graphql(url, FIT, { collection: signatureCohort.collectionId, seed: 12 });
    expect(submitted.errors).toBeUndefined();
    const jobId: string = submitted.data.startSignatureFit.id;
    const cancelled = await graphql(url, CANCEL, { id: jobId });
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data.cancelJob.status).toBe("CANCELLED");
    expect(await redis.llen("bull:radiogenomics-job-tasks:wait")).toBe(0);
    // A worker started now finds nothing of it to run.
    await workerA.start(["worker", "--neo4j", neo4jUri(), "--concurrency", "2"], /(worker ready)/, env);
    expect((await state.get(jobId))!).toMatchObject({ status: "CANCELLED", progress: { done: 0, failed: 0 } });
    expect(await store.counts()).toEqual(before);
    await workerA.killAll("SIGTERM");
  }, 120_000);

  it("a signature fit cancelled while a worker runs its steps stops: the rest never run, no Signature is written", async () => {
    const submitted = await graphql(url, FIT, { collection: signatureCohort.collectionId, seed: 13 });
    expect(submitted.errors).toBeUndefined();
    const jobId: string = submitted.data.startSignatureFit.id;
    const total: number = submitted.data.startSignatureFit.progress.total;
    await workerA.start(["worker", "--neo4j", neo4jUri(), "--concurrency", "1"], /(worker ready)/, env);
    for (;;) {
      if ((await state.get(jobId))!.progress.done >= 1) break;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const cancelled = await graphql(url, CANCEL, { id: jobId });
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data.cancelJob.status).toBe("CANCELLED");
    // The worker lets go of the task it held (aborted, nothing written) and takes none of the rest.
    while ((await redis.llen("bull:radiogenomics-job-tasks:active")) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    const after = (await state.get(jobId))!;
    expect(after.status).toBe("CANCELLED");
    expect(after.progress.done).toBeLessThan(total);
    expect(after.progress.running).toEqual([]);
    expect((await store.counts()).Signature).toBe(1);
    await workerA.killAll("SIGTERM");
  }, 120_000);
});
