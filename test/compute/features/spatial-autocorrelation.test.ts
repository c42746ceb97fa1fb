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
  const { direct, byConvolution, nextPowerOfTwo } = spatialAutocorrelationRoutes;
  const a = direct(Float64Array.from(points), Float64Array.from(centred));
  const b = byConvolution(roi, field, roi.size.map((s) => nextPowerOfTwo(2 * s - 1)) as [number, number, number]);
  expect(b.weights / a.weights).toBeCloseTo(1, 10);
  expect(b.cross / a.cross).toBeCloseTo(1, 8);
  expect(b.squaredDifferences / a.squaredDifferences).toBeCloseTo(1, 8);
});
