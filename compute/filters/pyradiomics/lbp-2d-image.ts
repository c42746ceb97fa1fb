// pyradiomics `LBP2D`: scikit-image's local_binary_pattern on every slice normal to `force2Ddimension`.
// P samples on a circle of radius R around each pixel at (row − R·sin 2πp/P, col + R·cos 2πp/P) (offsets
// rounded to 5 decimals), bilinear interpolation with 0 outside the slice; bit p = sample ≥ centre.
// 'uniform': the number of set bits if the bits change at most twice along p = 0 … P−1 (scikit-image does
// not count the wrap-around pair P−1 → 0), else P + 1; 'default': Σ bit_p·2^p.
import { BadUserInputError } from "../../errors.js";
import { withData, type Axis, type FilterImage } from "../filter-image.js";
import type { DerivedImage } from "./derived-image.js";

export interface Lbp2DParams {
  /** pyradiomics' `lbp2DRadius` (voxels), default 1. */
  readonly lbp2DRadius?: number;
  /** pyradiomics' `lbp2DSamples`, default 8 (the code's default; its docstring says 9). */
  readonly lbp2DSamples?: number;
  /** pyradiomics' `lbp2DMethod`, default 'uniform'. */
  readonly lbp2DMethod?: "uniform" | "default";
  /** numpy axis the slices are normal to (0 = k, 1 = j, 2 = i), default 0. */
  readonly force2Ddimension?: 0 | 1 | 2;
}

// Slice, row and column axes (FilterImage i = 0, j = 1, k = 2) for numpy.swapaxes(0, force2Ddimension).
const LAYOUT: Record<0 | 1 | 2, readonly [Axis, Axis, Axis]> = { 0: [2, 1, 0], 1: [1, 2, 0], 2: [0, 1, 2] };

export function lbp2DImage(image: FilterImage, params: Lbp2DParams = {}): DerivedImage {
  const radius = params.lbp2DRadius ?? 1;
  const samples = params.lbp2DSamples ?? 8;
  const method = params.lbp2DMethod ?? "uniform";
  if (!(radius > 0)) throw new BadUserInputError(`lbp2DRadius must be > 0, got ${radius}`);
  if (!Number.isInteger(samples) || samples < 1) throw new BadUserInputError(`lbp2DSamples must be a whole number ≥ 1, got ${samples}`);
  if (method !== "uniform" && method !== "default") throw new BadUserInputError(`lbp2DMethod '${String(method)}' is not supported (uniform, default)`);
  const [sliceAxis, rowAxis, colAxis] = LAYOUT[params.force2Ddimension ?? 0];
  const dr = Array.from({ length: samples }, (_, p) => round5(-radius * Math.sin((2 * Math.PI * p) / samples)));
  const dc = Array.from({ length: samples }, (_, p) => round5(radius * Math.cos((2 * Math.PI * p) / samples)));
  const [nx, ny] = image.size;
  const stride = [1, nx, nx * ny];
  const rows = image.size[rowAxis], cols = image.size[colAxis];
  const out = new Float64Array(image.data.length);
  const bits = new Uint8Array(samples);
  for (let s = 0; s < image.size[sliceAxis]; s++) {
    const base = s * stride[sliceAxis]!;
    const pixel = (r: number, c: number): number => (r < 0 || r >= rows || c < 0 || c >= cols ? 0 : image.data[base + r * stride[rowAxis]! + c * stride[colAxis]!]!);
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        const centre = pixel(r, c);
        for (let p = 0; p < samples; p++) bits[p] = bilinear(pixel, r + dr[p]!, c + dc[p]!) - centre >= 0 ? 1 : 0;
        out[base + r * stride[rowAxis]! + c * stride[colAxis]!] = method === "uniform" ? uniformCode(bits) : weightedCode(bits);
      }
  }
  return { name: "lbp-2D", image: withData(image, out) };
}

/** numpy.round(x, 5): round half to even at the 5th decimal (the offsets are never exact halves). */
function round5(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}

/** scikit-image's bilinear_interpolation (mode 'C', cval 0). */
function bilinear(pixel: (r: number, c: number) => number, r: number, c: number): number {
  const minr = Math.floor(r), minc = Math.floor(c), maxr = Math.ceil(r), maxc = Math.ceil(c);
  const fr = r - minr, fc = c - minc;
  const top = (1 - fc) * pixel(minr, minc) + fc * pixel(minr, maxc);
  const bottom = (1 - fc) * pixel(maxr, minc) + fc * pixel(maxr, maxc);
  return (1 - fr) * top + fr * bottom;
}

function uniformCode(bits: Uint8Array): number {
  let changes = 0, ones = 0;
  for (let p = 0; p < bits.length; p++) {
    ones += bits[p]!;
    if (p < bits.length - 1 && bits[p] !== bits[p + 1]) changes++;
  }
  return changes <= 2 ? ones : bits.length + 1;
}

function weightedCode(bits: Uint8Array): number {
  let code = 0;
  for (let p = 0; p < bits.length; p++) code += bits[p]! * 2 ** p;
  return code;
}
