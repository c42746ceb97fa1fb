// bench/scale-plan: the scale plan's table (ingest/jobs/SCALE.md) from the figures bench/scale measured,
// by simulation (bench/scale-model.ts): for 10^3, 10^5 and 10^6 series, the metadata ingest (QIDO pages
// through the upstream limit into Neo4j) and the feature job (one task per lesion through the queue, N
// workers, Neo4j's writers, images through IDC's per-IP rate limit or from a mirror), the Neo4j store and
// page cache, Redis memory with every task queued, and what bounds each.
// Run: npm run bench:scale-plan [-- figures.json]   (default bench/scale-figures.json, the committed run)
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { boundOf, simulateJob, taskCostsOf, type JobModel, type MeasuredFigures } from "./scale-model.js";

/** Neo4j store bytes, measured with `du` on a fresh store after a clean stop (SCALE.md says how). */
export const STORE_BYTES = {
  /** bench:scale-ingest, 10^5 series (with their 10^4 patients and studies): 48.5 MB. */
  perSeries: 485,
  /** bench:scale, 72 lesions × 487 values (HAS_FEATURE edges with value and provenance): 10.1 MB. */
  perFeatureValue: 288,
};

/** Assumptions of the plan, not measurements (SCALE.md discusses each). */
export const ASSUMPTIONS = {
  /** Segmented lesions per series (most series of a study are localisers, other phases, other sequences). */
  lesionsPerSeries: 0.1,
  /** Feature settings asked per lesion (each one more is one more task per lesion). */
  settingsPerLesion: 1,
  /**
   * DICOMweb requests per lesion, read off ingest/dicomweb (not counted by the bench): locate, metadata and bytes
   * of the SEG and of its image series, the series as one WADO-RS request (one per slice where a server cannot).
   */
  requestsPerLesion: 6,
  /** IDC's proxy, as this platform's default limiter treats it (RG_UPSTREAM_RPS / RG_UPSTREAM_BURST). */
  proxy: { requestsPerSecond: 5, burst: 10 },
  seriesPerQidoPage: 1000,
};

export interface Deployment {
  readonly series: number;
  /** Worker slots (processes × --concurrency, one per core). */
  readonly workers: number;
  /** Neo4j cores: writes it runs at once. */
  readonly neo4jCores: number;
}

export const DEPLOYMENTS: readonly Deployment[] = [
  { series: 1e3, workers: 2, neo4jCores: 2 },
  { series: 1e5, workers: 16, neo4jCores: 8 },
  { series: 1e6, workers: 64, neo4jCores: 16 },
];

export interface PlanRow {
  readonly deployment: Deployment;
  readonly lesions: number;
  readonly storeGB: number;
  readonly pageCacheGB: number;
  readonly redisMB: number;
  readonly ingestHours: number;
  readonly ingestBound: string;
  readonly featureHoursMirror: number;
  readonly mirrorBound: string;
  readonly featureHoursProxy: number;
}

export function planRow(f: MeasuredFigures, d: Deployment): PlanRow {
  const lesions = Math.round(d.series * ASSUMPTIONS.lesionsPerSeries * ASSUMPTIONS.settingsPerLesion);
  const values = lesions * f.valuesPerLesion;
  const storeBytes = d.series * STORE_BYTES.perSeries + values * STORE_BYTES.perFeatureValue;
  // Metadata: one task per QIDO page, one writer (2 page writes in flight were slower: bench/scale-ingest); the
  // measured rate (fetch + parse + write of a page) is all charged to the store, the one resource pages share.
  const ingest: JobModel = {
    tasks: Math.ceil(d.series / ASSUMPTIONS.seriesPerQidoPage), workers: 2, overheadSeconds: 0, workerSeconds: 0,
    storeSeconds: ASSUMPTIONS.seriesPerQidoPage / f.ingestSeriesPerSecond, upstream: { requestsPerTask: 1, ...ASSUMPTIONS.proxy },
  };
  // Neo4j's write time scales down with its cores; the worker's share is the measured lesion time less the store's.
  const features: JobModel = { tasks: lesions, workers: d.workers, storeWriters: d.neo4jCores, ...taskCostsOf(f) };
  const viaProxy: JobModel = { ...features, upstream: { requestsPerTask: ASSUMPTIONS.requestsPerLesion, ...ASSUMPTIONS.proxy } };
  const hours = (m: JobModel) => simulateJob(m).makespanSeconds / 3600;
  return {
    deployment: d, lesions,
    storeGB: storeBytes / 1e9, pageCacheGB: (1.2 * storeBytes) / 1e9, redisMB: (lesions * f.redisBytesPerQueuedTask) / 1e6,
    ingestHours: hours(ingest), ingestBound: boundOf(ingest),
    featureHoursMirror: hours(features), mirrorBound: boundOf(features),
    featureHoursProxy: hours(viaProxy),
  };
}

const n = (x: number, digits = 2): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toPrecision(digits));

export function planTable(f: MeasuredFigures): string {
  const rows = DEPLOYMENTS.map((d) => planRow(f, d));
  const header = "| series | lesions (×1 setting) | workers | Neo4j cores | Neo4j store / page cache (GB) | Redis, all tasks queued (MB) | metadata ingest (h) | features, images mirrored (h) | bound | features, images via IDC proxy (h) |";
  const lines = rows.map((r) =>
    `| ${r.deployment.series.toExponential(0)} | ${r.lesions} | ${r.deployment.workers} | ${r.deployment.neo4jCores} | ${n(r.storeGB)} / ${n(r.pageCacheGB)} | ${n(r.redisMB)} | ${n(r.ingestHours)} (${r.ingestBound}) | ${n(r.featureHoursMirror)} | ${r.mirrorBound} | ${n(r.featureHoursProxy)} (upstream) |`);
  return [header, `|${"---|".repeat(10)}`, ...lines].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2] ?? fileURLToPath(new URL("../../bench/scale-figures.json", import.meta.url));
  const figures = JSON.parse(readFileSync(file, "utf8")) as MeasuredFigures;
  console.log(`figures: ${file} (measured ${figures.measuredAt}, load ${figures.load}, ${figures.cores} cores)`);
  console.log(planTable(figures));
}
