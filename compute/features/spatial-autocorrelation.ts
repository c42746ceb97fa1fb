// Moran's I and Geary's C (IBSI N365, NPT7) with inverse-distance weights w = 1 / ||x_k - x_k'|| over all
// pairs of intensity-mask voxels. Small ROIs sum the pairs directly; larger ones use the identity that
// these pair sums are correlations of the mask and the centred intensities with the kernel 1/r, computed
// exactly (to rounding) by FFT convolution on a zero-padded grid — O(M log M) instead of O(N²).
import { fft3d, nextFastLength, nextPowerOfTwo } from "./fft.js";
import type { RoiGrid } from "./roi.js";
import { undefinedBecause, valueOf, type FeatureOutcome } from "./types.js";

export interface SpatialAutocorrelation { readonly moransI: FeatureOutcome; readonly gearysC: FeatureOutcome }

/** The pair sums both indices need: W = Σ w, C = Σ w f f', S = Σ w (f - f')², over ordered pairs. */
interface PairSums { readonly weights: number; readonly cross: number; readonly squaredDifferences: number }

const DIRECT_LIMIT = 3000;

function direct(points: Float64Array, centred: Float64Array): PairSums {
  let weights = 0, cross = 0, squaredDifferences = 0;
  const n = centred.length;
  for (let a = 0; a < n; a++) {
    const ax = points[3 * a]!, ay = points[3 * a + 1]!, az = points[3 * a + 2]!, fa = centred[a]!;
    for (let b = a + 1; b < n; b++) {
      const w = 1 / Math.sqrt((ax - points[3 * b]!) ** 2 + (ay - points[3 * b + 1]!) ** 2 + (az - points[3 * b + 2]!) ** 2);
      const fb = centred[b]!;
      weights += w; cross += w * fa * fb; squaredDifferences += w * (fa - fb) ** 2;
    }
  }
  return { weights: 2 * weights, cross: 2 * cross, squaredDifferences: 2 * squaredDifferences };
}

/** Spectrum of the kernel 1/r on offsets within ±(n-1), wrapped; the kernel is real and even, so its spectrum is real. */
function kernelSpectrum(roi: RoiGrid, paddedSize: [number, number, number]): Float64Array {
  const [nx, ny, nz] = roi.size;
  const [px, py, pz] = paddedSize;
  const [sx, sy, sz] = roi.spacing;
  const kRe = new Float64Array(px * py * pz), kIm = new Float64Array(px * py * pz);
  for (let dz = -(nz - 1); dz < nz; dz++) for (let dy = -(ny - 1); dy < ny; dy++) for (let dx = -(nx - 1); dx < nx; dx++) {
    if (dx === 0 && dy === 0 && dz === 0) continue;
    const index = ((dx + px) % px) + px * (((dy + py) % py) + py * ((dz + pz) % pz));
    kRe[index] = 1 / Math.sqrt((dx * sx) ** 2 + (dy * sy) ** 2 + (dz * sz) ** 2);
  }
  fft3d(kRe, kIm, paddedSize, false);
  return kRe; // the imaginary part is zero up to rounding and is dropped here
}

/** Pair sums by FFT: (K * m) and (K * f) in one complex transform (m real part, f imaginary part). */
function byConvolution(roi: RoiGrid, centredField: Float64Array, paddedSize: [number, number, number]): PairSums {
  const [nx, ny, nz] = roi.size;
  const [px, py, pz] = paddedSize;
  const total = px * py * pz;
  const spectrum = kernelSpectrum(roi, paddedSize);
  const re = new Float64Array(total), im = new Float64Array(total);
  for (let k = 0; k < nz; k++) for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) {
    const v = i + nx * (j + ny * k);
    if (roi.intensityMask[v] === 0) continue;
    const p = i + px * (j + py * k);
    re[p] = 1;
    im[p] = centredField[v]!;
  }
  fft3d(re, im, paddedSize, false);
  for (let p = 0; p < total; p++) { re[p]! *= spectrum[p]!; im[p]! *= spectrum[p]!; }
  fft3d(re, im, paddedSize, true);
  let weights = 0, cross = 0, squares = 0;
  for (let k = 0; k < nz; k++) for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) {
    const v = i + nx * (j + ny * k);
    if (roi.intensityMask[v] === 0) continue;
    const p = i + px * (j + py * k);
    const f = centredField[v]!;
    weights += re[p]!;     // Σ_k m_k (K * m)_k
    cross += f * im[p]!;   // Σ_k f_k (K * f)_k
    squares += f * f * re[p]!; // Σ_k f_k² (K * m)_k
  }
  return { weights, cross, squaredDifferences: 2 * squares - 2 * cross };
}

/**
 * Moran's I = N C / (W Σ f²), Geary's C = (N - 1) S / (2 W Σ f²), f = X - μ over the intensity mask.
 * Undefined when fewer than two voxels, zero variance, or the padded FFT grid would exceed `maxGridPoints`.
 */
export function spatialAutocorrelation(roi: RoiGrid, maxGridPoints: number): SpatialAutocorrelation {
  const both = (reason: string): SpatialAutocorrelation => ({ moransI: undefinedBecause(reason), gearysC: undefinedBecause(reason) });
  const n = roi.intensityVoxelCount;
  if (n < 2) return both("spatial autocorrelation needs at least two ROI voxels");
  let mean = 0;
  for (let v = 0; v < roi.intensityMask.length; v++) if (roi.intensityMask[v] !== 0) mean += roi.intensities[v]!;
  mean /= n;
  const centredField = new Float64Array(roi.intensityMask.length);
  let variance = 0;
  for (let v = 0; v < roi.intensityMask.length; v++) {
    if (roi.intensityMask[v] === 0) continue;
    centredField[v] = roi.intensities[v]! - mean;
    variance += centredField[v]! ** 2;
  }
  if (variance === 0) return both("the ROI intensities have zero variance");
  let sums: PairSums;
  if (n <= DIRECT_LIMIT) {
    const points = new Float64Array(3 * n), centred = new Float64Array(n);
    const [nx, ny] = roi.size;
    let o = 0;
    for (let v = 0; v < roi.intensityMask.length; v++) {
      if (roi.intensityMask[v] === 0) continue;
      points[3 * o] = (v % nx) * roi.spacing[0];
      points[3 * o + 1] = (Math.floor(v / nx) % ny) * roi.spacing[1];
      points[3 * o + 2] = Math.floor(v / (nx * ny)) * roi.spacing[2];
      centred[o++] = centredField[v]!;
    }
    sums = direct(points, centred);
  } else {
    const smallest = roi.size.map((s) => nextFastLength(2 * s - 1)) as [number, number, number];
    if (smallest[0] * smallest[1] * smallest[2] > maxGridPoints) {
      const points = smallest[0] * smallest[1] * smallest[2];
      return both(`the ROI's bounding box needs a ${smallest.join("×")} FFT grid (${points} points), above spatialAutocorrelationMaxGridPoints = ${maxGridPoints}`);
    }
    sums = byConvolution(roi, centredField, fastestGrid(smallest, maxGridPoints));
  }
  return {
    moransI: valueOf((n * sums.cross) / (sums.weights * variance)),
    gearysC: valueOf(((n - 1) * sums.squaredDifferences) / (2 * sums.weights * variance)),
  };
}

/** Powers of two run on the iterative radix-2 FFT, much faster than mixed radix: take one per axis when it is
 * at most 10 % longer than the smallest 5-smooth length and the grid stays within the limit. */
function fastestGrid(smallest: [number, number, number], maxGridPoints: number): [number, number, number] {
  const grid = smallest.map((n) => (nextPowerOfTwo(n) <= 1.1 * n ? nextPowerOfTwo(n) : n)) as [number, number, number];
  return grid[0] * grid[1] * grid[2] <= maxGridPoints ? grid : smallest;
}

/** Exposed for tests: the direct O(N²) pair sums and the FFT route on the same ROI must agree. */
export const spatialAutocorrelationRoutes = { direct, byConvolution, nextFastLength };
