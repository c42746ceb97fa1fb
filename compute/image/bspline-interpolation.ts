// Cubic B-spline interpolation as ITK's BSplineInterpolateImageFunction (spline order 3, the sitkBSpline of
// SimpleITK 2.5.7) computes it: coefficients by BSplineDecompositionImageFilter (Unser's recursive prefilter,
// pole √3 − 2, mirror boundaries, causal initialisation truncated at tolerance 1e-10), then the 4×4×4
// coefficients around a continuous index weighted by the cubic B-spline, with ITK's mirror index rule at
// the image edges. Voxel (i, j, k) at i + nx (j + ny k), as everywhere in compute/image.
import type { Vec3 } from "./volume.js";

const POLE = Math.sqrt(3) - 2;
/** BSplineDecompositionImageFilter's default m_Tolerance. */
const TOLERANCE = 1e-10;
/** Voxels of margin kept around the voxels a resampling reads: the prefilter's influence decays as |pole|^d (0.268^32 ≈ 5e-19). */
export const BSPLINE_MARGIN = 32;

/** B-spline coefficients of the box [lower, lower + size) of an image of `imageSize` voxels. */
export interface BSplineCoefficients {
  readonly imageSize: Vec3;
  readonly lower: Vec3;
  readonly size: Vec3;
  readonly data: Float64Array;
}

/** SetInitialCausalCoefficient: the mirror-boundary start of the causal recursion (Unser 1999, box 2). */
function initialCausal(s: Float64Array, n: number, z: number): void {
  const horizon = Math.ceil(Math.log(TOLERANCE) / Math.log(Math.abs(z)));
  let zn = z;
  if (horizon < n) {
    let sum = s[0]!;
    for (let k = 1; k < horizon; k++) { sum += zn * s[k]!; zn *= z; }
    s[0] = sum;
    return;
  }
  const iz = 1 / z;
  let z2n = Math.pow(z, n - 1);
  let sum = s[0]! + z2n * s[n - 1]!;
  z2n *= z2n * iz;
  for (let k = 1; k <= n - 2; k++) { sum += (zn + z2n) * s[k]!; zn *= z; z2n *= iz; }
  s[0] = sum / (1 - zn * zn);
}

/** DataToCoefficients1D on one line (in place); a line of one sample is left as it is. */
function lineToCoefficients(s: Float64Array, n: number): void {
  if (n === 1) return;
  const gain = (1 - POLE) * (1 - 1 / POLE);
  for (let k = 0; k < n; k++) s[k]! *= gain;
  initialCausal(s, n, POLE);
  for (let k = 1; k < n; k++) s[k] = s[k]! + POLE * s[k - 1]!;
  s[n - 1] = (POLE / (POLE * POLE - 1)) * (POLE * s[n - 2]! + s[n - 1]!);
  for (let k = n - 2; k >= 0; k--) s[k] = POLE * (s[k + 1]! - s[k]!);
}

/**
 * Coefficients of the box [lower, upper] (inclusive voxel indices) of the image. ITK prefilters the whole
 * image; a box that stops BSPLINE_MARGIN voxels short of an image edge gives the same coefficients in its
 * interior to ~1e-18 relative (callers keep that margin around what they read).
 */
export function bsplineCoefficients(data: ArrayLike<number>, imageSize: Vec3, lower: Vec3, upper: Vec3): BSplineCoefficients {
  const size: Vec3 = [upper[0] - lower[0] + 1, upper[1] - lower[1] + 1, upper[2] - lower[2] + 1];
  const [nx, ny, nz] = size;
  const out = new Float64Array(nx * ny * nz);
  for (let k = 0; k < nz; k++) for (let j = 0; j < ny; j++) {
    const from = lower[0] + imageSize[0] * (lower[1] + j + imageSize[1] * (lower[2] + k)), to = nx * (j + ny * k);
    for (let i = 0; i < nx; i++) out[to + i] = data[from + i]!;
  }
  const scratch = new Float64Array(Math.max(nx, ny, nz));
  const strides = [1, nx, nx * ny] as const;
  // Axis by axis (x, then y, then z), each line through the 1D prefilter, as DataToCoefficientsND.
  for (let axis = 0; axis < 3; axis++) {
    const n = size[axis]!, stride = strides[axis]!;
    const [a, b] = axis === 0 ? [1, 2] : axis === 1 ? [0, 2] : [0, 1];
    for (let q = 0; q < size[b]!; q++) for (let p = 0; p < size[a]!; p++) {
      const start = p * strides[a]! + q * strides[b]!;
      for (let t = 0; t < n; t++) scratch[t] = out[start + t * stride]!;
      lineToCoefficients(scratch, n);
      for (let t = 0; t < n; t++) out[start + t * stride] = scratch[t]!;
    }
  }
  return { imageSize, lower, size, data: out };
}

/** The 4 support indices along one axis (DetermineRegionOfSupport, odd order) with ITK's mirror rule, and their weights. */
function axisSupport(x: number, n: number, indices: Int32Array, weights: Float64Array, at: number): void {
  // ITK floors the index as a float (static_cast<float>), then weights from the double index.
  const first = Math.floor(Math.fround(x)) - 1;
  const w = x - (first + 1);
  const w3 = (1 / 6) * w * w * w;
  const w0 = 1 / 6 + 0.5 * w * (w - 1) - w3;
  const w2 = w + w0 - 2 * w3;
  weights[at] = w0; weights[at + 1] = 1 - w0 - w2 - w3; weights[at + 2] = w2; weights[at + 3] = w3;
  const end = n - 1;
  for (let t = 0; t < 4; t++) {
    let index = first + t;
    if (n === 1) index = 0;
    else {
      if (index < 0) index = -index;
      if (index >= end) index = end - (index - end);
      // ITK reflects once: on an axis of 2 voxels index 3 becomes −1, outside the image (SimpleITK reads
      // whatever memory is there). Its weight is 0 at whole indices; pyradiomics-resample.ts refuses the rest.
      if (index < 0) index = 0;
    }
    indices[at + t] = index;
  }
}

/** Interpolated value at continuous index (x, y, z) of the image (EvaluateAtContinuousIndex). */
export function bsplineAt(c: BSplineCoefficients, x: number, y: number, z: number, scratch = bsplineScratch()): number {
  const { indices, weights } = scratch;
  axisSupport(x, c.imageSize[0], indices, weights, 0);
  axisSupport(y, c.imageSize[1], indices, weights, 4);
  axisSupport(z, c.imageSize[2], indices, weights, 8);
  const [nx, ny] = c.size;
  const [lx, ly, lz] = c.lower;
  let value = 0;
  // ITK's point order (x fastest) and product order (w = wx · wy · wz).
  for (let r = 0; r < 4; r++) {
    const wz = weights[8 + r]!, kz = (indices[8 + r]! - lz) * ny;
    for (let q = 0; q < 4; q++) {
      const wy = weights[4 + q]!, row = (kz + indices[4 + q]! - ly) * nx - lx;
      for (let p = 0; p < 4; p++) value += weights[p]! * wy * wz * c.data[row + indices[p]!]!;
    }
  }
  return value;
}

export function bsplineScratch(): { indices: Int32Array; weights: Float64Array } {
  return { indices: new Int32Array(12), weights: new Float64Array(12) };
}

/** Voxels of the image (inclusive box, clipped to it) that the B-spline reads for continuous indices in [from, to] along one axis. */
export function bsplineSupportRange(from: number, to: number, n: number): [number, number] {
  return [Math.max(0, Math.floor(from) - 2 - BSPLINE_MARGIN), Math.min(n - 1, Math.floor(to) + 3 + BSPLINE_MARGIN)];
}
