// pyradiomics `LBP3D` (imageoperations.getLBP3DImage, Banerjee et al. 2013), at every ROI voxel p:
//   f_v = map_coordinates(image, p + vertex_v, order=3), v over trimesh's icosphere(lbp3DIcosphereSubdivision,
//     lbp3DIcosphereRadius) — in voxel units, spacing ignored, the vertex's x/y/z added to numpy's z/y/x index
//     (so to k/j/i here); samples outside the image are 0;
//   lbp-3D-k = scipy.stats.kurtosis(f) (Fisher, biased; NaN where m2 ≤ (ε·mean)²);
//   b_v = f_v ≥ image(p); c_{n,m} = Σ_v b_v Y_n^m(v) (no conjugate), Y = sph_harm(m, n, θ_v, φ_v) with
//     θ_v = arccos(z_v / radius), φ_v = atan2(y_v, x_v) passed in scipy's (azimuth, polar) slots — swapped, as
//     pyradiomics passes them;
//   lbp-3D-m<n+1> = Re √(Σ_v g_v²) with g_v = Σ_m c_{n,m} Y_n^m(v) — the complex square and principal square
//     root, not |g|², as pyradiomics computes it; n = 0 … lbp3DLevels − 1.
// Voxels outside the ROI are 0 (pyradiomics leaves them uninitialised; no feature reads them). Sampling
// follows SciPy bit for bit (scipy-map-coordinates.ts); an integer-typed image has its samples rounded to
// integers, as map_coordinates writes them into an array of the image's type.
import { BadUserInputError } from "../../errors.js";
import type { Vec3 } from "../../image/volume.js";
import { cubicSampler, splineCoefficients } from "./scipy-map-coordinates.js";
import { sphHarm } from "./spherical-harmonics.js";
import { icosphereVertices } from "./trimesh-icosphere.js";

export interface Lbp3DParams {
  /** pyradiomics' `lbp3DLevels`, default 2; 1 fails inside pyradiomics 3.0.1 (a 1-D Y array), so ≥ 2 here. */
  readonly lbp3DLevels?: number;
  /** pyradiomics' `lbp3DIcosphereRadius` (voxels), default 1. */
  readonly lbp3DIcosphereRadius?: number;
  /** pyradiomics' `lbp3DIcosphereSubdivision`, default 1 (42 vertices); at most 5 (10 242) here. */
  readonly lbp3DIcosphereSubdivision?: number;
}

export const MAX_LBP3D_SUBDIVISION = 5;

/** The image read: voxels i fastest, any numeric array (pyradiomics' float64, or an integer-typed image's values). */
export interface Lbp3DInput {
  readonly size: Vec3;
  readonly data: ArrayLike<number>;
  /** The image has an integer pixel type (samples rounded as map_coordinates does); default false (float64). */
  readonly integer?: boolean;
}

export interface Lbp3DOutput {
  /** `lbp-3D-m1` … `lbp-3D-m<levels>`, then `lbp-3D-k`. */
  readonly name: string;
  /** Voxels on `box` (i fastest); 0 outside the ROI. */
  readonly data: Float64Array;
}

export interface VoxelBox {
  readonly lower: Vec3;
  readonly upper: Vec3;
}

export function lbp3DSettings(params: Lbp3DParams): { levels: number; radius: number; subdivisions: number } {
  const levels = params.lbp3DLevels ?? 2, radius = params.lbp3DIcosphereRadius ?? 1, subdivisions = params.lbp3DIcosphereSubdivision ?? 1;
  if (!Number.isInteger(levels) || levels < 2) throw new BadUserInputError(`lbp3DLevels must be a whole number ≥ 2 (pyradiomics 3.0.1 fails on 1), got ${levels}`, { key: "lbp3DLevels" });
  if (!(radius > 0) || !Number.isFinite(radius)) throw new BadUserInputError(`lbp3DIcosphereRadius must be > 0 (voxels), got ${radius}`, { key: "lbp3DIcosphereRadius" });
  if (!Number.isInteger(subdivisions) || subdivisions < 0 || subdivisions > MAX_LBP3D_SUBDIVISION)
    throw new BadUserInputError(`lbp3DIcosphereSubdivision must be a whole number from 0 to ${MAX_LBP3D_SUBDIVISION} (10·4^s + 2 samples per voxel), got ${subdivisions}`, { key: "lbp3DIcosphereSubdivision" });
  return { levels, radius, subdivisions };
}

/** numpy's pairwise summation (add.reduce over a contiguous axis: 8 accumulators per block of ≤ 128), from 0. */
export function numpySum(a: Float64Array, start = 0, n = a.length): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += a[start + i]!;
    return res;
  }
  if (n <= 128) {
    const r = a.slice(start, start + 8);
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j]! += a[start + i + j]!;
    let res = ((r[0]! + r[1]!) + (r[2]! + r[3]!)) + ((r[4]! + r[5]!) + (r[6]! + r[7]!));
    for (; i < n; i++) res += a[start + i]!;
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return numpySum(a, start, n2) + numpySum(a, start + n2, n - n2);
}

/** scipy.stats.kurtosis(f) (fisher=True, bias=True) of one voxel's samples; `work` has f's length. */
export function scipyKurtosis(f: Float64Array, work: Float64Array): number {
  const n = f.length;
  const mean = numpySum(f) / n;
  for (let v = 0; v < n; v++) { const d = f[v]! - mean; work[v] = d * d; }
  const m2 = numpySum(work) / n;
  for (let v = 0; v < n; v++) work[v] = work[v]! * work[v]!;
  const m4 = numpySum(work) / n;
  const eps = Number.EPSILON * mean;
  return m2 <= eps * eps ? NaN : m4 / (m2 * m2) - 3;
}

/** Real part of the principal complex square root, as glibc's csqrt computes it. */
function sqrtRealPart(re: number, im: number): number {
  if (im === 0) return re >= 0 ? Math.sqrt(re) : 0;
  if (re === 0) return Math.sqrt(0.5 * Math.abs(im));
  const d = Math.hypot(re, im);
  if (re > 0) return Math.sqrt(0.5 * (d + re));
  return Math.abs(0.5 * (im / Math.sqrt(0.5 * (d - re))));
}

/** The spherical harmonics at the vertices: per vertex, (n, m) = (0, 0), (1, −1), (1, 0), (1, 1), (2, −2) … as re, im pairs. */
function harmonics(vertices: Float64Array, radius: number, levels: number): Float64Array {
  const nv = vertices.length / 3, count = levels * levels;
  const out = new Float64Array(nv * count * 2);
  for (let v = 0; v < nv; v++) {
    const theta = Math.acos(vertices[3 * v + 2]! / radius), phi = Math.atan2(vertices[3 * v + 1]!, vertices[3 * v]!);
    let idx = 0;
    for (let n = 0; n < levels; n++) for (let m = -n; m <= n; m++, idx++) {
      const y = sphHarm(m, n, theta, phi);
      out[2 * (v * count + idx)] = y.re;
      out[2 * (v * count + idx) + 1] = y.im;
    }
  }
  return out;
}

/**
 * The LBP3D images on `box` (default the whole image) for the ROI voxels (`roi` non-zero, image grid), reading
 * the whole image where the spline prefilter needs it (bit-identical to pyradiomics filtering the whole image).
 */
export function lbp3DImages(image: Lbp3DInput, roi: ArrayLike<number>, params: Lbp3DParams = {}, box?: VoxelBox): Lbp3DOutput[] {
  const { levels, radius, subdivisions } = lbp3DSettings(params);
  const size = image.size;
  const [nx, ny] = size;
  const out = box ?? { lower: [0, 0, 0] as Vec3, upper: [size[0] - 1, size[1] - 1, size[2] - 1] as Vec3 };
  const bs: Vec3 = [out.upper[0] - out.lower[0] + 1, out.upper[1] - out.lower[1] + 1, out.upper[2] - out.lower[2] + 1];
  const images = Array.from({ length: levels + 1 }, () => new Float64Array(bs[0] * bs[1] * bs[2]));
  const names = [...Array.from({ length: levels }, (_, l) => `lbp-3D-m${l + 1}`), "lbp-3D-k"];
  // ROI voxels inside the output box, and the coefficient box their samples read (± ⌈radius⌉ + 2, clamped).
  const reach = Math.ceil(radius) + 2;
  const lo: number[] = [Infinity, Infinity, Infinity], hi: number[] = [-Infinity, -Infinity, -Infinity];
  const voxels: number[] = [];
  for (let k = out.lower[2]; k <= out.upper[2]; k++) for (let j = out.lower[1]; j <= out.upper[1]; j++) for (let i = out.lower[0]; i <= out.upper[0]; i++) {
    if (!roi[i + nx * (j + ny * k)]) continue;
    voxels.push(i, j, k);
    [i, j, k].forEach((c, a) => { lo[a] = Math.min(lo[a]!, c); hi[a] = Math.max(hi[a]!, c); });
  }
  if (voxels.length === 0) return names.map((name, l) => ({ name, data: images[l]! }));
  const clampLo = (a: number) => Math.max(0, lo[a]! - reach), clampHi = (a: number) => Math.min(size[a]! - 1, hi[a]! + reach);
  const coefficients = splineCoefficients(image.data, size, [clampLo(0), clampLo(1), clampLo(2)], [clampHi(0), clampHi(1), clampHi(2)]);
  const sample = cubicSampler(coefficients, image.integer ?? false);

  const vertices = icosphereVertices(subdivisions, radius);
  const nv = vertices.length / 3, count = levels * levels;
  const Y = harmonics(vertices, radius, levels);
  const f = new Float64Array(nv), work = new Float64Array(nv), c = new Float64Array(2 * count);
  for (let p = 0; p < voxels.length; p += 3) {
    const i = voxels[p]!, j = voxels[p + 1]!, k = voxels[p + 2]!;
    // numpy index (z, y, x) + vertex (x, y, z): the vertex's x moves along k, its z along i.
    for (let v = 0; v < nv; v++) f[v] = sample(i + vertices[3 * v + 2]!, j + vertices[3 * v + 1]!, k + vertices[3 * v]!);
    const at = i - out.lower[0] + bs[0] * (j - out.lower[1] + bs[1] * (k - out.lower[2]));
    images[levels]![at] = scipyKurtosis(f, work);
    const centre = image.data[i + nx * (j + ny * k)]!;
    c.fill(0);
    for (let v = 0; v < nv; v++) {
      if (!(f[v]! >= centre)) continue;
      for (let q = 0; q < 2 * count; q++) c[q]! += Y[2 * v * count + q]!;
    }
    let idx = 0;
    for (let n = 0; n < levels; n++) {
      let sre = 0, sim = 0;
      for (let v = 0; v < nv; v++) {
        let gre = 0, gim = 0;
        for (let m = 0; m <= 2 * n; m++) {
          const q = 2 * (idx + m), y = 2 * (v * count + idx + m);
          gre += c[q]! * Y[y]! - c[q + 1]! * Y[y + 1]!;
          gim += c[q]! * Y[y + 1]! + c[q + 1]! * Y[y]!;
        }
        sre += gre * gre - gim * gim;
        sim += 2 * gre * gim;
      }
      images[n]![at] = sqrtRealPart(sre, sim);
      idx += 2 * n + 1;
    }
  }
  return names.map((name, l) => ({ name, data: images[l]! }));
}
