// bench/pyradiomics-shape: the PYRADIOMICS profile's shape class against real pyradiomics' shape class,
// same masks, same run (BENCH_PYTHON, default python3, must import radiomics and SimpleITK): spheres and
// anisotropic ellipsoids of about 10^5 and 10^6 voxels. Times are the best of BENCH_REPEATS (default 2):
//   extractor — ours computePyradiomicsProfile(…, ["shape"]) vs pyradiomics' RadiomicsFeatureExtractor.execute
//               with only shape enabled (label check, bounding-box crop, then the class);
//   class     — ours pyradiomicsShapeFeatures vs RadiomicsShape(cropped image, cropped mask) + execute.
// Ratios are ours / theirs (below 1: we are faster), and the largest relative difference of the 17 values.
// Run: npm run build && BENCH_PYTHON=/opt/rgpy/bin/python node dist/bench/pyradiomics-shape.bench.js
import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { computePyradiomicsProfile } from "../compute/features/profile-features.js";
import { parsePyradiomicsParams } from "../compute/features/pyradiomics-params.js";
import { pyradiomicsShapeFeatures } from "../compute/features/pyradiomics-shape.js";
import { AXIAL, type Mask, type Vec3, type Volume } from "../compute/image/volume.js";

const PYTHON = process.env.BENCH_PYTHON ?? "python3";
const REPEATS = Number(process.env.BENCH_REPEATS ?? 2);
const SIZES = (process.env.BENCH_SIZES ?? "100000,1000000").split(",").map(Number);
const FEATURES = ["MeshVolume", "VoxelVolume", "SurfaceArea", "SurfaceVolumeRatio", "Sphericity", "Compactness1", "Compactness2", "SphericalDisproportion",
  "Maximum3DDiameter", "Maximum2DDiameterSlice", "Maximum2DDiameterColumn", "Maximum2DDiameterRow", "MajorAxisLength", "MinorAxisLength", "LeastAxisLength", "Elongation", "Flatness"];
const PARAMS = `imageType:\n  Original: {}\nfeatureClass:\n  shape: [${FEATURES.map((f) => `'${f}'`).join(", ")}]\nsetting:\n  label: 1\n`;

const SCRIPT = `
import json, sys, time, logging
import numpy as np, SimpleITK as sitk, radiomics
from radiomics import featureextractor, imageoperations, shape
logging.getLogger("radiomics").setLevel(logging.ERROR)
d, nx, ny, nz, sx, sy, sz, repeats = sys.argv[1], *map(int, sys.argv[2:5]), *map(float, sys.argv[5:8]), int(sys.argv[8])
def image(a):
    i = sitk.GetImageFromArray(a); i.SetSpacing((sx, sy, sz)); return i
img = image(np.zeros((nz, ny, nx)))
mask = image(np.fromfile(d + "/mask.u8", dtype=np.uint8).reshape(nz, ny, nx))
ex = featureextractor.RadiomicsFeatureExtractor(d + "/params.yaml")
best = {"extractor": 1e9, "class": 1e9}
for _ in range(repeats):
    t = time.perf_counter(); r = ex.execute(img, mask); best["extractor"] = min(best["extractor"], time.perf_counter() - t)
bb, _ = imageoperations.checkMask(img, mask, label=1)
ci, cm = imageoperations.cropToTumorMask(img, mask, bb)
for _ in range(repeats):
    t = time.perf_counter()
    c = shape.RadiomicsShape(ci, cm, label=1)
    for f in ${JSON.stringify(FEATURES)}: c.enableFeatureByName(f)
    c.execute()
    best["class"] = min(best["class"], time.perf_counter() - t)
values = {k: float(v) for k, v in r.items() if k.startswith("original_shape_")}
print(json.dumps({"version": radiomics.__version__, "times": best, "values": values}))
`;

/** An ellipsoid mask of about `voxels` voxels, semi-axes in the ratio `shape` (mm), on a grid with `spacing`. */
function ellipsoidCase(voxels: number, shape: Vec3, spacing: Vec3): { volume: Volume; mask: Mask; roi: number } {
  const scale = Math.cbrt((3 * voxels * spacing[0] * spacing[1] * spacing[2]) / (4 * Math.PI * shape[0] * shape[1] * shape[2]));
  const semi = shape.map((s) => s * scale) as unknown as Vec3;
  const size = semi.map((r, a) => Math.ceil((2 * r) / spacing[a]!) + 4) as unknown as Vec3;
  const geometry = { size, spacing, origin: [0, 0, 0] as Vec3, direction: AXIAL };
  const data = new Uint8Array(size[0] * size[1] * size[2]);
  let roi = 0;
  for (let k = 0, v = 0; k < size[2]; k++) for (let j = 0; j < size[1]; j++) for (let i = 0; i < size[0]; i++, v++) {
    const x = ((i - (size[0] - 1) / 2 + 0.13) * spacing[0]) / semi[0], y = ((j - (size[1] - 1) / 2 - 0.21) * spacing[1]) / semi[1], z = ((k - (size[2] - 1) / 2 + 0.07) * spacing[2]) / semi[2];
    if (x * x + y * y + z * z <= 1) { data[v] = 1; roi++; }
  }
  return { volume: { geometry, data: new Float32Array(data.length) }, mask: { geometry, data }, roi };
}

function best(repeats: number, run: () => void): number {
  let t = Infinity;
  for (let r = 0; r < repeats; r++) { const start = performance.now(); run(); t = Math.min(t, (performance.now() - start) / 1000); }
  return t;
}

/** The mask cropped to its bounding box, as pyradiomics' extractor hands it to the shape class. */
function cropped(mask: Mask): Mask {
  const [nx, ny] = mask.geometry.size;
  const lo = [Infinity, Infinity, Infinity], hi = [-1, -1, -1];
  for (let v = 0; v < mask.data.length; v++) if (mask.data[v]) {
    const ijk = [v % nx, Math.floor(v / nx) % ny, Math.floor(v / (nx * ny))];
    for (let a = 0; a < 3; a++) { lo[a] = Math.min(lo[a]!, ijk[a]!); hi[a] = Math.max(hi[a]!, ijk[a]!); }
  }
  const size = [0, 1, 2].map((a) => hi[a]! - lo[a]! + 1) as unknown as Vec3;
  const data = new Uint8Array(size[0] * size[1] * size[2]);
  for (let k = 0, o = 0; k < size[2]; k++) for (let j = 0; j < size[1]; j++) for (let i = 0; i < size[0]; i++, o++) data[o] = mask.data[lo[0]! + i + nx * (lo[1]! + j + ny * (lo[2]! + k))]!;
  return { geometry: { ...mask.geometry, size }, data };
}

const probe = spawnSync(PYTHON, ["-c", "import radiomics, SimpleITK"], { encoding: "utf8" });
if (probe.status !== 0) {
  console.log(`pyradiomics not found: '${PYTHON}' cannot import radiomics and SimpleITK (set BENCH_PYTHON)`);
  process.exit(0);
}

const profile = parsePyradiomicsParams(PARAMS);
const dir = await mkdtemp(path.join(os.tmpdir(), "rg-bench-pyrad-shape-"));
try {
  await writeFile(path.join(dir, "params.yaml"), PARAMS);
  // Warm the JIT on a small case first.
  const warm = ellipsoidCase(5000, [1, 1, 1], [1, 1, 1]);
  computePyradiomicsProfile(warm.volume, warm.mask, profile, ["shape"]);
  for (const size of SIZES) {
    for (const [label, shape, spacing] of [["sphere, 1 mm", [1, 1, 1], [1, 1, 1]], ["ellipsoid 3:2:1, 0.7×0.7×2 mm", [3, 2, 1], [0.7, 0.7, 2]]] as const) {
      const { volume, mask, roi } = ellipsoidCase(size, shape as unknown as Vec3, spacing as unknown as Vec3);
      await writeFile(path.join(dir, "mask.u8"), mask.data);
      const args = [dir, ...volume.geometry.size.map(String), ...volume.geometry.spacing.map(String), String(REPEATS)];
      const run = spawnSync(PYTHON, ["-c", SCRIPT, ...args], { encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
      if (run.status !== 0) throw new Error(run.stderr);
      const theirs = JSON.parse(run.stdout.trim().split("\n").pop()!) as { version: string; times: { extractor: number; class: number }; values: Record<string, number> };
      let results: ReturnType<typeof computePyradiomicsProfile> = [];
      const oursExtractor = best(REPEATS, () => { results = computePyradiomicsProfile(volume, mask, profile, ["shape"]); });
      const crop = cropped(mask);
      const oursClass = best(REPEATS, () => pyradiomicsShapeFeatures(crop));
      let worst = { relative: 0, name: "" };
      for (const r of results) {
        const reference = theirs.values[r.name]!;
        const relative = r.value === reference ? 0 : Math.abs(r.value! - reference) / Math.abs(reference);
        if (!(relative <= worst.relative)) worst = { relative, name: r.name };
      }
      console.log(`${label}, ${roi.toLocaleString("en")} voxels (pyradiomics ${theirs.version}): extractor ${oursExtractor.toFixed(3)}/${theirs.times.extractor.toFixed(3)} s = ${(oursExtractor / theirs.times.extractor).toFixed(3)}; `
        + `class ${oursClass.toFixed(3)}/${theirs.times.class.toFixed(3)} s = ${(oursClass / theirs.times.class).toFixed(3)}; ${results.length} values, largest relative difference ${worst.relative.toExponential(1)}${worst.name ? ` (${worst.name})` : ""}`);
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
