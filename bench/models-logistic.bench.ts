// bench/models-logistic: nested-CV L1 logistic regression, 500 patients × 200 features (5 planted),
// 5 outer × 5 inner stratified folds, 50 λ — ours against scikit-learn doing the same nested
// procedure in the same run on the same data and the SAME folds (our recorded outer and inner
// splits are handed to Python): per outer fold StandardScaler + LogisticRegressionCV(penalty l1,
// Cs = our fold's λ path as C = 1/(n_inner·λ), cv = our inner splits, scoring = neg_log_loss,
// refit on the outer training rows), solver saga (the same objective) and liblinear (sklearn's
// fastest L1 solver; it also penalises the intercept), then the pooled out-of-fold AUC. sklearn cannot
// re-standardise inside its inner folds (StandardScaler is fitted on the outer training rows; ours
// standardises each inner training part), so an occasional neighbouring λ choice is expected.
// Run: npm run bench:models  (BENCH_PYTHON=/opt/rgpy/bin/python; BENCH_SOLVERS=saga,liblinear)
import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { nestedCrossValidatedLogistic } from "../compute/models/logistic/index.js";
import { SeededRandom } from "../compute/seeded-random.js";

const N = Number(process.env.BENCH_PATIENTS ?? 500);
const P = Number(process.env.BENCH_FEATURES ?? 200);
const PYTHON = process.env.BENCH_PYTHON ?? "python3";
const SOLVERS = (process.env.BENCH_SOLVERS ?? "saga,liblinear").split(",");

const rng = new SeededRandom(2026);
const X = { rows: N, cols: P, data: new Float64Array(N * P) };
const y = new Uint8Array(N);
for (let i = 0; i < N; i++) {
  let eta = 0;
  for (let j = 0; j < P; j++) {
    const v = rng.normal();
    X.data[i * P + j] = v;
    if (j < 5) eta += 0.6 * v;
  }
  y[i] = rng.next() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
}

const start = performance.now();
const ours = nestedCrossValidatedLogistic(X, y, { seed: 1, outerFolds: 5, innerFolds: 5, lambdaCount: 50, l1Ratio: 1 });
const oursSeconds = (performance.now() - start) / 1000;
console.log(`size: ${N} patients × ${P} features, nested CV 5 outer × 5 inner folds, 50 λ, L1 (+ final refit with its own 5-fold CV)`);
console.log(`ours    ${oursSeconds.toFixed(2)} s  pooled out-of-fold AUC ${ours.auc.toFixed(4)} [${ours.ci95.map((v) => v.toFixed(3)).join(", ")}], chosen λ per fold ${ours.folds.map((f) => f.chosenLambda.toPrecision(3)).join(" ")}`);

const script = `
import sys, json, time, warnings
import numpy as np, sklearn
from sklearn.linear_model import LogisticRegressionCV
from sklearn.preprocessing import StandardScaler
from sklearn.metrics import roc_auc_score
warnings.filterwarnings("ignore")
d = json.load(open(sys.argv[1]))
X = np.array(d["X"]).reshape(d["n"], d["p"]); y = np.array(d["y"])
out = {"version": sklearn.__version__}
for solver in d["solvers"]:
    t = time.perf_counter()
    oof = np.zeros(len(y)); chosen = []
    for f in d["folds"]:
        tr = np.array(f["train"]); te = np.array(f["test"])
        pos = {r: k for k, r in enumerate(tr)}
        inner = []
        for held in f["inner"]:
            h = np.array([pos[r] for r in held]); mask = np.ones(len(tr), bool); mask[h] = False
            inner.append((np.where(mask)[0], h))
        n_inner = len(tr) - len(tr) / len(inner)
        Cs = 1.0 / (n_inner * np.array(f["lambdas"]))
        sc = StandardScaler().fit(X[tr])
        m = LogisticRegressionCV(Cs=Cs, penalty="l1", solver=solver, cv=inner, scoring="neg_log_loss", random_state=0)
        m.fit(sc.transform(X[tr]), y[tr])
        oof[te] = m.decision_function(sc.transform(X[te])); chosen.append(1.0 / (n_inner * float(m.C_[0])))
    out[solver] = {"seconds": time.perf_counter() - t, "auc": float(roc_auc_score(y, oof)), "chosen": chosen}
print(json.dumps(out))
`;

const probe = spawnSync(PYTHON, ["-c", "import sklearn"], { encoding: "utf8" });
if (probe.status !== 0) {
  console.log(`sklearn skipped: '${PYTHON}' cannot import sklearn (set BENCH_PYTHON to a Python with scikit-learn)`);
} else {
  const dir = await mkdtemp(path.join(os.tmpdir(), "rg-bench-models-"));
  try {
    const input = path.join(dir, "input.json");
    const folds = ours.folds.map((f) => ({
      train: Array.from(f.trainIndices),
      test: Array.from(f.testIndices),
      inner: f.innerTestIndices.map((t) => Array.from(t)),
      lambdas: Array.from(f.lambdaPath),
    }));
    await writeFile(input, JSON.stringify({ n: N, p: P, X: Array.from(X.data), y: Array.from(y), folds, solvers: SOLVERS }));
    const run = spawnSync(PYTHON, ["-c", script, input], { encoding: "utf8", maxBuffer: 1 << 26 });
    if (run.status !== 0) throw new Error(run.stderr);
    const theirs = JSON.parse(run.stdout) as Record<string, { seconds: number; auc: number; chosen: number[] }> & { version: string };
    for (const solver of SOLVERS) {
      const r = theirs[solver]!;
      console.log(`sklearn ${theirs.version} ${solver.padEnd(9)} ${r.seconds.toFixed(2)} s  pooled out-of-fold AUC ${r.auc.toFixed(4)}, chosen λ per fold ${r.chosen.map((v) => v.toPrecision(3)).join(" ")}`);
      console.log(`ratio   ours / sklearn ${solver}: ${(oursSeconds / r.seconds).toFixed(2)}× (ours includes the final refit's CV, sklearn does not)`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
