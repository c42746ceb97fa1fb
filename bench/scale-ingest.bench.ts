// bench/scale-ingest: imaging-metadata ingest at archive scale — BENCH_SERIES (default 10^5) series
// records through QIDO-RS paging (the series catalogue job: pages of BENCH_PAGE, default 1000, through
// the shared upstream limiter, checkpointed per page) into Neo4j. The series come from a local DICOMweb
// replay in a child process (generated QIDO JSON in Orthanc's exact format): loading 10^5 series into
// Orthanc is too slow on this machine (STOW-RS of the 300-series test cohort takes ~1.5 s; the
// catalogue path reads only QIDO answers anyway). Prints records/s (series, and all nodes written) and
// the ingest process's peak RSS (VmHWM) against its baseline.
// Run: npm run bench:scale-ingest  (needs NEO4J_URI, e.g. bolt://127.0.0.1:7687 after scripts/neo4j.sh start;
// BENCH_SERIES, BENCH_PAGE, BENCH_CONCURRENCY (page writes in flight, default 1))
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { openStore } from "../graph-model/open-store.js";
import { QidoSeriesPages } from "../ingest/dicomweb/qido-series-pages.js";
import { seriesCatalogueJob } from "../ingest/dicomweb/series-catalogue-job.js";
import { TokenBucket } from "../ingest/http/token-bucket.js";
import { UpstreamLimiter } from "../ingest/http/upstream-limiter.js";
import { FileCheckpointStore } from "../ingest/jobs/file-checkpoint-store.js";
import { JobRunner } from "../ingest/jobs/job-runner.js";

const SERIES = Number(process.env.BENCH_SERIES ?? 100_000);
const PAGE = Number(process.env.BENCH_PAGE ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 1); // 2 was slower here (10^4 series: 407 vs 637 series/s): page transactions contend on the one Collection node
const SERIES_PER_PATIENT = 10;
const MB = 2 ** 20;

const vmHwm = (): number => Number(/VmHWM:\s*(\d+)/.exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? NaN) * 1024;

async function startReplayChild(patients: number): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [fileURLToPath(new URL("./qido-replay.child.js", import.meta.url)), JSON.stringify({ patients, seriesPerPatient: SERIES_PER_PATIENT })], { stdio: ["ignore", "pipe", "inherit"] });
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString()));
    child.once("exit", (code) => reject(new Error(`replay exited with ${code}`)));
  });
  return { url: (JSON.parse(line) as { url: string }).url, stop: () => child.kill("SIGTERM") };
}

async function main(): Promise<void> {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error("NEO4J_URI is not set (e.g. bolt://127.0.0.1:7687 after `bash scripts/neo4j.sh start`)");
  const patients = Math.ceil(SERIES / SERIES_PER_PATIENT);
  const replay = await startReplayChild(patients);
  const store = await openStore({ kind: "neo4j", uri, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD });
  const dir = await mkdtemp(path.join(os.tmpdir(), "rg-scale-ingest-"));
  try {
    await store.deleteEverything();
    // The replay stands in for one upstream: the limiter is wide open so the figure is the ingest's own rate.
    const limits = { concurrency: 4, requestsPerSecond: 10_000, burst: 10_000 };
    const pages = new QidoSeriesPages({ url: replay.url, pageSize: PAGE, limiter: new UpstreamLimiter("replay", limits, new TokenBucket(limits)), upstream: "QIDO replay" });
    const checkpoints = new FileCheckpointStore({ directory: dir });
    const job = seriesCatalogueJob(store, pages, { collectionId: "TCGA-REPLAY", source: "replay" }, { checkpoints });
    global.gc?.();
    const baseline = vmHwm();
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 20);
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const report = await new JobRunner({ concurrency: CONCURRENCY, checkpoints }).run(job);
    const seconds = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    clearInterval(sampler);
    if (report.status !== "SUCCEEDED") throw new Error(`ingest ended ${report.status}: ${JSON.stringify(report.errors.slice(0, 3))}`);
    const stored = [...(await store.seriesOfStudies([`1.2.826.0.1.3680043.10.1017.2.0`, `1.2.826.0.1.3680043.10.1017.2.${patients - 1}`])).values()].flat().length;
    const nodes = SERIES + 2 * patients;
    console.log(JSON.stringify({
      bench: "scale-ingest", series: SERIES, patients, studies: patients, pageSize: PAGE, pages: report.progress.done, writeConcurrency: CONCURRENCY,
      seconds: +seconds.toFixed(1), seriesPerSecond: +(SERIES / seconds).toFixed(0), nodesPerSecond: +(nodes / seconds).toFixed(0),
      nodeCpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(1),
      peakRssMB: +(vmHwm() / MB).toFixed(0), baselineRssMB: +(baseline / MB).toFixed(0), peakHeapMB: +(heapPeak / MB).toFixed(0),
      checkedSeriesOfFirstAndLastStudy: stored,
    }));
  } finally {
    await store.close();
    replay.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
