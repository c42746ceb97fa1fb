// bench/association: the feature × gene Spearman matrix with p-values and BH q-values for
// 100 features × 20,000 genes × 500 patients (the reference size), end to end and stage by
// stage (ranks, product, p, BH), ours against numpy + scipy on the same matrices in the same run
// (bench/python/association_bench.py: rankdata, matmul, stdtr, false_discovery_control).
// Ours runs twice: in-process on one thread, and over the association worker pool's runner (warm: a server
// keeps its pool; `serve` gives the association service this same runner). Stage figures of the pool are CPU seconds summed over its workers; totals are wall time.
// Also the rank-product kernel alone (2·F·G·n flops) against numpy's matmul alone.
// Run: npm run bench:association  (BENCH_PYTHON=/opt/rgpy/bin/python; BENCH_FEATURES/GENES/PATIENTS/WORKERS)
import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { SeededRandom } from "../compute/seeded-random.js";
import { averageRanks, multiplyABt, type Matrix } from "../compute/stats/index.js";
import { int16ProductAvailable, multiplyABtInt16 } from "../compute/stats/int16-rank-product.js";
import { inlineSpearmanWithQ, type AssociationStageTimes, type SpearmanWithQ } from "../ingest/analysis/association-runner.js";
import { AssociationWorkerPool } from "../ingest/analysis/association-worker-pool.js";

const F = Number(process.env.BENCH_FEATURES ?? 100);
const G = Number(process.env.BENCH_GENES ?? 20_000);
const N = Number(process.env.BENCH_PATIENTS ?? 500);
const WORKERS = Number(process.env.BENCH_WORKERS ?? os.availableParallelism());
const PYTHON = process.env.BENCH_PYTHON ?? "/opt/rgpy/bin/python";

/** Standard normal rows on a SharedArrayBuffer (what the pool reads without a copy). */
function randomMatrix(rows: number, seed: number): Matrix {
  const rng = new SeededRandom(seed);
  const data = new Float64Array(new SharedArrayBuffer(rows * N * 8));
  for (let i = 0; i < data.length; i++) data[i] = rng.normal();
  return { rows, cols: N, data };
}

/** Doubled centred ranks 2r − (n+1) of each row (integers): what the Spearman kernel multiplies. */
function centredRanks(data: Float64Array, rows: number): Float64Array {
  const out = new Float64Array(rows * N);
  for (let r = 0; r < rows; r++) {
    const { ranks } = averageRanks(data.subarray(r * N, (r + 1) * N));
    for (let i = 0; i < N; i++) out[r * N + i] = 2 * ranks[i]! - (N + 1);
  }
  return out;
}

const zeroStages = (): AssociationStageTimes => ({ ranks: 0, product: 0, p: 0, bh: 0 });
const s = (x: number): string => x.toFixed(3);
const stageLine = (t: AssociationStageTimes): string => `ranks ${s(t.ranks)}  product ${s(t.product)}  p ${s(t.p)}  BH ${s(t.bh)}`;

const features = randomMatrix(F, 1);
const genes = randomMatrix(G, 2);
console.log(`size: ${F} features × ${G.toLocaleString("en")} genes × ${N} patients = ${(F * G).toLocaleString("en")} correlations; load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);

// ours, one thread
const inlineStages = zeroStages();
let start = performance.now();
const inline = await inlineSpearmanWithQ(features, genes, { stages: inlineStages });
const inlineSeconds = (performance.now() - start) / 1000;
console.log(`ours   1 thread      rho + p + BH ${s(inlineSeconds)} s wall   (${stageLine(inlineStages)})`);

// ours, worker pool (started and warmed on a small matrix first, as a server's pool is)
start = performance.now();
const pool = new AssociationWorkerPool({ size: WORKERS });
await pool.spearmanWithQ({ rows: F, cols: N, data: features.data }, { rows: Math.min(G, 2048), cols: N, data: genes.data.subarray(0, Math.min(G, 2048) * N) });
const warmSeconds = (performance.now() - start) / 1000;
const poolStages = zeroStages();
start = performance.now();
const pooled: SpearmanWithQ = await pool.runner()(features, genes, { stages: poolStages }); // what AssociationService calls under `serve`
const poolSeconds = (performance.now() - start) / 1000;
await pool.close();
console.log(`ours   ${WORKERS} workers     rho + p + BH ${s(poolSeconds)} s wall   (CPU s over workers: ${stageLine(poolStages)}; pool start + warm-up ${s(warmSeconds)} s, not counted)`);
let poolDiff = 0;
for (let i = 0; i < F * G; i++) {
  poolDiff = Math.max(poolDiff, Math.abs(pooled.result.rho[i]! - inline.result.rho[i]!), Math.abs(pooled.result.p[i]! - inline.result.p[i]!), Math.abs(pooled.bh.q[i]! - inline.bh.q[i]!));
}
console.log(`       workers vs 1 thread: max |Δ| over rho, p, q = ${poolDiff.toExponential(1)}`);

// the kernels alone, one thread, in the blocks the Spearman kernel uses (all features × 256 genes)
const fr = centredRanks(features.data, F);
const gr = centredRanks(genes.data, G);
const product = new Float64Array(F * 256);
const timeKernel = (kernel: typeof multiplyABt): number => {
  const t0 = performance.now();
  for (let from = 0; from < G; from += 256) {
    const rows = Math.min(256, G - from);
    kernel(fr, F, gr.subarray(from * N, (from + rows) * N), rows, N, product, rows);
  }
  return (performance.now() - t0) / 1000;
};
const flops = 2 * F * G * N;
const kernelSeconds = int16ProductAvailable(N) ? timeKernel(multiplyABtInt16) : NaN;
const float64Seconds = timeKernel(multiplyABt);
console.log(`ours   rank-product kernel alone (1 thread): Int16 WebAssembly SIMD ${s(kernelSeconds)} s = ${(flops / kernelSeconds / 1e9).toFixed(2)} GFLOP/s; float64 4×4 JS ${s(float64Seconds)} s = ${(flops / float64Seconds / 1e9).toFixed(2)} GFLOP/s`);

interface PythonTimes extends AssociationStageTimes {
  total: number;
  argsortRanks: number;
  numpy: string;
  scipy: string;
}

const probe = spawnSync(PYTHON, ["-c", "import numpy, scipy"], { encoding: "utf8" });
if (probe.status !== 0) {
  console.log(`numpy  skipped: '${PYTHON}' cannot import numpy and scipy (set BENCH_PYTHON to a Python with both)`);
} else {
  const dir = await mkdtemp(path.join(os.tmpdir(), "rg-bench-assoc-"));
  try {
    await writeFile(path.join(dir, "f.bin"), features.data);
    await writeFile(path.join(dir, "g.bin"), genes.data);
    const script = fileURLToPath(new URL("../../bench/python/association_bench.py", import.meta.url));
    const run = spawnSync(PYTHON, [script, dir, String(F), String(G), String(N)], { encoding: "utf8" });
    if (run.status !== 0) throw new Error(run.stderr);
    const py = JSON.parse(run.stdout.trim()) as PythonTimes;
    const load = async (name: string) => new Float64Array((await readFile(path.join(dir, name))).buffer.slice(0));
    const [rho, p, q] = [await load("rho.bin"), await load("p.bin"), await load("q.bin")];
    let dRho = 0;
    let dP = 0;
    let dQ = 0;
    for (let i = 0; i < F * G; i++) {
      dRho = Math.max(dRho, Math.abs(rho[i]! - pooled.result.rho[i]!));
      dP = Math.max(dP, Math.abs(p[i]! - pooled.result.p[i]!) / Math.max(p[i]!, 1e-300));
      dQ = Math.max(dQ, Math.abs(q[i]! - pooled.bh.q[i]!) / Math.max(q[i]!, 1e-300));
    }
    const kernelPy = py.product;
    console.log(`numpy ${py.numpy} + scipy ${py.scipy}   rho + p + BH ${s(py.total)} s wall   (${stageLine(py)}; numpy double-argsort ranks, no ties: ${s(py.argsortRanks)})`);
    console.log(`       numpy matmul alone: ${s(kernelPy)} s = ${(flops / kernelPy / 1e9).toFixed(2)} GFLOP/s`);
    console.log(`       ours vs scipy: max |Δrho| ${dRho.toExponential(1)}, max relative |Δp| ${dP.toExponential(1)}, max relative |Δq| ${dQ.toExponential(1)}`);
    const r = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
    console.log(
      `ratio  ours / numpy+scipy end to end: workers ${r(poolSeconds, py.total)}, 1 thread ${r(inlineSeconds, py.total)}; ` +
        `per stage, 1 thread: ranks ${r(inlineStages.ranks, py.ranks)} product ${r(inlineStages.product, py.product)} p ${r(inlineStages.p, py.p)} BH ${r(inlineStages.bh, py.bh)}; kernel alone ${r(kernelSeconds, kernelPy)}`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
