// bench/models-pool: the same 500 × 200 fits inline and on the model worker pool (ModelRunners), one at
// a time (pool overhead: cloning inputs, transferring results) and two at once (what two requests get).
import { performance } from "node:perf_hooks";
import { ModelWorkerPool } from "../ingest/analysis/model-worker-pool.js";
import { inlineModelRunners, type ModelRunners } from "../ingest/analysis/model-runners.js";
import { SeededRandom } from "../compute/seeded-random.js";
import { matrix } from "../compute/stats/matrix.js";

const N = Number(process.env.BENCH_PATIENTS ?? 500);
const P = Number(process.env.BENCH_FEATURES ?? 200);
const rng = new SeededRandom(2026);
const X = matrix(N, P, Float64Array.from({ length: N * P }, () => rng.normal()));
const y = Uint8Array.from({ length: N }, (_, i) => (rng.next() < 1 / (1 + Math.exp(-0.6 * (X.data[i * P]! + X.data[i * P + 1]!))) ? 1 : 0));
const time = Float64Array.from({ length: N }, (_, i) => Math.max(1, Math.round(-Math.log(Math.max(rng.next(), 1e-12)) * 24 * Math.exp(-0.5 * X.data[i * P]!))));
const event = Uint8Array.from({ length: N }, () => (rng.next() < 0.7 ? 1 : 0));
const survival = { time, event };
const batch = Array.from({ length: N }, (_, i) => ["GE", "Philips", "Siemens", "Toshiba"][i % 4]!);
const features = matrix(P, N, Float64Array.from({ length: N * P }, (_, k) => X.data[(k % N) * P + Math.floor(k / N)]!));

const fits: Array<[string, (r: ModelRunners) => Promise<unknown>]> = [
  ["nested-CV L1 logistic 5×5, 50 λ", (r) => r.nestedCrossValidatedLogistic(X, y, { seed: 1, outerFolds: 5, innerFolds: 5, lambdaCount: 50, l1Ratio: 1 })],
  ["univariate Cox, all features", (r) => r.univariateCox(X, survival)],
  ["penalised Cox CV, 5 folds × 5 penalizers", (r) => r.penalisedCoxCv(X, survival, { seed: 1, folds: 5, penalizers: [0.3, 0.1, 0.03, 0.01, 0.003] })],
  ["ComBat parametric", (r) => r.combat(features, batch)],
];

async function seconds(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return (performance.now() - start) / 1000;
}

const pool = new ModelWorkerPool();
console.log(`\n== inline vs model worker pool (${pool.size} workers), ${N} × ${P} ==`);
for (const [name, fit] of fits) {
  const inline = await seconds(() => fit(inlineModelRunners));
  const pooled = await seconds(() => fit(pool.runners()));
  const twoInline = await seconds(async () => { await fit(inlineModelRunners); await fit(inlineModelRunners); });
  const twoPooled = await seconds(() => Promise.all([fit(pool.runners()), fit(pool.runners())]));
  console.log(`${name.padEnd(42)} inline ${inline.toFixed(2)} s  pool ${pooled.toFixed(2)} s (${(pooled / inline).toFixed(2)}×)  two fits: inline ${twoInline.toFixed(2)} s, pool ${twoPooled.toFixed(2)} s (${(twoPooled / twoInline).toFixed(2)}×)`);
}
await pool.close();
