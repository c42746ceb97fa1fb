// bench/features: time per IBSI family and voxels/s for spherical ROIs of 10^3 … 10^6 voxels in a
// noisy CT-like image (fixed bin number 32), and how the time grows with ROI size (the ratio of
// successive sizes; 10× the voxels should cost about 10×). Run: npm run bench:features
import { performance } from "node:perf_hooks";
import { computeFeatures } from "../compute/features/compute-features.js";
import { FEATURE_FAMILIES } from "../compute/features/types.js";
import { sphereCase } from "./sphere-case.js";
import { FeatureWorkerPool } from "../ingest/features/feature-worker-pool.js";

const SIZES = (process.env.BENCH_SIZES ?? "1000,10000,100000,1000000").split(",").map(Number);

const settings = { discretisation: { method: "fixedBinNumber", binCount: 32 } } as const;
const seconds: Record<string, number[]> = {};
console.log(`family                       ${SIZES.map((s) => `${s.toExponential(0).padStart(9)} vox`).join("  ")}   growth per 10×`);
const rois: number[] = [];
for (const size of SIZES) {
  const { volume, mask, roi } = sphereCase(size);
  rois.push(roi);
  for (const family of FEATURE_FAMILIES) {
    const start = performance.now();
    computeFeatures(volume, mask, settings, [family]);
    (seconds[family] ??= []).push((performance.now() - start) / 1000);
  }
}
for (const family of FEATURE_FAMILIES) {
  const times = seconds[family]!;
  const growth = times.slice(1).map((t, i) => (t / times[i]!).toFixed(1));
  console.log(`${family.padEnd(28)} ${times.map((t) => `${t.toFixed(3).padStart(9)} s  `).join("  ")}   ${growth.join(", ")}`);
}
const totals = SIZES.map((_, i) => FEATURE_FAMILIES.reduce((sum, f) => sum + seconds[f]![i]!, 0));
console.log(`${"all families".padEnd(28)} ${totals.map((t) => `${t.toFixed(3).padStart(9)} s  `).join("  ")}   ${totals.slice(1).map((t, i) => (t / totals[i]!).toFixed(1)).join(", ")}`);
console.log(`${"voxels/s (all families)".padEnd(28)} ${totals.map((t, i) => `${Math.round(rois[i]! / t).toLocaleString("en").padStart(11)}  `).join("  ")}`);

// Worker-pool speed-up for a cohort: 16 lesions of 3·10^4 voxels, all families, in-process one after
// another vs on a pool with one worker per core.
const COHORT = 16;
const cohortCase = () => sphereCase(30_000);
const sequentialStart = performance.now();
for (let i = 0; i < COHORT; i++) {
  const { volume, mask } = cohortCase();
  computeFeatures(volume, mask, settings);
}
const sequential = (performance.now() - sequentialStart) / 1000;
const pool = new FeatureWorkerPool();
// Warm every worker's JIT first, as the in-process code was warmed by the runs above.
await Promise.all(Array.from({ length: pool.size * 2 }, () => { const c = cohortCase(); return pool.compute(c.volume, c.mask, settings, FEATURE_FAMILIES); }));
const pooledStart = performance.now();
await Promise.all(Array.from({ length: COHORT }, () => { const { volume, mask } = cohortCase(); return pool.compute(volume, mask, settings, FEATURE_FAMILIES); }));
const pooled = (performance.now() - pooledStart) / 1000;
await pool.close();
console.log(`cohort of ${COHORT} lesions (3e4 voxels, all families): in-process ${sequential.toFixed(2)} s, worker pool (${pool.size} workers) ${pooled.toFixed(2)} s, speed-up ${(sequential / pooled).toFixed(2)}×`);
