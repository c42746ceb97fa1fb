// bench/combat: ComBat on 500 patients × 200 features in 4 scanner batches with sex and age preserved,
// parametric and non-parametric, ours beside neuroCombat on the same data in the same run (ratio
// ours / neuroCombat, below 1 = faster) and the largest difference of the adjusted values.
// neuroCombat runs when BENCH_PYTHON (default python3) can import it.
// Run: BENCH_PYTHON=/opt/rgpy/bin/python npm run bench:combat   (BENCH_FEATURES / BENCH_PATIENTS to scale)
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { combat } from "../compute/harmonisation/index.js";
import { matrix } from "../compute/stats/matrix.js";
import { SeededRandom } from "../compute/seeded-random.js";

const F = Number(process.env.BENCH_FEATURES ?? 200);
const N = Number(process.env.BENCH_PATIENTS ?? 500);
const PYTHON = process.env.BENCH_PYTHON ?? "python3";
const SCANNERS = ["GE", "Philips", "Siemens", "Toshiba"];
const REPEATS = 10;

const rng = new SeededRandom(13);
const batch = Array.from({ length: N }, () => rng.pick(SCANNERS));
const sex = Array.from({ length: N }, () => rng.pick(["F", "M"]));
const age = Float64Array.from({ length: N }, () => Math.round(rng.normal(60, 10) * 4) / 4); // exact in float32
const shift = SCANNERS.map(() => Float64Array.from({ length: F }, () => rng.normal(0, 1)));
const scale = SCANNERS.map(() => Float64Array.from({ length: F }, () => 0.5 + 2 * rng.next()));
const data = new Float64Array(F * N);
for (let f = 0; f < F; f++) {
  const base = rng.normal(5, 2);
  for (let j = 0; j < N; j++) {
    const b = SCANNERS.indexOf(batch[j]!);
    data[f * N + j] = base + shift[b]![f]! + scale[b]![f]! * rng.normal() + (sex[j] === "M" ? 0.5 : 0) + 0.02 * (age[j]! - 60);
  }
}

function time(parametric: boolean): { seconds: number; adjusted: Float64Array } {
  let best = Infinity;
  let adjusted: Float64Array = new Float64Array(0);
  for (let r = 0; r < REPEATS; r++) {
    const start = performance.now();
    adjusted = combat(matrix(F, N, data), batch, { categorical: { sex }, continuous: { age } }, { parametric }).adjusted.data;
    best = Math.min(best, (performance.now() - start) / 1000);
  }
  return { seconds: best, adjusted };
}

const ours = { parametric: time(true), nonParametric: time(false) };
console.log(`combat ${F} features × ${N} patients, ${SCANNERS.length} batches, sex + age (best of ${REPEATS})`);
console.log(`ours         parametric ${ours.parametric.seconds.toFixed(3)} s, non-parametric ${ours.nonParametric.seconds.toFixed(3)} s`);

const script = `
import sys, time, io, contextlib, numpy as np, pandas as pd
if not hasattr(np, "int"): np.int = int
from neuroCombat import neuroCombat
from importlib.metadata import version
F, N, d = ${F}, ${N}, sys.argv[1]
dat = np.fromfile(d + "/data.bin").reshape(F, N)
meta = open(d + "/covars.txt").read().split("\\n")
covars = pd.DataFrame({"batch": meta[0].split(","), "sex": meta[1].split(","), "age": np.fromfile(d + "/age.bin")})
out = []
for parametric in (True, False):
    best = 1e9
    for _ in range(${REPEATS} if parametric else 1):
        t = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            r = neuroCombat(dat=dat.copy(), covars=covars, batch_col="batch", categorical_cols=["sex"], continuous_cols=["age"], parametric=parametric)
        best = min(best, time.perf_counter() - t)
    r["data"].astype(np.float64).tofile(d + ("/param.bin" if parametric else "/nonparam.bin"))
    out.append(best)
print(out[0], out[1], version("neuroCombat"))
`;
const probe = spawnSync(PYTHON, ["-c", "import neuroCombat, pandas"], { encoding: "utf8" });
if (probe.status !== 0) {
  console.log(`neuroCombat skipped: '${PYTHON}' cannot import neuroCombat (set BENCH_PYTHON to a Python with neuroCombat 0.2.12)`);
} else {
  const dir = await mkdtemp(path.join(os.tmpdir(), "rg-bench-combat-"));
  try {
    await writeFile(path.join(dir, "data.bin"), data);
    await writeFile(path.join(dir, "age.bin"), age);
    await writeFile(path.join(dir, "covars.txt"), `${batch.join(",")}\n${sex.join(",")}`);
    const run = spawnSync(PYTHON, ["-c", script, dir], { encoding: "utf8", maxBuffer: 1 << 26 });
    if (run.status !== 0) throw new Error(run.stderr);
    const [parametricSeconds, nonParametricSeconds, version] = run.stdout.trim().split(" ");
    const maxDiff = async (file: string, mine: Float64Array) => {
      const theirs = new Float64Array((await readFile(path.join(dir, file))).buffer.slice(0));
      let worst = 0;
      for (let i = 0; i < theirs.length; i++) worst = Math.max(worst, Math.abs(theirs[i]! - mine[i]!) / Math.max(1, Math.abs(theirs[i]!)));
      return worst.toExponential(1);
    };
    console.log(`neuroCombat ${version} parametric ${Number(parametricSeconds).toFixed(3)} s, non-parametric ${Number(nonParametricSeconds).toFixed(3)} s (non-parametric: one run)`);
    console.log(
      `ratio ours / neuroCombat: parametric ${(ours.parametric.seconds / Number(parametricSeconds)).toFixed(3)}×, non-parametric ${(ours.nonParametric.seconds / Number(nonParametricSeconds)).toFixed(4)}×; ` +
        `max scaled |Δ| parametric ${await maxDiff("param.bin", ours.parametric.adjusted)}, non-parametric ${await maxDiff("nonparam.bin", ours.nonParametric.adjusted)}`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
