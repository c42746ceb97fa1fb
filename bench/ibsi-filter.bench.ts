// bench/ibsi-filter: an IBSI-2 filter setting's features computed over the ROI's box plus the kernel's support
// (computeIbsiFilteredFeatures) against the baseline of filtering the whole series first and taking the same
// statistics at the ROI's voxels, same run, same image: a CT-like 256×256×60 volume (0.8 × 0.8 × 2.5 mm) with a
// 15 mm-radius spherical ROI. Times are the best of BENCH_REPEATS (default 2); the ratio is crop / whole (below 1:
// the crop is faster); "equal" says whether all 18 values are identical.
// Run: npm run build && node dist/bench/ibsi-filter.bench.js
import { performance } from "node:perf_hooks";
import { summarise } from "../compute/features/descriptive-statistics.js";
import { computeIbsiFilteredFeatures } from "../compute/features/ibsi-filtered-features.js";
import { INTENSITY_STATISTICS_FORMULAS, sortedMaskedValues } from "../compute/features/intensity-statistics.js";
import { countSet } from "../compute/features/roi.js";
import { evaluateFormulas } from "../compute/features/types.js";
import { applyIbsiFilter } from "../compute/filters/apply-ibsi-filter.js";
import { ibsiFilterOf } from "../compute/filters/ibsi-filter-spec.js";
import type { Mask, Vec3, Volume } from "../compute/image/volume.js";
import { SeededRandom } from "../compute/seeded-random.js";

const REPEATS = Number(process.env.BENCH_REPEATS ?? 2);
const size: Vec3 = [256, 256, 60];
const spacing: Vec3 = [0.8, 0.8, 2.5];
const geometry = { size, spacing, origin: [0, 0, 0] as Vec3, direction: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] as [Vec3, Vec3, Vec3] };
const random = new SeededRandom(2);
const volume: Volume<Float64Array> = { geometry, data: Float64Array.from({ length: size[0] * size[1] * size[2] }, () => random.normal(40, 30)) };
const mask: Mask = { geometry, data: new Uint8Array(volume.data.length) };
for (let k = 0; k < size[2]; k++) for (let j = 0; j < size[1]; j++) for (let i = 0; i < size[0]; i++)
  if (((i - 140) * spacing[0]) ** 2 + ((j - 110) * spacing[1]) ** 2 + ((k - 30) * spacing[2]) ** 2 <= 15 ** 2) mask.data[i + size[0] * (j + size[1] * k)] = 1;

const FILTERS = [
  { kind: "MEAN", support: 5 },
  { kind: "LOG", sigma: 3 },
  { kind: "LAWS", lawsKernel: "E5L5S5", energyDistance: 7 },
  { kind: "WAVELET", wavelet: "coif1", decomposition: "LLH" },
  { kind: "GABOR", sigma: 5, wavelength: 4, aspectRatio: 0.5, thetaStep: 45, pooling: "AVERAGE" },
];

function best(run: () => number[]): { seconds: number; values: number[] } {
  let seconds = Infinity, values: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    const t = performance.now();
    values = run();
    seconds = Math.min(seconds, (performance.now() - t) / 1000);
  }
  return { seconds, values };
}

const roiVoxels = countSet(mask.data);
console.log(`image ${size.join("×")} (${volume.data.length} voxels), ROI ${roiVoxels} voxels, best of ${REPEATS}`);
console.log("filter | crop s | whole s | crop/whole | equal");
for (const raw of FILTERS) {
  const filter = ibsiFilterOf(raw);
  const crop = best(() => computeIbsiFilteredFeatures(volume, mask, filter).map((r) => r.value ?? NaN));
  const whole = best(() => {
    const response = applyIbsiFilter({ size, spacing, data: volume.data }, filter).data;
    return evaluateFormulas(INTENSITY_STATISTICS_FORMULAS, summarise(sortedMaskedValues(response, mask.data, roiVoxels))).map((o) => ("value" in o ? o.value : NaN));
  });
  const equal = crop.values.every((v, n) => Object.is(v, whole.values[n]));
  console.log(`${raw.kind} | ${crop.seconds.toFixed(3)} | ${whole.seconds.toFixed(3)} | ${(crop.seconds / whole.seconds).toFixed(3)} | ${equal}`);
}
