// bench/pyradiomics: our extractor against pyradiomics on the same ROIs in the same run, when a Python
// with pyradiomics is found (BENCH_PYTHON, default python3): time per family as ours / theirs (below 1
// means we are faster), and in pyradiomics-compatible mode (bin width 25 anchored at 0, pyradiomics
// names) the largest relative difference between the two extractors' values.
// Run: BENCH_PYTHON=/path/to/venv/bin/python npm run bench:pyradiomics
import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { computeFeatures } from "../compute/features/compute-features.js";
import { computePyradiomicsFeatures, pyradiomicsSettings } from "../compute/features/pyradiomics.js";
import type { FeatureFamily } from "../compute/features/types.js";
import { sphereCase } from "./sphere-case.js";

const SIZES = (process.env.BENCH_SIZES ?? "1000,10000,100000").split(",").map(Number);
const PYTHON = process.env.BENCH_PYTHON ?? "python3";

/** pyradiomics feature class → the IBSI families that compute the same quantities here. */
const CLASSES: Record<string, FeatureFamily[]> = {
  shape: ["morphology"],
  firstorder: ["intensity_statistics", "intensity_histogram"],
  glcm: ["glcm"],
  glrlm: ["glrlm"],
  glszm: ["glszm"],
  gldm: ["ngldm"],
  ngtdm: ["ngtdm"],
};

const SCRIPT = `
import json, sys, time, logging
import numpy as np, SimpleITK as sitk, radiomics
from radiomics import featureextractor
logging.getLogger("radiomics").setLevel(logging.ERROR)
d, n, classes = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(",")
img = sitk.GetImageFromArray(np.fromfile(d + "/image.f32", dtype=np.float32).reshape(n, n, n).astype(np.float64))
mask = sitk.GetImageFromArray(np.fromfile(d + "/mask.u8", dtype=np.uint8).reshape(n, n, n))
times, values = {}, {}
for c in classes:
    ex = featureextractor.RadiomicsFeatureExtractor(binWidth=25)
    ex.disableAllFeatures(); ex.enableFeatureClassByName(c)
    t = time.perf_counter(); r = ex.execute(img, mask); times[c] = time.perf_counter() - t
    values.update({k: float(v) for k, v in r.items() if k.startswith("original_")})
print(json.dumps({"version": radiomics.__version__, "times": times, "values": values}))
`;

const probe = spawnSync(PYTHON, ["-c", "import radiomics, SimpleITK"], { encoding: "utf8" });
if (probe.status !== 0) {
  console.log(`pyradiomics not found: '${PYTHON}' cannot import radiomics and SimpleITK (set BENCH_PYTHON)`);
  process.exit(0);
}

const settings = pyradiomicsSettings();
const dir = await mkdtemp(path.join(os.tmpdir(), "rg-bench-pyrad-"));
try {
  for (const size of SIZES) {
    const { volume, mask, roi } = sphereCase(size);
    await writeFile(path.join(dir, "image.f32"), volume.data);
    await writeFile(path.join(dir, "mask.u8"), mask.data);
    const run = spawnSync(PYTHON, ["-c", SCRIPT, dir, String(volume.geometry.size[0]), Object.keys(CLASSES).join(",")], { encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
    if (run.status !== 0) throw new Error(run.stderr);
    const theirs = JSON.parse(run.stdout.trim().split("\n").pop()!) as { version: string; times: Record<string, number>; values: Record<string, number> };

    const ratios = Object.entries(CLASSES).map(([name, families]) => {
      const start = performance.now();
      computeFeatures(volume, mask, settings, families);
      const ours = (performance.now() - start) / 1000;
      return `${name} ${ours.toFixed(3)}/${theirs.times[name]!.toFixed(3)} s = ${(ours / theirs.times[name]!).toFixed(2)}`;
    });
    console.log(`${roi.toLocaleString("en")} voxels (pyradiomics ${theirs.version}), ours/theirs: ${ratios.join("; ")}`);

    const differences = computePyradiomicsFeatures(volume, mask)
      .filter((f) => f.value !== undefined && theirs.values[f.name] !== undefined)
      .map((f) => ({ name: f.name, ours: f.value!, theirs: theirs.values[f.name]!, relative: Math.abs(f.value! - theirs.values[f.name]!) / Math.max(Math.abs(theirs.values[f.name]!), 1e-12) }))
      .sort((a, b) => b.relative - a.relative);
    const largest = differences.slice(0, 3).map((d) => `${d.name} ${d.ours.toPrecision(6)} vs ${d.theirs.toPrecision(6)} (${(100 * d.relative).toFixed(2)}%)`);
    const texture = differences.find((d) => !d.name.includes("_shape_"));
    console.log(`  compatible mode: ${differences.length} features compared; largest relative differences: ${largest.join("; ")}`);
    if (texture) console.log(`  largest outside shape (mesh conventions differ): ${texture.name} ${texture.ours.toPrecision(6)} vs ${texture.theirs.toPrecision(6)} (${(100 * texture.relative).toExponential(1)}%)`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
