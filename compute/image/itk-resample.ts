// SimpleITK's ResampleImageFilter with the identity transform (as pyradiomics calls it): every voxel of an
// output grid takes the input's value at the same patient point, through ITK's nearest-neighbour, linear or
// cubic B-spline interpolator; points more than half a voxel outside the input get 0 (the default value).
// ITK's arithmetic is followed where it decides ties: index → point summed from the origin, point →
// continuous index by diag(1/spacing) · directionᵀ, and along each output row (the identity is
// linear) the continuous indices of voxel 0 and of voxel nx, with the row's voxels at start + (x / nx)(end − start).
import { bsplineAt, bsplineCoefficients, bsplineScratch, bsplineSupportRange, type BSplineCoefficients } from "./bspline-interpolation.js";
import type { Geometry, Vec3 } from "./volume.js";

export type ItkInterpolator = "sitkNearestNeighbor" | "sitkLinear" | "sitkBSpline";

/** An image for resampling: any numeric voxel array on a grid. */
export interface SampledImage {
  readonly geometry: Geometry;
  readonly data: ArrayLike<number>;
}

/** ITK's m_IndexToPhysicalPoint (direction · diag(spacing)), row-major: M[r][c] = direction[c][r] · spacing[c]. */
function indexToPoint(g: Geometry): number[] {
  const m: number[] = [];
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) m.push(g.direction[c]![r]! * g.spacing[c]!);
  return m;
}

/** ITK's m_PhysicalPointToIndex, row-major: diag(1/spacing) · directionᵀ (what vnl's SVD inverse of an orthonormal direction · diag(spacing) gives, up to its last bits). */
function pointToIndexMatrix(g: Geometry): number[] {
  const m: number[] = [];
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) m.push(g.direction[r]![c]! / g.spacing[r]!);
  return m;
}

/** TransformIndexToPhysicalPoint: origin + M · index, summed from the origin. */
export function indexToPhysical(g: Geometry, index: Vec3, m = indexToPoint(g)): Vec3 {
  const p = [0, 0, 0];
  for (let r = 0; r < 3; r++) {
    let sum = g.origin[r]!;
    for (let c = 0; c < 3; c++) sum += m[3 * r + c]! * index[c]!;
    p[r] = sum;
  }
  return p as unknown as Vec3;
}

/** TransformContinuousIndexToPhysicalPoint: M · index summed from 0, then + origin. */
export function continuousIndexToPhysical(g: Geometry, index: Vec3): Vec3 {
  const m = indexToPoint(g);
  const p = [0, 0, 0];
  for (let r = 0; r < 3; r++) {
    let sum = 0;
    for (let c = 0; c < 3; c++) sum += m[3 * r + c]! * index[c]!;
    p[r] = sum + g.origin[r]!;
  }
  return p as unknown as Vec3;
}

/** TransformPhysicalPointToContinuousIndex: M⁻¹ · (point − origin). */
export function physicalToContinuousIndex(g: Geometry, point: Vec3, inv = pointToIndexMatrix(g)): Vec3 {
  const v = [point[0] - g.origin[0], point[1] - g.origin[1], point[2] - g.origin[2]];
  const out = [0, 0, 0];
  for (let r = 0; r < 3; r++) {
    let sum = 0;
    for (let c = 0; c < 3; c++) sum += inv[3 * r + c]! * v[c]!;
    out[r] = sum;
  }
  return out as unknown as Vec3;
}

/** LinearInterpolateImageFunction (3D): base index floored and clamped at 0, a neighbour only where the distance is > 0 and inside. */
function linearAt(image: SampledImage, x: number, y: number, z: number): number {
  const [nx, ny, nz] = image.geometry.size;
  const axis = (c: number, n: number): [number, number, number] => {
    const i0 = Math.max(0, Math.floor(c));
    const d = c - i0;
    const i1 = d > 0 && i0 + 1 <= n - 1 ? i0 + 1 : i0;
    return [i0, i1, d > 0 ? d : 0];
  };
  const [x0, x1, dx] = axis(x, nx), [y0, y1, dy] = axis(y, ny), [z0, z1, dz] = axis(z, nz);
  const v = image.data, at = (i: number, j: number, k: number) => v[i + nx * (j + ny * k)]!;
  // Same nesting as ITK: along x, then y, then z (a skipped axis adds an exact 0).
  const row = (j: number, k: number) => { const a = at(x0, j, k); return a + (at(x1, j, k) - a) * dx; };
  const plane = (k: number) => { const a = row(y0, k); return a + (row(y1, k) - a) * dy; };
  const a = plane(z0);
  return a + (plane(z1) - a) * dz;
}

/** NearestNeighborInterpolateImageFunction: the index rounded half up. */
function nearestAt(image: SampledImage, x: number, y: number, z: number): number {
  const [nx, ny] = image.geometry.size;
  return image.data[Math.floor(x + 0.5) + nx * (Math.floor(y + 0.5) + ny * Math.floor(z + 0.5))]!;
}

/** Continuous input indices of every output voxel, row by row (ITK's scan-line path for linear transforms). */
function forEachOutputIndex(input: Geometry, output: Geometry, visit: (v: number, x: number, y: number, z: number) => void): void {
  const m = indexToPoint(output), inv = pointToIndexMatrix(input);
  const [nx, ny, nz] = output.size;
  for (let k = 0; k < nz; k++) for (let j = 0; j < ny; j++) {
    const start = physicalToContinuousIndex(input, indexToPhysical(output, [0, j, k], m), inv);
    const end = physicalToContinuousIndex(input, indexToPhysical(output, [nx, j, k], m), inv);
    const d = [end[0] - start[0], end[1] - start[1], end[2] - start[2]];
    for (let i = 0; i < nx; i++) {
      const alpha = i / nx;
      visit(i + nx * (j + ny * k), start[0] + alpha * d[0]!, start[1] + alpha * d[1]!, start[2] + alpha * d[2]!);
    }
  }
}

/** The B-spline coefficients of the part of the input the output grid reads (with BSPLINE_MARGIN). */
function coefficientsFor(input: SampledImage, output: Geometry): BSplineCoefficients | null {
  const lo = [Infinity, Infinity, Infinity], hi = [-Infinity, -Infinity, -Infinity];
  const limit = input.geometry.size.map((n) => n - 0.5);
  forEachOutputIndex(input.geometry, output, (_v, x, y, z) => {
    if (!(x >= -0.5 && x < limit[0]! && y >= -0.5 && y < limit[1]! && z >= -0.5 && z < limit[2]!)) return;
    const c = [x, y, z];
    for (let a = 0; a < 3; a++) { lo[a] = Math.min(lo[a]!, c[a]!); hi[a] = Math.max(hi[a]!, c[a]!); }
  });
  if (lo[0] === Infinity) return null;
  const ranges = [0, 1, 2].map((a) => bsplineSupportRange(lo[a]!, hi[a]!, input.geometry.size[a]!));
  return bsplineCoefficients(input.data, input.geometry.size, ranges.map((r) => r[0]) as unknown as Vec3, ranges.map((r) => r[1]) as unknown as Vec3);
}

/** The input resampled onto `output` (values in double, before any cast to a pixel type). */
export function itkResample(input: SampledImage, output: Geometry, interpolator: ItkInterpolator): Float64Array {
  const [ox, oy, oz] = output.size;
  const out = new Float64Array(ox * oy * oz);
  const limit = input.geometry.size.map((n) => n - 0.5);
  const coefficients = interpolator === "sitkBSpline" ? coefficientsFor(input, output) : null;
  const scratch = bsplineScratch();
  const evaluate = interpolator === "sitkBSpline" ? (x: number, y: number, z: number) => bsplineAt(coefficients!, x, y, z, scratch)
    : interpolator === "sitkLinear" ? (x: number, y: number, z: number) => linearAt(input, x, y, z)
      : (x: number, y: number, z: number) => nearestAt(input, x, y, z);
  forEachOutputIndex(input.geometry, output, (v, x, y, z) => {
    // ImageFunction::IsInsideBuffer: −0.5 ≤ index < size − 0.5 on every axis.
    if (x >= -0.5 && x < limit[0]! && y >= -0.5 && y < limit[1]! && z >= -0.5 && z < limit[2]!) out[v] = evaluate(x, y, z);
  });
  return out;
}
