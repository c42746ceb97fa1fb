// The scale plan's rows (bench/scale-plan.ts) follow from its inputs as stated in ingest/jobs/SCALE.md: the
// store from the measured bytes per series and per value, Redis from the bytes per queued task, the proxy
// column at the rate limit's bound (overhead + (lesions × requests − burst) / rate, then one lesion's work), and the
// mirrored column at the workers' bound when Neo4j's writers keep up. Fixed inputs, no clock.
import { describe, expect, it } from "vitest";
import { ASSUMPTIONS, planRow, STORE_BYTES } from "../../bench/scale-plan.js";
import type { MeasuredFigures } from "../../bench/scale-model.js";

const figures = {
  valuesPerLesion: 500, workerSecondsPerLesion: 0.5, queueOverheadSeconds: 0.01, storeCpuPerLesion: 0.05,
  redisBytesPerQueuedTask: 1500, ingestSeriesPerSecond: 2000,
} as MeasuredFigures;

describe("scale plan rows", () => {
  // As many Neo4j writers as worker slots: no task waits to write, so the mirrored makespan is exact.
  const d = { series: 1e5, workers: 10, neo4jCores: 10 };
  const row = planRow(figures, d);
  const lesions = 1e5 * ASSUMPTIONS.lesionsPerSeries;

  it("sizes the store, page cache and Redis from the measured bytes", () => {
    expect(row.lesions).toBe(lesions);
    const bytes = 1e5 * STORE_BYTES.perSeries + lesions * 500 * STORE_BYTES.perFeatureValue;
    expect(row.storeGB).toBeCloseTo(bytes / 1e9, 12);
    expect(row.pageCacheGB).toBeCloseTo((1.2 * bytes) / 1e9, 12);
    expect(row.redisMB).toBeCloseTo((lesions * 1500) / 1e6, 12);
  });

  it("metadata ingest: pages written one after another at the measured rate", () => {
    expect(row.ingestHours).toBeCloseTo(1e5 / 2000 / 3600, 9);
    expect(row.ingestBound).toBe("store");
  });

  it("features through the proxy: the rate limit's bound; mirrored: ceil(lesions / workers) lesions per slot", () => {
    const { requestsPerSecond, burst } = ASSUMPTIONS.proxy;
    const lastTokens = (lesions * ASSUMPTIONS.requestsPerLesion - burst) / requestsPerSecond;
    // The bucket is full when the first request comes (after the queue's overhead), tokens accrue from then; the
    // last lesion then computes (its time less overhead and store share) and writes.
    expect(row.featureHoursProxy * 3600).toBeCloseTo(0.01 + lastTokens + (0.5 - 0.01 - 0.05) + 0.05, 6);
    expect(row.featureHoursMirror * 3600).toBeCloseTo(Math.ceil(lesions / 10) * 0.5, 6);
    expect(row.mirrorBound).toBe("workers");
  });
});
