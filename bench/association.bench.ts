// bench/association: the feature × gene Spearman matrix with p-values and BH q-values for
// 100 features × 20,000 genes × 500 patients (the reference size), as correlations/s and the
// GFLOP/s of its dense rank-product kernel (2·F·G·n flops); and the same correlations computed by
// numpy (ranks by double argsort, standardise, one matmul) on the same data in the same run, when a
// Python with numpy is found (BENCH_PYTHON, default python3). Run: npm run bench:association
import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { SeededRandom } from "../compute/seeded-random.js";
import { averageRanks, benjaminiHochberg, matrix, multiplyABt, spearmanMatrix } from "../compute/stats/index.js";

const F = Number(process.env.BENCH_FEATURES ?? 100);
const G = Number(process.env.BENCH_GENES ?? 20_000);
const N = Number(process.env.BENCH_PATIENTS ?? 500);
const PYTHON = process.env.BENCH_PYTHON ?? "python3";

function randomMatrix(rows: number, seed: number): Float64Array {
  const rng = new SeededRandom(seed);
  const data = new Float64Array(rows * N);
  for (let i = 0; i < data.length; i++) data[i] = rng.normal();
  return data;
}

/** Ranks of each row, centred and scaled to unit norm: their dot products are Spearman's rho. */
function standardisedRanks(data: Float64Array, rows: number): Float64Array {
  const out = new Float64Array(rows * N);
  for (let r = 0; r < rows; r++) {
    const { ranks } = averageRanks(data.subarray(r * N, (r + 1) * N));
    const mean = (N + 1) / 2;
    let norm = 0;
    for (let i = 0; i < N; i++) norm += (ranks[i]! - mean) ** 2;
    const scale = 1 / Math.sqrt(norm);
    for (let i = 0; i < N; i++) out[r * N + i] = (ranks[i]! - mean) * scale;
  }
  return out;
}

const features = randomMatrix(F, 1);
const genes = randomMatrix(G, 2);

let start = performance.now();
const result = spearmanMatrix(matrix(F, N, features), matrix(G, N, genes));
const spearmanSeconds = (performance.now() - start) / 1000;
start = performance.now();
benjaminiHochberg(result.p);
const bhSeconds = (performance.now() - start) / 1000;

const fr = standardisedRanks(features, F);
const gr = standardisedRanks(genes, G);
const product = new Float64Array(F * G);
start = performance.now();
multiplyABt(fr, F, gr, G, N, product);
const kernelSeconds = (performance.now() - start) / 1000;
const flops = 2 * F * G * N;

console.log(`size: ${F} features × ${G.toLocaleString("en")} genes × ${N} patients = ${(F * G).toLocaleString("en")} correlations`);
console.log(`ours   Spearman rho + p (ranks, product, t-test): ${spearmanSeconds.toFixed(2)} s = ${Math.round((F * G) / spearmanSeconds).toLocaleString("en")} correlations/s; BH q-values ${bhSeconds.toFixed(2)} s`);
console.log(`ours   rank-product kernel alone: ${kernelSeconds.toFixed(2)} s = ${(flops / kernelSeconds / 1e9).toFixed(2)} GFLOP/s`);

const script = `
import sys, time, numpy as np
F, G, N = ${F}, ${G}, ${N}
d = sys.argv[1]
f = np.fromfile(d + "/f.bin").reshape(F, N); g = np.fromfile(d + "/g.bin").reshape(G, N)
t = time.perf_counter()
def std_ranks(x):
    r = x.argsort(axis=1).argsort(axis=1).astype(np.float64) + 1  # continuous data: no ties
    r -= (N + 1) / 2
    return r / np.linalg.norm(r, axis=1, keepdims=True)
rho = std_ranks(f) @ std_ranks(g).T
total = time.perf_counter() - t
fr, gr = std_ranks(f), std_ranks(g)
t = time.perf_counter(); fr @ gr.T; kernel = time.perf_counter() - t
rho.tofile(d + "/rho.bin")
print(total, kernel, np.__version__)
`;
const probe = spawnSync(PYTHON, ["-c", "import numpy"], { encoding: "utf8" });
if (probe.status !== 0) {
  console.log(`numpy  skipped: '${PYTHON}' cannot import numpy (set BENCH_PYTHON to a Python with numpy)`);
} else {
  const dir = await mkdtemp(path.join(os.tmpdir(), "rg-bench-assoc-"));
  try {
    await writeFile(path.join(dir, "f.bin"), features);
    await writeFile(path.join(dir, "g.bin"), genes);
    const run = spawnSync(PYTHON, ["-c", script, dir], { encoding: "utf8" });
    if (run.status !== 0) throw new Error(run.stderr);
    const [total, kernel, version] = run.stdout.trim().split(" ");
    const theirs = new Float64Array((await readFile(path.join(dir, "rho.bin"))).buffer.slice(0));
    let maxDiff = 0;
    for (let i = 0; i < theirs.length; i++) maxDiff = Math.max(maxDiff, Math.abs(theirs[i]! - result.rho[i]!));
    console.log(`numpy ${version} rho only (ranks + matmul): ${Number(total).toFixed(2)} s; kernel alone ${Number(kernel).toFixed(2)} s = ${(flops / Number(kernel) / 1e9).toFixed(2)} GFLOP/s`);
    console.log(`ratio  ours (rho + p) / numpy (rho only): ${(spearmanSeconds / Number(total)).toFixed(2)}×; kernel ours / numpy: ${(kernelSeconds / Number(kernel)).toFixed(2)}×; max |Δrho| ${maxDiff.toExponential(1)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
