// bench/scale: feature throughput (lesions/s) of a synthetic cohort of ~10^4-voxel lesions (real DICOM CT +
// SEG in Orthanc, ingested into Neo4j through the imaging ingest job), computed through the same job start
// the GraphQL computeFeatures uses (submitJobOfKind) by (a) the in-process engine with its feature worker
// pool (one thread per core), (b) one `radiogenomics worker --concurrency 1` process and (c) two, on BullMQ +
// Redis; BENCH_ROUNDS (default 2) rounds of (b) then (c), every run on its own cohort of BENCH_LESIONS
// lesions (default 24) so nothing is found stored; ratios are of the fastest runs, every run is printed.
// What runs where: this process is the server (it builds and enqueues the job, then only polls Redis every
// 50 ms: its CPU is printed); the worker processes read the images over DICOMweb (Orthanc), compute and write
// to Neo4j; Neo4j, Redis and Orthanc are their own processes on the same cores; each run prints every
// process's CPU and how many cores the machine's other processes (other tenants) took meanwhile.
// Queue overhead per task: a job over every cohort resubmitted to one worker (a new run whose tasks each
// find their lesion's values stored: enqueue → pick-up → start → store read → settle → progress), as a %
// of one lesion's time in (b) and of the compute alone, with the store read's own time beside it. Redis
// memory per queued task: INFO used_memory before/after the first (b) job is enqueued with no worker
// running (after a warm-up job). Imaging-metadata ingest: bench/scale-ingest in a child process first
// (BENCH_INGEST_SERIES, default 10^4; 0 skips it). The figures go to BENCH_FIGURES (default
// bench/scale-figures.json, the committed run), which bench/scale-plan reads; the model's prediction for (c) is printed
// beside each measured run.
// Run: npm run bench:scale  (needs NEO4J_URI, REDIS_URL=redis://127.0.0.1:PORT (database 7 is flushed),
// ORTHANC_URL=http://…/dicom-web; the Neo4j store is wiped first)
import "reflect-metadata";
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import pino from "pino";
import { Redis } from "ioredis";
import { createServices } from "../cli/services.js";
import { computeFeatures } from "../compute/features/compute-features.js";
import type { GraphStore } from "../graph-model/graph-store.js";
import { openStore } from "../graph-model/open-store.js";
import { DicomWebArchive, ImagingSource, imagingIngestJob } from "../ingest/dicomweb/index.js";
import { stowInstances } from "../ingest/demo/dicom/stow-instances.js";
import { FeatureWorkerPool } from "../ingest/features/feature-worker-pool.js";
import { settingsKey } from "../ingest/features/feature-settings-key.js";
import { DistributedJobRegistry } from "../ingest/jobs/bullmq/distributed-job-registry.js";
import { JobRunner } from "../ingest/jobs/job-runner.js";
import type { JobSnapshot } from "../ingest/jobs/job.js";
import { createRequestContext, type RequestContext } from "../resolvers/context.js";
import { DEFAULT_FEATURE_SETTINGS } from "../resolvers/feature-settings.mapping.js";
import { submitJobOfKind } from "../resolvers/job-kinds.js";
import { scaleCohort, type ScaleCohort } from "./scale-cohort.js";
import { simulateJob, taskCostsOf, type MeasuredFigures } from "./scale-model.js";
import { sphereCase } from "./sphere-case.js";

const LESIONS = Number(process.env.BENCH_LESIONS ?? 24);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const INGEST_SERIES = Number(process.env.BENCH_INGEST_SERIES ?? 10_000);
const FIGURES = process.env.BENCH_FIGURES ?? "bench/scale-figures.json";
const CLI = fileURLToPath(new URL("../cli/radiogenomics.js", import.meta.url));
const SERVICES_DIR = process.env.RG_SERVICES_DIR ?? path.resolve(".services");
const TICK = 100; // /proc clock ticks per second (USER_HZ)

function need(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (NEO4J_URI=bolt://127.0.0.1:P, REDIS_URL=redis://127.0.0.1:P, ORTHANC_URL=http://127.0.0.1:P/dicom-web)`);
  return value;
}

/** CPU seconds a process has used (utime + stime). */
function cpuOf(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICK;
  } catch {
    return NaN;
  }
}

function pidOf(service: string): number | undefined {
  try {
    return Number(readFileSync(path.join(SERVICES_DIR, service, `${service}.pid`), "utf8").trim());
  } catch {
    return undefined;
  }
}

const SERVICE_PIDS = { neo4j: pidOf("neo4j"), redis: pidOf("redis"), orthanc: pidOf("orthanc") };
const servicesCpu = () => Object.fromEntries(Object.entries(SERVICE_PIDS).map(([name, pid]) => [name, cpuOf(pid)])) as Record<keyof typeof SERVICE_PIDS, number>;

/** CPU seconds every process on the machine has used (/proc/stat: user + nice + system + irq + softirq + steal). */
function machineCpu(): number {
  const [, user, nice, system, , , irq, softirq, steal] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).map(Number);
  return (user! + nice! + system! + irq! + softirq! + steal!) / TICK;
}

const load = (): string => os.loadavg().map((l) => l.toFixed(2)).join(" ");

async function startWorker(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, [CLI, "worker", "--neo4j", need("NEO4J_URI"), "--concurrency", "1"], { env, stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk;
      if (out.includes("worker ready")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`worker exited with ${code}: ${out}`)));
  });
  return child;
}

async function stopWorker(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

async function finished(ctx: RequestContext, id: string): Promise<JobSnapshot> {
  for (;;) {
    const snapshot = await ctx.jobs.lookup(id);
    if (snapshot && snapshot.status !== "QUEUED" && snapshot.status !== "RUNNING") {
      if (snapshot.status !== "SUCCEEDED") throw new Error(`job ${id} ended ${snapshot.status}: ${JSON.stringify(snapshot.errors.slice(0, 3))}`);
      return snapshot;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface Run {
  snapshot: JobSnapshot;
  /** First task started → last task settled (the job's own times). */
  seconds: number;
  /** CPU seconds by process: bench (the server side), workers, neo4j, redis, orthanc. */
  cpu: Record<string, number>;
  /** CPU seconds the machine's other processes used meanwhile. */
  others: number;
}

const seconds = (s: JobSnapshot): number => (s.finishedAt!.getTime() - s.startedAt!.getTime()) / 1000;

async function seedCohort(store: GraphStore, imaging: ImagingSource, cohort: ScaleCohort, dicomweb: string): Promise<number> {
  for (let i = 0; i < cohort.files.length; i += 40) await stowInstances(dicomweb, cohort.files.slice(i, i + 40));
  const start = performance.now();
  const report = await new JobRunner({ concurrency: 2 }).run(imagingIngestJob(store, imaging, { collectionId: cohort.collectionId, patientIds: cohort.patientIds }));
  if (report.status !== "SUCCEEDED") throw new Error(`imaging ingest of ${cohort.collectionId} ended ${report.status}: ${JSON.stringify(report.errors.slice(0, 2))}`);
  return (performance.now() - start) / 1000;
}

function runScaleIngest(): Promise<Record<string, number>> {
  const child = spawn(process.execPath, ["--expose-gc", fileURLToPath(new URL("./scale-ingest.bench.js", import.meta.url))], {
    env: { ...process.env, BENCH_SERIES: String(INGEST_SERIES) }, stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk));
  return new Promise((resolve, reject) => child.once("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!)) : reject(new Error(`scale-ingest exited ${code}`)))));
}

/** Median single-thread time of computing every family of one 10^4-voxel sphere (no I/O). */
function computeSeconds(voxels: number): number {
  const { volume, mask } = sphereCase(voxels);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    computeFeatures(volume, mask, DEFAULT_FEATURE_SETTINGS);
    times.push((performance.now() - start) / 1000);
  }
  return times.sort((a, b) => a - b)[2]!;
}

async function main(): Promise<void> {
  const uri = need("NEO4J_URI");
  const redisUrl = `${need("REDIS_URL")}/7`;
  const dicomweb = need("ORTHANC_URL");
  const loadAtStart = load();
  const ingest = INGEST_SERIES > 0 ? await runScaleIngest() : undefined;

  const store = await openStore({ kind: "neo4j", uri, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD });
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const pixelCache = await mkdtemp(path.join(os.tmpdir(), "rg-scale-"));
  const workers: ChildProcess[] = [];
  const logger = pino({ level: "warn" });
  try {
    await store.deleteEverything();
    await redis.flushdb();
    const imaging = new ImagingSource(new DicomWebArchive({ url: dicomweb }));
    const cohorts = ["A", ...Array.from({ length: ROUNDS }, (_, r) => [`B${r}`, `C${r}`]).flat()].map((c) => scaleCohort(`BENCH-SCALE-${c}`, LESIONS));
    const ingestSeconds: number[] = [];
    for (const cohort of cohorts) ingestSeconds.push(await seedCohort(store, imaging, cohort, dicomweb));
    const a = cohorts[0]!;
    const b = cohorts[1]!;
    const args = (cohort: ScaleCohort) => ({ cohort: { collectionIds: [cohort.collectionId] } });
    const compute = computeSeconds(10_000);

    /** A job's snapshot and the CPU seconds each process (and the whole machine) used while it ran. */
    const measured = async (run: () => Promise<JobSnapshot>): Promise<Run> => {
      const before = { bench: process.cpuUsage(), services: servicesCpu(), workers: workers.map((w) => cpuOf(w.pid)), machine: machineCpu() };
      const snapshot = await run();
      const cpu = { bench: cpuSeconds(process.cpuUsage(before.bench)), workers: sum(workers.map((w, i) => cpuOf(w.pid) - (before.workers[i] ?? 0))), ...delta(servicesCpu(), before.services) };
      return { snapshot, seconds: seconds(snapshot), cpu, others: machineCpu() - before.machine - sum(Object.values(cpu)) };
    };

    // (a) In-process: the JobRunner and a feature pool of one thread per core, as `serve` without RG_REDIS_URL.
    const pool = new FeatureWorkerPool();
    delete process.env.RG_REDIS_URL;
    const local = createRequestContext(createServices(store, logger, { featurePool: pool, pixelCacheDir: path.join(pixelCache, "local"), dicomwebUrl: dicomweb }));
    const inProcess = await measured(async () => finished(local, (await submitJobOfKind(local, "computeFeatures", args(a))).id));
    await pool.close();

    // The distributed engine: the server side builds and enqueues, the worker processes compute.
    process.env.RG_REDIS_URL = redisUrl;
    const remote = createRequestContext(createServices(store, logger, { pixelCacheDir: path.join(pixelCache, "server"), dicomwebUrl: dicomweb }));
    const workerEnv = { ...process.env, LOG_LEVEL: "warn", RG_REDIS_URL: redisUrl, RG_DICOMWEB_URL: dicomweb, TMPDIR: pixelCache };

    // Redis memory of N queued tasks (no worker yet), after cohort A's job warmed the queue's keys and scripts
    // (its N tasks find their values stored: the worker settles them first, before (b)'s clock starts).
    await submitJobOfKind(remote, "computeFeatures", args(a));
    const memoryBefore = await usedMemory(redis);
    const firstB = (await submitJobOfKind(remote, "computeFeatures", args(b))).id;
    const bytesPerTask = (await usedMemory(redis) - memoryBefore) / LESIONS;
    workers.push(await startWorker(workerEnv));

    // Rounds of (b) one worker, then (c) two, each on fresh cohorts: the other tenants' load moves between runs.
    const ones: Run[] = [];
    const twos: Run[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const [cohortB, cohortC] = [cohorts[1 + 2 * r]!, cohorts[2 + 2 * r]!];
      ones.push(await measured(async () => finished(remote, r === 0 ? firstB : (await submitJobOfKind(remote, "computeFeatures", args(cohortB))).id)));
      workers.push(await startWorker(workerEnv));
      twos.push(await measured(async () => finished(remote, (await submitJobOfKind(remote, "computeFeatures", args(cohortC))).id)));
      await stopWorker(workers.pop()!);
    }
    const fastest = (runs: Run[]) => runs.reduce((x, y) => (y.seconds < x.seconds ? y : x));
    const one = fastest(ones);
    const two = fastest(twos);

    // Queue overhead: one worker, tasks whose values are stored (a new run of a job over every cohort).
    const all = { cohort: { collectionIds: cohorts.map((x) => x.collectionId) } };
    const overhead = await finished(remote, (await submitJobOfKind(remote, "computeFeatures", all)).id);
    const overheadPerTask = seconds(overhead) / (cohorts.length * LESIONS);
    // What each of those tasks also did besides the queue: read its lesion's stored values (median of 24 reads).
    const lesionIds = (await store.lesionsOfPatients({ collectionIds: [b.collectionId] })).map((l) => l.id);
    const readSeconds = await medianSeconds(() => store.featuresOfLesions([lesionIds[0]!], settingsKey(DEFAULT_FEATURE_SETTINGS).hash), 24);

    const stored = await store.featuresOfLesions(lesionIds, settingsKey(DEFAULT_FEATURE_SETTINGS).hash);
    const valuesPerLesion = Math.round(sum([...stored.values()].map((v) => v.length)) / stored.size);
    const counts = await store.counts();

    const perLesionOne = one.seconds / LESIONS;
    const figures: MeasuredFigures = {
      measuredAt: new Date().toISOString(), load: `${loadAtStart} → ${load()}`, cores: os.availableParallelism(), roiVoxels: a.roiVoxels,
      lesionsPerRun: LESIONS, valuesPerLesion, computeSeconds: compute,
      workerSecondsPerLesion: perLesionOne, workerCpuPerLesion: one.cpu.workers! / LESIONS, storeCpuPerLesion: one.cpu.neo4j! / LESIONS,
      queueOverheadSeconds: overheadPerTask, storedValuesReadSeconds: readSeconds, redisBytesPerQueuedTask: bytesPerTask,
      ingestSeriesPerSecond: ingest?.seriesPerSecond ?? NaN, ingestPeakRssMB: ingest?.peakRssMB ?? NaN,
    };
    writeFileSync(FIGURES, `${JSON.stringify(figures, null, 2)}\n`);
    // The model on an idle machine, and with the cores the other tenants left us during that run.
    const available = (run: Run) => Math.min(figures.cores, Math.max(0.25, figures.cores - run.others / run.seconds));
    const predicted = (workers: number, cores = figures.cores) => simulateJob({ tasks: LESIONS, workers, cores, ...taskCostsOf(figures) }).makespanSeconds;
    const rate = (run: Run) => LESIONS / run.seconds;
    const describe = (run: Run) => `${rate(run).toFixed(2)} lesions/s [${run.seconds.toFixed(1)} s; others used ${(run.others / run.seconds).toFixed(2)} cores; CPU s: ${fmt(run.cpu)}]`;
    console.log(`machine: ${figures.cores} cores, load ${figures.load}; lesion ROI ${a.roiVoxels} voxels (${valuesPerLesion} values, all families, fixed bin number 32), ${LESIONS} lesions per run`);
    console.log(`where: this process = the server (builds + enqueues the job, polls Redis); worker processes = images over DICOMweb + compute + Neo4j writes; Neo4j, Redis, Orthanc = own processes; all on the same ${figures.cores} cores with the other tenants`);
    console.log(`compute only (one thread, no I/O): ${compute.toFixed(3)} s per lesion`);
    console.log(`imaging ingest (QIDO + metadata + SEG, in-process, 2 patients at once): ${(LESIONS / (sum(ingestSeconds) / cohorts.length)).toFixed(1)} patients/s`);
    console.log(`(a) in-process (JobRunner + ${pool.size}-thread pool): ${describe(inProcess)}`);
    ones.forEach((run, r) => console.log(`(b) 1 worker process, round ${r + 1}:  ${describe(run)}`));
    twos.forEach((run, r) => console.log(`(c) 2 worker processes, round ${r + 1}: ${describe(run)}; model ${predicted(2, available(run)).toFixed(1)} s on the ${available(run).toFixed(2)} cores left`));
    console.log(`model of (c) on an idle machine, calibrated on the fastest (b): ${predicted(2).toFixed(1)} s (${(one.seconds / predicted(2)).toFixed(2)}× one worker)`);
    console.log(`CPU bound on ${figures.cores} cores shared with Neo4j: ${(figures.workerCpuPerLesion + figures.storeCpuPerLesion).toFixed(3)} CPU s per lesion (worker + Neo4j) → at most ${(figures.cores / (figures.workerCpuPerLesion + figures.storeCpuPerLesion) / rate(one)).toFixed(2)}× the fastest one-worker run`);
    console.log(`ratios (fastest runs): 2 workers / 1 worker ${(rate(two) / rate(one)).toFixed(2)}×, 1 worker / in-process ${(rate(one) / rate(inProcess)).toFixed(2)}×, 2 workers / in-process ${(rate(two) / rate(inProcess)).toFixed(2)}×; per round ${ones.map((o, r) => (rate(twos[r]!) / rate(o)).toFixed(2)).join(", ")}`);
    const queueOnly = Math.max(0, overheadPerTask - readSeconds);
    console.log(`queue overhead: ${(overheadPerTask * 1000).toFixed(1)} ms per task (${cohorts.length * LESIONS} tasks, values stored; ${(readSeconds * 1000).toFixed(1)} ms of it reading them) = ${((100 * overheadPerTask) / perLesionOne).toFixed(1)} % of a lesion's ${perLesionOne.toFixed(2)} s in (b); the queue alone ${(queueOnly * 1000).toFixed(1)} ms = ${((100 * queueOnly) / compute).toFixed(1)} % of the compute alone (${(100 * overheadPerTask / compute).toFixed(1)} % with the read)`);
    console.log(`Redis: ${Math.round(bytesPerTask)} bytes per queued task; graph: ${JSON.stringify(counts)}`);
    if (ingest) console.log(`imaging-metadata ingest (bench/scale-ingest, ${INGEST_SERIES} series): ${ingest.seriesPerSecond} series/s, peak RSS ${ingest.peakRssMB} MB`);
    const brief = (run: Run) => ({ seconds: run.seconds, othersCores: run.others / run.seconds, cpu: run.cpu });
    console.log(JSON.stringify({ bench: "scale", ...figures, inProcess: brief(inProcess), oneWorker: ones.map(brief), twoWorkers: twos.map(brief), modelTwoIdle: predicted(2), modelTwo: twos.map((run) => predicted(2, available(run))), twoOverOne: rate(two) / rate(one) }));
    if (remote.jobs instanceof DistributedJobRegistry) remote.jobs.close();
  } finally {
    for (const worker of workers) await stopWorker(worker);
    redis.disconnect();
    await store.close();
    await rm(pixelCache, { recursive: true, force: true });
  }
}

const cpuSeconds = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1e6;
const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);
const delta = <K extends string>(after: Record<K, number>, before: Record<K, number>): Record<K, number> =>
  Object.fromEntries(Object.keys(after).map((k) => [k, after[k as K] - before[k as K]])) as Record<K, number>;
const fmt = (cpu: Record<string, number>): string => Object.entries(cpu).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(", ");

async function medianSeconds(run: () => Promise<unknown>, times: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await run();
    samples.push((performance.now() - start) / 1000);
  }
  return samples.sort((x, y) => x - y)[times >> 1]!;
}

async function usedMemory(redis: Redis): Promise<number> {
  return Number(/used_memory:(\d+)/.exec(await redis.info("memory"))?.[1]);
}

await main();
process.exit(0);
