// Moran's I and Geary's C: the exact FFT route must agree with the direct O(N²) pair sum.
import { expect, test } from "vitest";
import { prepareInput } from "../../../compute/features/compute-features.js";
import { spatialAutocorrelationRoutes } from "../../../compute/features/spatial-autocorrelation.js";
import { ellipsoidMask, volumeOn } from "./shapes.js";

test("FFT convolution and direct pair sums agree on an anisotropic ROI", () => {
  const mask = ellipsoidMask([6, 5, 7], [0.9, 1.2, 2]);
  let seed = 7;
  const volume = volumeOn(mask, (i, j, k) => { seed = (seed * 16807) % 2147483647; return 50 * Math.sin(i / 2) + 10 * j - 3 * k + (seed % 100); });
  const roi = prepareInput(volume, mask, { discretisation: { method: "fixedBinNumber", binCount: 8 } }).roi!;
  let mean = 0;
  for (let v = 0; v < roi.intensityMask.length; v++) if (roi.intensityMask[v]) mean += roi.intensities[v]!;
  mean /= roi.intensityVoxelCount;
  const field = new Float64Array(roi.intensityMask.length);
  const points: number[] = [], centred: number[] = [];
  const [nx, ny] = roi.size;
  for (let v = 0; v < roi.intensityMask.length; v++) {
    if (!roi.intensityMask[v]) continue;
    field[v] = roi.intensities[v]! - mean;
    points.push((v % nx) * roi.spacing[0], (Math.floor(v / nx) % ny) * roi.spacing[1], Math.floor(v / (nx * ny)) * roi.spacing[2]);
    centred.push(field[v]!);
  }
  const { direct, byConvolution, nextFastLength } = spatialAutocorrelationRoutes;
  const a = direct(Float64Array.from(points), Float64Array.from(centred));
  const b = byConvolution(roi, field, roi.size.map((s) => nextFastLength(2 * s - 1)) as [number, number, number]);
  expect(b.weights / a.weights).toBeCloseTo(1, 10);
  expect(b.cross / a.cross).toBeCloseTo(1, 8);
  expect(b.squaredDifferences / a.squaredDifferences).toBeCloseTo(1, 8);
});

test("mixed-radix FFT equals the naive DFT for 5-smooth lengths", async () => {
  const { fft1d, nextFastLength } = await import("../../../compute/features/fft.js");
  expect(nextFastLength(97)).toBe(100);
  expect(nextFastLength(129)).toBe(135);
  for (const n of [6, 12, 15, 30, 45, 64]) {
    const re = Float64Array.from({ length: n }, (_, t) => Math.sin(t * 1.3) + t / n);
    const im = Float64Array.from({ length: n }, (_, t) => Math.cos(t * 0.7));
    const dftRe = new Float64Array(n), dftIm = new Float64Array(n);
    for (let k = 0; k < n; k++) for (let t = 0; t < n; t++) {
      const a = (-2 * Math.PI * k * t) / n;
      dftRe[k]! += re[t]! * Math.cos(a) - im[t]! * Math.sin(a);
      dftIm[k]! += re[t]! * Math.sin(a) + im[t]! * Math.cos(a);
    }
    const fRe = Float64Array.from(re), fIm = Float64Array.from(im);
    fft1d(fRe, fIm, false);
    for (let k = 0; k < n; k++) { expect(fRe[k]).toBeCloseTo(dftRe[k]!, 9); expect(fIm[k]).toBeCloseTo(dftIm[k]!, 9); }
    fft1d(fRe, fIm, true);
    for (let t = 0; t < n; t++) expect(fRe[t]! / n).toBeCloseTo(re[t]!, 9);
  }
});
