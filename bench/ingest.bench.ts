// bench/ingest: (1) series retrieval throughput of the platform's DICOMweb path — the instance loader
// the ingest uses (no pixel cache, so every byte comes from the server), a few instances at a time —
// against `curl` fetching the same series as one WADO-RS multipart answer with the same Accept, from
// the same Orthanc in the same run, as a ratio — curl discarding the bytes (-o /dev/null, the issue's
// yardstick) and curl keeping them in RAM (a file in /dev/shm: fresh pages, as the platform's parts
// are); the platform's Node CPU per MB beside its wall time; (2) the peak memory to build a 512×512×N CT volume
// with its SEG mask from the server's instances, measured in a child process, against the volume's bytes.
// Run: npm run bench:ingest   (needs ORTHANC_URL, e.g. after `bash scripts/orthanc.sh start`;
// BENCH_SLICES, default 300; BENCH_RUNS, default 3)
import { execFile } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import { DicomWebArchive } from "../ingest/dicomweb/dicomweb-archive.js";
import { instanceLoader } from "../ingest/dicomweb/instance-loader.js";
import { mapSeriesInstances } from "../ingest/dicomweb/image-series-loader.js";
import type { SeriesLocator } from "../ingest/dicomweb/dicom-archive.js";
import { benchSeries, seedBenchSeries } from "./ingest-series.js";

const run = promisify(execFile);
const SLICES = Number(process.env.BENCH_SLICES ?? 300);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ACCEPT = 'multipart/related; type="application/dicom"'; // what dicomweb-client sends for instances
const MB = 1e6;

interface Timed {
  readonly bytes: number;
  readonly seconds: number;
  /** Node's CPU (user + system) during the platform's retrieval, s. */
  readonly cpu?: { user: number; system: number };
  /** The platform's series metadata request, which the ingest needs first and curl does not make. */
  readonly metadataSeconds?: number;
}

async function platformRetrieval(archive: DicomWebArchive, series: SeriesLocator): Promise<Timed> {
  let start = performance.now();
  const metadata = await archive.seriesMetadata(series);
  const metadataSeconds = (performance.now() - start) / 1000;
  start = performance.now();
  const cpuStart = process.cpuUsage();
  const sizes = await mapSeriesInstances(series, metadata, instanceLoader(archive), (bytes) => bytes.byteLength);
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  return { bytes: sizes.reduce((a, b) => a + b, 0), seconds, metadataSeconds, cpu: { user: cpu.user / 1e6, system: cpu.system / 1e6 } };
}

const RAM_FILE = "/dev/shm/radiogenomics-bench-ingest.multipart";

/** curl into `output`: /dev/null, or a file in RAM (removed after). */
async function curlRetrieval(url: string, output = "/dev/null"): Promise<Timed> {
  const { stdout } = await run("curl", ["-sf", "-o", output, "-H", `Accept: ${ACCEPT}`, "-w", "%{size_download} %{time_total}", url]);
  if (output !== "/dev/null") rmSync(output, { force: true });
  const [bytes, seconds] = stdout.trim().split(" ").map(Number);
  return { bytes: bytes!, seconds: seconds! };
}

const rate = (t: Timed) => t.bytes / MB / t.seconds;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function throughput(url: string, series: SeriesLocator): Promise<void> {
  const archive = new DicomWebArchive({ url });
  const seriesUrl = archive.seriesUrl(series);
  const ram = existsSync("/dev/shm") ? RAM_FILE : undefined;
  await platformRetrieval(archive, series); // warm-up of each (and of Orthanc's disk cache)
  await curlRetrieval(seriesUrl);
  if (ram) await curlRetrieval(seriesUrl, ram);
  const platform: number[] = [];
  const curl: number[] = [];
  const curlRam: number[] = [];
  const cpuPerMb: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const p = await platformRetrieval(archive, series);
    const c = await curlRetrieval(seriesUrl);
    const m = ram ? await curlRetrieval(seriesUrl, ram) : undefined;
    platform.push(rate(p));
    curl.push(rate(c));
    if (m) curlRam.push(rate(m));
    cpuPerMb.push(((p.cpu!.user + p.cpu!.system) * 1000) / (p.bytes / MB));
    console.log(
      `  run ${r + 1}: platform ${(p.bytes / MB).toFixed(1)} MB in ${p.seconds.toFixed(2)} s (+ metadata ${p.metadataSeconds!.toFixed(2)} s; Node CPU user ${p.cpu!.user.toFixed(2)} s, system ${p.cpu!.system.toFixed(2)} s), ` +
        `curl ${(c.bytes / MB).toFixed(1)} MB in ${c.seconds.toFixed(2)} s${m ? `, curl to RAM ${m.seconds.toFixed(2)} s` : ""}`,
    );
  }
  const ratio = median(platform) / median(curl);
  console.log(`series retrieval (median of ${RUNS}): platform ${median(platform).toFixed(1)} MB/s, curl ${median(curl).toFixed(1)} MB/s, ratio ${ratio.toFixed(2)} (aim ≥ 0.8)`);
  if (ram) console.log(`  against curl keeping the bytes in RAM: ${median(curlRam).toFixed(1)} MB/s, ratio ${(median(platform) / median(curlRam)).toFixed(2)}`);
  console.log(`  platform Node CPU: ${median(cpuPerMb).toFixed(2)} ms per MB (median), against ${((1000 / median(platform))).toFixed(2)} ms of wall time per MB`);
}

async function peakMemory(url: string, ref: object): Promise<void> {
  const child = fileURLToPath(new URL("./ingest-memory.child.js", import.meta.url));
  const { stdout } = await run(process.execPath, [child, JSON.stringify({ url, ref })], { maxBuffer: 1 << 20 });
  const m = JSON.parse(stdout) as { size: number[]; volumeBytes: number; maskBytes: number; maskVoxels: number; rssIncrease: number; heapArrayBuffersIncrease: number };
  const own = (bytes: number) => `${(bytes / MB).toFixed(0)} MB = ${(bytes / m.volumeBytes).toFixed(2)}× the volume`;
  console.log(`volume + mask ${m.size.join("×")}: volume ${(m.volumeBytes / MB).toFixed(0)} MB (Float32), mask ${(m.maskBytes / MB).toFixed(0)} MB, ${m.maskVoxels} mask voxels`);
  console.log(`peak memory above baseline: RSS ${own(m.rssIncrease)}; heap + ArrayBuffers ${own(m.heapArrayBuffersIncrease)} (aim < 3×)`);
}

/** Generates and STOWs the series; returns only its UIDs, so the files' 150 MB are garbage before timing starts. */
async function seed(url: string): Promise<{ studyUid: string; seriesUid: string; segSeriesUid: string; segSopInstanceUid: string }> {
  let start = performance.now();
  const series = benchSeries(SLICES);
  console.log(`generated 512×512×${SLICES} CT + SEG in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  start = performance.now();
  await seedBenchSeries(url, series);
  console.log(`STOWed into ${url} in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return { studyUid: series.ct.context.studyUid, seriesUid: series.ct.seriesUid, segSeriesUid: series.seg.seriesUid, segSopInstanceUid: series.seg.sopInstanceUid };
}

async function main(): Promise<void> {
  const url = process.env.ORTHANC_URL;
  if (!url) throw new Error("set ORTHANC_URL, e.g. http://127.0.0.1:8042/dicom-web (bash scripts/orthanc.sh start)");
  const { studyUid, seriesUid, segSeriesUid, segSopInstanceUid } = await seed(url);
  await throughput(url, { studyUid, seriesUid });
  await peakMemory(url, { seriesUid, studyUid, segmentationType: "SEG", segmentationSeriesUid: segSeriesUid, segmentationSopInstanceUid: segSopInstanceUid, segmentNumber: 1 });
}

await main();
