// Local intensity peaks against a brute-force sphere average that includes voxels outside the ROI and
// clips spheres at the image border.
import { expect, test } from "vitest";
import { computeFeatures } from "../../../compute/features/compute-features.js";
import type { Mask, Volume } from "../../../compute/image/volume.js";
import { AXIAL } from "../../../compute/image/volume.js";

test("local and global intensity peaks equal brute-force 1 cm³ sphere means", () => {
  const geometry = { size: [14, 12, 9] as const, spacing: [1.5, 1.5, 3] as const, origin: [0, 0, 0] as const, direction: AXIAL };
  const [nx, ny, nz] = geometry.size;
  let seed = 3;
  const data = Float32Array.from({ length: nx * ny * nz }, () => { seed = (seed * 16807) % 2147483647; return seed % 200; });
  const maskData = new Uint8Array(nx * ny * nz);
  // A small ROI touching the image border at i = 0.
  for (let k = 2; k < 6; k++) for (let j = 3; j < 7; j++) for (let i = 0; i < 4; i++) maskData[i + nx * (j + ny * k)] = 1;
  const volume: Volume = { geometry, data };
  const mask: Mask = { geometry, data: maskData };
  const radius = Math.cbrt(3000 / (4 * Math.PI));
  const sphereMean = (ci: number, cj: number, ck: number) => {
    let sum = 0, n = 0;
    for (let k = 0; k < nz; k++) for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) {
      const d2 = ((i - ci) * 1.5) ** 2 + ((j - cj) * 1.5) ** 2 + ((k - ck) * 3) ** 2;
      if (d2 <= radius * radius) { sum += data[i + nx * (j + ny * k)]!; n++; }
    }
    return sum / n;
  };
  let max = -Infinity, globalPeak = -Infinity, localPeak = -Infinity;
  for (let v = 0; v < maskData.length; v++) if (maskData[v] && data[v]! > max) max = data[v]!;
  for (let k = 0; k < nz; k++) for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) {
    const v = i + nx * (j + ny * k);
    if (!maskData[v]) continue;
    const m = sphereMean(i, j, k);
    globalPeak = Math.max(globalPeak, m);
    if (data[v] === max) localPeak = Math.max(localPeak, m);
  }
  const results = computeFeatures(volume, mask, { discretisation: { method: "fixedBinNumber", binCount: 8 } }, ["local_intensity"]);
  expect(results.find((r) => r.key === "loc_peak_global")!.value).toBeCloseTo(globalPeak, 9);
  expect(results.find((r) => r.key === "loc_peak_local")!.value).toBeCloseTo(localPeak, 9);
});
