// scipy.ndimage.map_coordinates(input, coordinates, order=3, mode='constant', cval=0) as SciPy 1.16's C code
// (ni_splines.c, ni_interpolation.c) computes it, operation for operation, so that samples are bit-identical —
// pyradiomics' LBP3D compares each sample with the centre voxel, and its icosphere puts six samples exactly on
// the axis neighbours, where a tie is decided by the last bit:
//   prefilter (spline_filter, output float64): numpy axis 0, 1, 2 in turn (here k, then j, then i), each line of
//     length > 1 multiplied by the gain (1 − z)(1 − 1/z), then causal mirror initialisation (z^{n−1} by libm pow),
//     forward recursion, anticausal mirror initialisation, backward recursion; pole z = √3 − 2 as SciPy's literal;
//   sampling: a coordinate outside [0, len − 1] on any axis gives cval; otherwise the 4 coefficients from
//     floor(c) − 1 on each axis (indices mirrored at the edges: −1 → 1, len → len − 2), cubic B-spline weights
//     as get_spline_interpolation_weights computes them, and Σ ((coeff · w_k) · w_j) · w_i with i fastest;
//   an integer input gives integer output (output dtype = input dtype): t ± 0.5, truncated.
// Hand-written because the bits matter: ITK's B-spline (compute/image/bspline-interpolation.ts) truncates its
// initialisation and mirrors differently, and no JavaScript library mirrors SciPy's arithmetic.
import type { Vec3 } from "../../image/volume.js";

/** SciPy's get_filter_poles(3): sqrt(3.0) − 2.0 written as a literal (Math.sqrt(3) − 2 differs in the last bit). */
const POLE = -0.267949192431122706472553658494127633;
const GAIN = 1.0 * ((1.0 - POLE) * (1.0 - 1.0 / POLE));

/** Veltkamp/Dekker exact product a·b = hi + lo. */
function twoProduct(a: number, b: number): [number, number] {
  const p = a * b;
  const sa = 134217729 * a, sb = 134217729 * b;
  const ah = sa - (sa - a), al = a - ah, bh = sb - (sb - b), bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

/**
 * z^k correctly rounded, as glibc's pow gives it (V8's Math.pow differs from it in the last bit for 58 of the
 * first 600 powers of the pole): square-and-multiply in double-double, rounded once. Equal to glibc for k < 537;
 * beyond, z^k is subnormal and adds nothing to the initialisation.
 */
export function correctlyRoundedPow(z: number, k: number): number {
  let rh = 1, rl = 0, bh = z, bl = 0;
  for (let e = k; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) {
      const [p, q] = twoProduct(rh, bh);
      const lo = q + (rh * bl + rl * bh);
      rh = p + lo;
      rl = lo - (rh - p);
    }
    const [p, q] = twoProduct(bh, bh);
    const lo = q + 2 * bh * bl;
    bh = p + lo;
    bl = lo - (bh - p);
  }
  return rh + rl;
}

/** apply_filter on one line in place (order 3, mirror initialisations); lines of one sample are left as they are. */
export function splineFilterLine(c: Float64Array, n: number): void {
  if (n <= 1) return;
  const z = POLE;
  for (let i = 0; i < n; i++) c[i]! *= GAIN;
  // _init_causal_mirror
  let zi = z;
  const zn1 = correctlyRoundedPow(z, n - 1);
  c[0] = c[0]! + zn1 * c[n - 1]!;
  for (let i = 1; i < n - 1; i++) {
    c[0]! += zi * (c[i]! + zn1 * c[n - 1 - i]!);
    zi *= z;
  }
  c[0]! /= 1 - zn1 * zn1;
  for (let i = 1; i < n; i++) c[i]! += z * c[i - 1]!;
  // _init_anticausal_mirror
  c[n - 1] = ((z * c[n - 2]! + c[n - 1]!) * z) / (z * z - 1);
  for (let i = n - 2; i >= 0; i--) c[i] = z * (c[i + 1]! - c[i]!);
}

/** Spline coefficients on a box of the image (inclusive voxel indices), equal bit for bit to prefiltering the whole image. */
export interface SplineCoefficients {
  readonly imageSize: Vec3;
  readonly lower: Vec3;
  readonly size: Vec3;
  readonly data: Float64Array;
}

/**
 * spline_filter over the whole image, kept on the box only: each 1D pass runs on whole lines (so every line is
 * filtered exactly as SciPy filters it), but only the lines the later passes read are filtered and stored — the
 * k pass on every (i, j) keeps k in the box, the j pass on every i keeps j in the box, the i pass keeps the box.
 */
export function splineCoefficients(data: ArrayLike<number>, imageSize: Vec3, lower: Vec3, upper: Vec3): SplineCoefficients {
  const [nx, ny, nz] = imageSize;
  const [bx, by, bz] = [upper[0] - lower[0] + 1, upper[1] - lower[1] + 1, upper[2] - lower[2] + 1];
  // k pass: (nx · ny) × bz
  const afterK = new Float64Array(nx * ny * bz);
  let line = new Float64Array(nz);
  for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) {
    for (let k = 0; k < nz; k++) line[k] = data[i + nx * (j + ny * k)]!;
    splineFilterLine(line, nz);
    for (let k = 0; k < bz; k++) afterK[i + nx * (j + ny * k)] = line[lower[2] + k]!;
  }
  // j pass: nx × by × bz
  const afterJ = new Float64Array(nx * by * bz);
  line = new Float64Array(ny);
  for (let k = 0; k < bz; k++) for (let i = 0; i < nx; i++) {
    for (let j = 0; j < ny; j++) line[j] = afterK[i + nx * (j + ny * k)]!;
    splineFilterLine(line, ny);
    for (let j = 0; j < by; j++) afterJ[i + nx * (j + by * k)] = line[lower[1] + j]!;
  }
  // i pass: bx × by × bz
  const out = new Float64Array(bx * by * bz);
  line = new Float64Array(nx);
  for (let k = 0; k < bz; k++) for (let j = 0; j < by; j++) {
    for (let i = 0; i < nx; i++) line[i] = afterJ[i + nx * (j + by * k)]!;
    splineFilterLine(line, nx);
    for (let i = 0; i < bx; i++) out[i + bx * (j + by * k)] = line[lower[0] + i]!;
  }
  return { imageSize, lower, size: [bx, by, bz], data: out };
}

/** map_coordinate(idx, len, NI_EXTEND_MIRROR) for the integer filter indices. */
function mirror(idx: number, len: number): number {
  if (len <= 1) return 0;
  const sz2 = 2 * len - 2;
  if (idx < 0) {
    const i = sz2 * Math.trunc(-idx / sz2) + idx;
    return i <= 1 - len ? i + sz2 : -i;
  }
  if (idx > len - 1) {
    const i = idx - sz2 * Math.trunc(idx / sz2);
    return i >= len ? sz2 - i : i;
  }
  return idx;
}

/** get_spline_interpolation_weights(x, 3) into w (4 weights). */
function weights(x: number, w: Float64Array): void {
  const t = x - Math.floor(x);
  const z = 1.0 - t;
  w[1] = (t * t * (t - 2.0) * 3.0 + 4.0) / 6.0;
  w[2] = (z * z * (z - 2.0) * 3.0 + 4.0) / 6.0;
  w[0] = (z * z * z) / 6.0;
  let last = 1.0;
  last -= w[0]!;
  last -= w[1]!;
  last -= w[2]!;
  w[3] = last;
}

/** A sampler of the coefficients at continuous voxel indices (i, j, k) of the image, 0 outside it. */
export function cubicSampler(coefficients: SplineCoefficients, integerOutput: boolean): (i: number, j: number, k: number) => number {
  const { imageSize, lower, size, data } = coefficients;
  const [bx, by] = size;
  const wi = new Float64Array(4), wj = new Float64Array(4), wk = new Float64Array(4);
  const oi = new Int32Array(4), oj = new Int32Array(4), ok = new Int32Array(4);
  const axis = (c: number, a: 0 | 1 | 2, w: Float64Array, offsets: Int32Array, stride: number): void => {
    const len = imageSize[a], start = Math.floor(c) - 1;
    for (let l = 0; l < 4; l++) {
      const idx = start < 0 || start + 3 >= len ? mirror(start + l, len) : start + l;
      const local = idx - lower[a];
      if (local < 0 || local >= size[a]) throw new Error(`cubicSampler: coefficient ${idx} on axis ${a} outside the prefiltered box`);
      offsets[l] = local * stride;
    }
    weights(c, w);
  };
  return (i, j, k) => {
    // mode 'constant': map_coordinate sends anything outside [0, len − 1] to −1, i.e. cval.
    if (!(i >= 0 && i <= imageSize[0] - 1 && j >= 0 && j <= imageSize[1] - 1 && k >= 0 && k <= imageSize[2] - 1)) return 0;
    axis(k, 2, wk, ok, bx * by);
    axis(j, 1, wj, oj, bx);
    axis(i, 0, wi, oi, 1);
    let t = 0.0;
    for (let a = 0; a < 4; a++) for (let b = 0; b < 4; b++) for (let c = 0; c < 4; c++) {
      let coeff = data[ok[a]! + oj[b]! + oi[c]!]!;
      coeff *= wk[a]!;
      coeff *= wj[b]!;
      coeff *= wi[c]!;
      t += coeff;
    }
    // CASE_INTERP_OUT_INT: round half away from zero, then the C cast truncates.
    return integerOutput ? Math.trunc(t > 0 ? t + 0.5 : t - 0.5) : t;
  };
}
