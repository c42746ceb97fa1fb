// bench/models-survival: 500 patients × 200 features (3 planted), univariate Cox (Efron) over every
// feature and ridge-penalised Cox 5-fold CV over a penalizer grid — ours against lifelines doing the same
// on the same data, the SAME folds and grid, in the same run (bench/python/lifelines_survival_bench.py).
// Run: npm run bench:models-survival  (BENCH_PYTHON=/opt/rgpy/bin/python; BENCH_PENALIZERS=count)
import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { penalisedCoxCv, univariateCox } from "../compute/models/survival/index.js";
import { SeededRandom } from "../compute/seeded-random.js";

const N = Number(process.env.BENCH_PATIENTS ?? 500);
const P = Number(process.env.BENCH_FEATURES ?? 200);
const PYTHON = process.env.BENCH_PYTHON ?? "/opt/rgpy/bin/python";
const COUNT = Number(process.env.BENCH_PENALIZERS ?? 5);
const penalizers = Array.from({ length: COUNT }, (_, i) => 10 ** (-0.5 - (2.5 * i) / Math.max(1, COUNT - 1)));

const rng = new SeededRandom(2026);
const X = { rows: N, cols: P, data: new Float64Array(N * P) };
const time = new Float64Array(N), event = new Uint8Array(N);
for (let i = 0; i < N; i++) {
  let eta = 0;
  for (let j = 0; j < P; j++) { const v = rng.normal(); X.data[i * P + j] = v; if (j < 3) eta += 0.5 * v; }
  const t = -Math.log(Math.max(rng.next(), 1e-12)) * 24 * Math.exp(-eta), c = -Math.log(Math.max(rng.next(), 1e-12)) * 36;
  time[i] = Math.max(1, Math.round(Math.min(t, c))); // whole months: tied times
  event[i] = t <= c ? 1 : 0;
}
const data = { time, event };

let start = performance.now();
const uni = univariateCox(X, data);
const uniSeconds = (performance.now() - start) / 1000;
start = performance.now();
const cv = penalisedCoxCv(X, data, { seed: 1, folds: 5, penalizers, l1Ratio: 0 });
const cvSeconds = (performance.now() - start) / 1000; // includes the final refit on all rows (lifelines side does not)

const dir = await mkdtemp(path.join(os.tmpdir(), "bench-surv-"));
const file = path.join(dir, "data.json");
const rows = Array.from({ length: N }, (_, i) => Array.from(X.data.subarray(i * P, (i + 1) * P)));
await writeFile(file, JSON.stringify({ X: rows, T: Array.from(time), E: Array.from(event), folds: cv.foldTestIndices.map((f) => Array.from(f)), penalizers, l1Ratio: 0 }));
const script = fileURLToPath(new URL("../../bench/python/lifelines_survival_bench.py", import.meta.url));
const py = spawnSync(PYTHON, [script, file], { encoding: "utf8", maxBuffer: 1 << 26 });
await rm(dir, { recursive: true, force: true });
if (py.status !== 0) throw new Error(`lifelines side failed: ${py.stderr}`);
const ref = JSON.parse(py.stdout) as { univariateSeconds: number; univariateCoefficients: number[]; cvSeconds: number; cvConcordance: number[] };

// lifelines stops at its default precision (‖Δβ‖ < 1e-7 on the standardised scale); ours at 1e-10, so compare absolutely
const maxAbs = Math.max(...uni.map((r, j) => Math.abs(r.coefficient - ref.univariateCoefficients[j]!)));
const cDiff = Math.max(...cv.cvConcordance.map((c, l) => Math.abs(c - ref.cvConcordance[l]!)));
console.log(`size: ${N} patients × ${P} features, ${event.reduce((a, b) => a + b, 0)} events; CV: 5 folds (stratified on event) × ${COUNT} ridge penalizers`);
console.log(`univariate Cox ×${P}: ours ${uniSeconds.toFixed(3)} s, lifelines ${ref.univariateSeconds.toFixed(3)} s, ratio ${(uniSeconds / ref.univariateSeconds).toFixed(3)}× (max |Δβ| ${maxAbs.toExponential(2)})`);
console.log(`penalised Cox CV: ours ${cvSeconds.toFixed(3)} s, lifelines ${ref.cvSeconds.toFixed(3)} s, ratio ${(cvSeconds / ref.cvSeconds).toFixed(3)}× (max |ΔC| per penalizer ${cDiff.toExponential(2)}; chosen ${cv.chosenPenalizer.toPrecision(3)}, CV C ${cv.concordance.toFixed(4)})`);
