// bench/pyradiomics: a default pyradiomics extraction — Original + LoG (σ 1, 2, 3 mm) + Wavelet (coif1, the
// 8 decompositions), every feature class — per lesion, ours against real pyradiomics in the same run on the
// same image and mask files (raw float64 / uint8 written once, read by both). Single lesion, single thread on
// both sides: ours is computeProfileFeatures, the function a feature worker runs for one lesion
// (ingest/features/feature-worker.ts), here on the main thread; pyradiomics is
// RadiomicsFeatureExtractor.execute with SimpleITK's threads set to 1 (bench/python/pyradiomics_profile_bench.py).
// Printed: total time per lesion (best of BENCH_REPEATS, default 2) and, per image type × class, the time of
// that part: pyradiomics' as measured inside its execute (class constructor + execute, filter generators);
// ours by running the same steps one by one (pyradiomicsDerivedVolumes per image type, then
// computePyradiomicsFeatures per class on each derived image). Ratios are ours / pyradiomics (below 1: we
// are faster). Every value of the total run is checked against pyradiomics' within 1e-6 relative (the
// fixtures' tolerance); a miss or a missing feature is printed and the bench exits with status 1.
// Run: npm run build && BENCH_PYTHON=/opt/rgpy/bin/python node dist/bench/pyradiomics.bench.js
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { computeProfileFeatures, pyradiomicsFeatureSettings } from "../compute/features/profile-features.js";
import { pyradiomicsDerivedVolumes } from "../compute/features/pyradiomics-derived-images.js";
import { computePyradiomicsFeatures } from "../compute/features/pyradiomics.js";
import type { FeatureFamily, FeatureResult } from "../compute/features/types.js";
import { AXIAL, type Mask, type Vec3, type Volume } from "../compute/image/volume.js";
import { SeededRandom } from "../compute/seeded-random.js";

const PYTHON = process.env.BENCH_PYTHON ?? "python3";
const REPEATS = Number(process.env.BENCH_REPEATS ?? 2);
const SIZES = (process.env.BENCH_SIZES ?? "10000,100000").split(",").map(Number);
const SPACING: Vec3 = [0.8, 0.8, 2];
const TOLERANCE = 1e-6;

const PARAMS = `# bench/pyradiomics: pyradiomics' defaults with the usual image types
imageType:
  Original: {}
  LoG:
    sigma: [1.0, 2.0, 3.0]
  Wavelet: {}
featureClass:
  shape:
  firstorder:
  glcm:
  glrlm:
  glszm:
  gldm:
  ngtdm:
setting:
  binWidth: 25
  label: 1
  additionalInfo: False
`;
const CLASSES = ["shape", "firstorder", "glcm", "glrlm", "glszm", "gldm", "ngtdm"] as const;
const CLASS_FAMILIES: Record<(typeof CLASSES)[number], FeatureFamily[]> = {
  shape: ["morphology"], firstorder: ["intensity_statistics", "intensity_histogram"], glcm: ["glcm"], glrlm: ["glrlm"],
  glszm: ["glszm"], gldm: ["ngldm"], ngtdm: ["ngtdm"],
};
const TYPES = ["original", "log", "wavelet"] as const;

/** A CT-like lesion: an ellipsoid (semi-axes 1 : 0.8 : 0.7 in mm) of about `voxels` voxels in a box twice its size, integer HU. */
function lesionCase(voxels: number): { volume: Volume; mask: Mask; roi: number } {
  const shape = [1, 0.8, 0.7];
  const scale = Math.cbrt((3 * voxels * SPACING[0] * SPACING[1] * SPACING[2]) / (4 * Math.PI * shape[0]! * shape[1]! * shape[2]!));
  const semi = shape.map((s) => s * scale);
  const size = semi.map((r, a) => Math.ceil((4 * r) / SPACING[a]!) + 4) as unknown as Vec3;
  const geometry = { size, spacing: SPACING, origin: [0, 0, 0] as Vec3, direction: AXIAL };
  const rng = new SeededRandom(voxels);
  const data = new Float32Array(size[0] * size[1] * size[2]);
  const mask = new Uint8Array(data.length);
  let roi = 0;
  for (let k = 0, v = 0; k < size[2]; k++) for (let j = 0; j < size[1]; j++) for (let i = 0; i < size[0]; i++, v++) {
    const x = ((i - (size[0] - 1) / 2) * SPACING[0]) / semi[0]!, y = ((j - (size[1] - 1) / 2) * SPACING[1]) / semi[1]!, z = ((k - (size[2] - 1) / 2) * SPACING[2]) / semi[2]!;
    const inside = x * x + y * y + z * z <= 1;
    if (inside) { mask[v] = 1; roi++; }
    // A smooth gradient across the lesion plus noise, so texture differs from derived image to derived image.
    data[v] = Math.round(inside ? 40 + 30 * x + rng.normal(0, 15) : rng.normal(-20, 10));
  }
  return { volume: { geometry, data }, mask: { geometry, data: mask }, roi };
}

/** |ours − pyradiomics| / |pyradiomics| with both within 4 eps of 0 counted equal (pyradiomics' log2(p + eps)), as the fixture tests. */
function relativeDifference(ours: number, reference: number): number {
  if (Math.abs(ours) <= 4 * Number.EPSILON && Math.abs(reference) <= 4 * Number.EPSILON) return 0;
  return ours === reference ? 0 : Math.abs(ours - reference) / Math.abs(reference);
}

function typeOf(imageName: string): (typeof TYPES)[number] {
  return imageName === "original" ? "original" : imageName.startsWith("log") ? "log" : "wavelet";
}

interface Theirs { versions: Record<string, string>; total: number; parts: Record<string, number>; values: Record<string, number> }

/** Our time per "<type>/<class|filter>", each step run as the extraction runs it, best of REPEATS. */
function ourParts(volume: Volume, mask: Mask, settings: ReturnType<typeof pyradiomicsFeatureSettings>): Record<string, number> {
  const profile = settings.pyradiomics!;
  let best: Record<string, number> | undefined;
  for (let r = 0; r < REPEATS; r++) {
    const parts: Record<string, number> = {};
    const add = (key: string, start: number) => { parts[key] = (parts[key] ?? 0) + (performance.now() - start) / 1000; };
    let start = performance.now();
    computePyradiomicsFeatures(volume, mask, { ...profile.settings, families: ["morphology"] }, "original");
    add("original/shape", start);
    for (const type of profile.imageTypes) {
      start = performance.now();
      const derived = pyradiomicsDerivedVolumes(volume, mask, type);
      add(`${typeOf(derived[0]!.name)}/filter`, start);
      for (const d of derived) for (const cls of CLASSES.slice(1)) {
        start = performance.now();
        computePyradiomicsFeatures(d.volume, d.mask, { ...type.settings, families: CLASS_FAMILIES[cls] }, d.name);
        add(`${typeOf(d.name)}/${cls}`, start);
      }
    }
    if (!best || Object.values(parts).reduce((a, b) => a + b) < Object.values(best).reduce((a, b) => a + b)) best = parts;
  }
  return best!;
}

function ratio(ours: number | undefined, theirs: number | undefined): string {
  if (ours === undefined || theirs === undefined) return "—";
  return `${ours.toFixed(3)}/${theirs.toFixed(3)} = ${(ours / theirs).toFixed(2)}×`;
}

const probe = spawnSync(PYTHON, ["-c", "import radiomics, SimpleITK"], { encoding: "utf8" });
if (probe.status !== 0) {
  console.log(`pyradiomics not found: '${PYTHON}' cannot import radiomics and SimpleITK (set BENCH_PYTHON)`);
  process.exit(0);
}

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../bench/python/pyradiomics_profile_bench.py");
const settings = pyradiomicsFeatureSettings(PARAMS);
const dir = await mkdtemp(path.join(os.tmpdir(), "rg-bench-pyrad-"));
let failed = false;
console.log(`load before: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} (${os.cpus().length} CPUs); single lesion, single thread on both sides`);
try {
  // Warm the JIT on a small lesion first.
  const warm = lesionCase(3000);
  computeProfileFeatures(warm.volume, warm.mask, settings, [...CLASSES] as unknown as FeatureFamily[]);
  for (const size of SIZES) {
    const lesion = lesionCase(size);
    await writeFile(path.join(dir, "image.f64"), Float64Array.from(lesion.volume.data));
    await writeFile(path.join(dir, "mask.u8"), lesion.mask.data);
    await writeFile(path.join(dir, "params.yaml"), PARAMS);
    // Ours reads back the very bytes handed to pyradiomics.
    const g = lesion.volume.geometry;
    const bytes = await readFile(path.join(dir, "image.f64"));
    const volume: Volume = { geometry: g, data: new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8) };
    const mask: Mask = { geometry: g, data: new Uint8Array(await readFile(path.join(dir, "mask.u8"))) };

    const args = [dir, ...g.size.map(String), ...g.spacing.map(String), String(REPEATS)];
    const env = { ...process.env, OMP_NUM_THREADS: "1", OPENBLAS_NUM_THREADS: "1", MKL_NUM_THREADS: "1", ITK_GLOBAL_DEFAULT_NUMBER_OF_THREADS: "1" };
    const run = spawnSync(PYTHON, [script, ...args], { encoding: "utf8", env, maxBuffer: 64 * 2 ** 20 });
    if (run.status !== 0) throw new Error(run.stderr);
    const theirs = JSON.parse(run.stdout.trim().split("\n").pop()!) as Theirs;

    let results: FeatureResult[] = [];
    let total = Infinity;
    for (let r = 0; r < REPEATS; r++) {
      const start = performance.now();
      results = computeProfileFeatures(volume, mask, settings, [...CLASSES] as unknown as FeatureFamily[]);
      total = Math.min(total, (performance.now() - start) / 1000);
    }
    const parts = ourParts(volume, mask, settings);

    console.log(`\n${lesion.roi.toLocaleString("en")} ROI voxels in a ${g.size.join("×")} image (${g.spacing.join("×")} mm), `
      + `pyradiomics ${theirs.versions.pyradiomics} / SimpleITK ${theirs.versions.SimpleITK}; ours/pyradiomics s, best of ${REPEATS}:`);
    console.log(`  total per lesion: ${ratio(total, theirs.total)}`);
    for (const type of TYPES) {
      const cells = ["filter", ...CLASSES].filter((c) => parts[`${type}/${c}`] !== undefined || theirs.parts[`${type}/${c}`] !== undefined)
        .map((c) => `${c} ${ratio(parts[`${type}/${c}`], theirs.parts[`${type}/${c}`])}`);
      console.log(`  ${type}: ${cells.join("; ")}`);
    }
    const perClass = ["filter", ...CLASSES].map((c) => {
      const sum = (p: Record<string, number>) => TYPES.reduce((s, t) => s + (p[`${t}/${c}`] ?? 0), 0);
      return `${c} ${ratio(sum(parts), sum(theirs.parts))}`;
    });
    console.log(`  all image types: ${perClass.join("; ")}`);

    // Values: the total run's, every pyradiomics feature present and within 1e-6 relative.
    const ours = new Map(results.map((r) => [r.key, r.value]));
    const bad: string[] = [];
    let worst = { key: "", relative: 0 };
    for (const [key, reference] of Object.entries(theirs.values)) {
      const value = ours.get(key);
      if (value === undefined) { bad.push(`${key}: missing or undefined (pyradiomics ${reference})`); continue; }
      const relative = relativeDifference(value, reference);
      if (relative > worst.relative) worst = { key, relative };
      if (!(relative <= TOLERANCE)) bad.push(`${key}: ${value} vs ${reference} (${relative.toExponential(2)})`);
    }
    const extra = [...ours.keys()].filter((k) => !(k in theirs.values));
    if (extra.length) bad.push(`not in pyradiomics' output: ${extra.join(", ")}`);
    console.log(`  values: ${Object.keys(theirs.values).length} pyradiomics features, ${results.length} ours; largest relative difference ${worst.relative.toExponential(1)}${worst.key ? ` (${worst.key})` : ""}; `
      + (bad.length ? `${bad.length} beyond ${TOLERANCE}:` : `all within ${TOLERANCE}`));
    for (const b of bad.slice(0, 20)) console.log(`    ${b}`);
    if (bad.length) failed = true;
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
console.log(`\nload after: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
if (failed) process.exit(1);
