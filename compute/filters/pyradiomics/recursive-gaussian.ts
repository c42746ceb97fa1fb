// ITK's RecursiveGaussianImageFilter (what SimpleITK's LaplacianRecursiveGaussianImageFilter runs along each
// axis): Deriche's 4th-order IIR approximation of a Gaussian (order 0) or its 2nd derivative (order 2), a
// causal plus an anti-causal pass, with the edge voxel assumed to extend to infinity on either side.
// Coefficients: Deriche, "Recursively implementing the Gaussian and its derivatives" (INRIA RR-1893, 1993),
// the fitted constants a/b/ω/λ; normalised so the sampled kernel sums to 1 (order 0), or its 2nd moment
// to 2 (order 2), in voxel units; `normalizeAcrossScale` multiplies order 2 by σ² (σ in mm).
import { axisStride, withData, type Axis, type FilterImage } from "../filter-image.js";

export type GaussianOrder = 0 | 2;

const LINES_PER_CHUNK = 256;

interface Coefficients {
  n: [number, number, number, number];
  m: [number, number, number, number];
  d: [number, number, number, number];
  bn: [number, number, number, number];
  bm: [number, number, number, number];
}

// Deriche's fit: exponents λ, frequencies ω (shared), and a, b per order (0: Gaussian, 2: 2nd derivative).
const W1 = 0.6681, L1 = -1.3932, W2 = 2.0787, L2 = -1.3732;
const AB: Record<GaussianOrder, { a1: number; b1: number; a2: number; b2: number }> = {
  0: { a1: 1.353, b1: 1.8151, a2: -0.3531, b2: 0.0902 },
  2: { a1: -1.3563, b1: 5.2318, a2: 0.3446, b2: -2.2355 },
};

/** The voxels one pass writes: "float32" rounds each output voxel as an ITK float image stores it (Math.fround). */
export type GaussianOutput = "float32" | "float64";

export function recursiveGaussianAxis(image: FilterImage, axis: Axis, sigmaMm: number, order: GaussianOrder, normalizeAcrossScale: boolean, output: GaussianOutput = "float64"): FilterImage {
  const out = new Float64Array(image.data.length);
  recursiveGaussianPass(image.data, out, image.size, image.spacing, axis, sigmaMm, order, normalizeAcrossScale, output, gaussianScratch(image.size));
  return withData(image, out);
}

/** Scratch lines for recursiveGaussianPass on images of this size (the largest block: one k-slab of lines along k). */
export function gaussianScratch(size: FilterImage["size"]): { causal: Float64Array; anti: Float64Array } {
  const n = size[0] * size[1] * size[2];
  return { causal: new Float64Array(n), anti: new Float64Array(n) };
}

/**
 * One pass along `axis` from `input` into `output` ("float32": each voxel rounded as ITK's float images store it).
 * Lines along j and k are filtered side by side, a row (or a slice) of them per step, so memory is read in order.
 */
export function recursiveGaussianPass(
  input: Float64Array, output: Float64Array, size: FilterImage["size"], spacing: FilterImage["spacing"], axis: Axis,
  sigmaMm: number, order: GaussianOrder, normalizeAcrossScale: boolean, rounding: GaussianOutput, scratch: { causal: Float64Array; anti: Float64Array },
): void {
  const c = coefficients(sigmaMm, spacing[axis], order, normalizeAcrossScale);
  const n = size[axis];
  const stride = axisStride(size, axis);
  // Lines side by side: along i each line is alone (width 1); along j a row of nx; along k a slice of nx·ny.
  const width = stride;
  const blocks = input.length / (n * width);
  const float32 = rounding === "float32";
  if (width === 1) for (let b = 0; b < blocks; b++) filterLine(input, output, b * n, n, c, scratch.causal, float32);
  // In chunks of lines, so the rows the recursions read back stay in cache.
  else for (let b = 0; b < blocks; b++) for (let t = 0; t < width; t += LINES_PER_CHUNK) filterLines(input, output, b * n * width, n, width, t, Math.min(width, t + LINES_PER_CHUNK), c, scratch.causal, scratch.anti, float32);
}

function dCoefficients(sigmad: number): { d: Coefficients["d"]; sd: number; dd: number; ed: number } {
  const cos1 = Math.cos(W1 / sigmad), cos2 = Math.cos(W2 / sigmad);
  const exp1 = Math.exp(L1 / sigmad), exp2 = Math.exp(L2 / sigmad);
  const d4 = exp1 * exp1 * exp2 * exp2;
  const d3 = -2 * cos1 * exp1 * exp2 * exp2 + -2 * cos2 * exp2 * exp1 * exp1;
  const d2 = 4 * cos2 * cos1 * exp1 * exp2 + (exp1 * exp1 + exp2 * exp2);
  const d1 = -2 * (exp2 * cos2 + exp1 * cos1);
  return { d: [d1, d2, d3, d4], sd: 1 + d1 + d2 + d3 + d4, dd: d1 + 2 * d2 + 3 * d3 + 4 * d4, ed: d1 + 4 * d2 + 9 * d3 + 16 * d4 };
}

function nCoefficients(sigmad: number, order: GaussianOrder): { n: Coefficients["n"]; sn: number; dn: number; en: number } {
  const { a1, b1, a2, b2 } = AB[order];
  const sin1 = Math.sin(W1 / sigmad), sin2 = Math.sin(W2 / sigmad);
  const cos1 = Math.cos(W1 / sigmad), cos2 = Math.cos(W2 / sigmad);
  const exp1 = Math.exp(L1 / sigmad), exp2 = Math.exp(L2 / sigmad);
  const n0 = a1 + a2;
  let n1 = exp2 * (b2 * sin2 - (a2 + 2 * a1) * cos2);
  n1 += exp1 * (b1 * sin1 - (a1 + 2 * a2) * cos1);
  let n2 = (a1 + a2) * cos2 * cos1;
  n2 -= b1 * cos2 * sin1 + b2 * cos1 * sin2;
  n2 *= 2 * exp1 * exp2;
  n2 += a2 * exp1 * exp1 + a1 * exp2 * exp2;
  let n3 = exp2 * exp1 * exp1 * (b2 * sin2 - a2 * cos2);
  n3 += exp1 * exp2 * exp2 * (b1 * sin1 - a1 * cos1);
  return { n: [n0, n1, n2, n3], sn: n0 + n1 + n2 + n3, dn: n1 + 2 * n2 + 3 * n3, en: n1 + 4 * n2 + 9 * n3 };
}

function coefficients(sigmaMm: number, spacing: number, order: GaussianOrder, normalizeAcrossScale: boolean): Coefficients {
  const sigmad = sigmaMm / Math.abs(spacing);
  const { d, sd, dd, ed } = dCoefficients(sigmad);
  let n: Coefficients["n"];
  if (order === 0) {
    const g = nCoefficients(sigmad, 0);
    const alpha0 = (2 * g.sn) / sd - g.n[0]; // the kernel's sum
    n = g.n.map((x) => x * (1 / alpha0)) as Coefficients["n"];
  } else {
    // 2nd-derivative kernel made of the order-2 fit plus β × the Gaussian, β chosen so its sum is 0.
    const g0 = nCoefficients(sigmad, 0);
    const g2 = nCoefficients(sigmad, 2);
    const beta = -(2 * g2.sn - sd * g2.n[0]) / (2 * g0.sn - sd * g0.n[0]);
    const raw = g2.n.map((x, t) => x + beta * g0.n[t]!) as Coefficients["n"];
    const sn = g2.sn + beta * g0.sn, dn = g2.dn + beta * g0.dn, en = g2.en + beta * g0.en;
    const alpha2 = (en * sd * sd - ed * sn * sd - 2 * dn * dd * sd + 2 * dd * dd * sn) / (sd * sd * sd); // its 2nd moment / 2
    const scale = normalizeAcrossScale ? sigmaMm * sigmaMm : 1;
    n = raw.map((x) => x * (scale / alpha2)) as Coefficients["n"];
  }
  // Both orders are symmetric kernels: anti-causal taps mirror the causal ones.
  const m: Coefficients["m"] = [n[1] - d[0] * n[0], n[2] - d[1] * n[0], n[3] - d[2] * n[0], -d[3] * n[0]];
  const sn = n[0] + n[1] + n[2] + n[3];
  const sm = m[0] + m[1] + m[2] + m[3];
  const sdd = 1 + d[0] + d[1] + d[2] + d[3];
  return { n, m, d, bn: d.map((x) => (x * sn) / sdd) as Coefficients["bn"], bm: d.map((x) => (x * sm) / sdd) as Coefficients["bm"] };
}

/**
 * ITK's FilterDataArray on `width` lines at once: line t's voxel x is at offset + x·width + t. y⁺ (causal)
 * and y⁻ (anti-causal); the output is y⁺ + y⁻. Needs n ≥ 4. The same operations in the same order as ITK.
 */
function filterLines(x: Float64Array, out: Float64Array, offset: number, len: number, w: number, from: number, to: number, c: Coefficients, yc: Float64Array, ya: Float64Array, float32: boolean): void {
  const [n0, n1, n2, n3] = c.n;
  const [d1, d2, d3, d4] = c.d;
  const [bn1, bn2, bn3, bn4] = c.bn;
  const [m1, m2, m3, m4] = c.m;
  const [bm1, bm2, bm3, bm4] = c.bm;
  const o = offset;
  for (let t = from; t < to; t++) {
    // Borders: x[−1], x[−2], … equal x[0]; the past outputs' steady state is folded into the BN terms.
    const v1 = x[o + t]!, x1 = x[o + w + t]!, x2 = x[o + 2 * w + t]!, x3 = x[o + 3 * w + t]!;
    let y0 = v1 * n0 + v1 * n1 + v1 * n2 + v1 * n3;
    let y1 = x1 * n0 + v1 * n1 + v1 * n2 + v1 * n3;
    let y2 = x2 * n0 + x1 * n1 + v1 * n2 + v1 * n3;
    let y3 = x3 * n0 + x2 * n1 + x1 * n2 + v1 * n3;
    y0 -= v1 * bn1 + v1 * bn2 + v1 * bn3 + v1 * bn4;
    y1 -= y0 * d1 + v1 * bn2 + v1 * bn3 + v1 * bn4;
    y2 -= y1 * d1 + y0 * d2 + v1 * bn3 + v1 * bn4;
    y3 -= y2 * d1 + y1 * d2 + y0 * d3 + v1 * bn4;
    yc[t] = y0; yc[w + t] = y1; yc[2 * w + t] = y2; yc[3 * w + t] = y3;
  }
  for (let i = 4; i < len; i++) {
    const p = i * w, q = o + p;
    for (let t = from; t < to; t++) {
      const y = x[q + t]! * n0 + x[q - w + t]! * n1 + x[q - 2 * w + t]! * n2 + x[q - 3 * w + t]! * n3;
      yc[p + t] = y - (yc[p - w + t]! * d1 + yc[p - 2 * w + t]! * d2 + yc[p - 3 * w + t]! * d3 + yc[p - 4 * w + t]! * d4);
    }
  }
  const e = (len - 1) * w;
  for (let t = from; t < to; t++) {
    const v2 = x[o + e + t]!, x1 = x[o + e - w + t]!, x2 = x[o + e - 2 * w + t]!;
    let y0 = v2 * m1 + v2 * m2 + v2 * m3 + v2 * m4;
    let y1 = v2 * m1 + v2 * m2 + v2 * m3 + v2 * m4; // x[e] = v2
    let y2 = x1 * m1 + v2 * m2 + v2 * m3 + v2 * m4;
    let y3 = x2 * m1 + x1 * m2 + v2 * m3 + v2 * m4;
    y0 -= v2 * bm1 + v2 * bm2 + v2 * bm3 + v2 * bm4;
    y1 -= y0 * d1 + v2 * bm2 + v2 * bm3 + v2 * bm4;
    y2 -= y1 * d1 + y0 * d2 + v2 * bm3 + v2 * bm4;
    y3 -= y2 * d1 + y1 * d2 + y0 * d3 + v2 * bm4;
    ya[e + t] = y0; ya[e - w + t] = y1; ya[e - 2 * w + t] = y2; ya[e - 3 * w + t] = y3;
    for (let r = 0; r < 4; r++) {
      const p = e - r * w + t, sum = yc[p]! + ya[p]!;
      out[o + p] = float32 ? Math.fround(sum) : sum;
    }
  }
  for (let i = len - 4; i > 0; i--) {
    const p = (i - 1) * w, q = o + i * w;
    for (let t = from; t < to; t++) {
      const y = x[q + t]! * m1 + x[q + w + t]! * m2 + x[q + 2 * w + t]! * m3 + x[q + 3 * w + t]! * m4;
      const a = y - (ya[p + w + t]! * d1 + ya[p + 2 * w + t]! * d2 + ya[p + 3 * w + t]! * d3 + ya[p + 4 * w + t]! * d4);
      ya[p + t] = a;
      const sum = yc[p + t]! + a;
      out[q - w + t] = float32 ? Math.fround(sum) : sum;
    }
  }
}

/** filterLines for one contiguous line (along i), the recursions' last outputs held in locals: the same operations. */
function filterLine(x: Float64Array, out: Float64Array, o: number, len: number, c: Coefficients, yc: Float64Array, float32: boolean): void {
  const [n0, n1, n2, n3] = c.n;
  const [d1, d2, d3, d4] = c.d;
  const [bn1, bn2, bn3, bn4] = c.bn;
  const [m1, m2, m3, m4] = c.m;
  const [bm1, bm2, bm3, bm4] = c.bm;
  const v1 = x[o]!;
  let y0 = v1 * n0 + v1 * n1 + v1 * n2 + v1 * n3;
  let y1 = x[o + 1]! * n0 + v1 * n1 + v1 * n2 + v1 * n3;
  let y2 = x[o + 2]! * n0 + x[o + 1]! * n1 + v1 * n2 + v1 * n3;
  let y3 = x[o + 3]! * n0 + x[o + 2]! * n1 + x[o + 1]! * n2 + v1 * n3;
  y0 -= v1 * bn1 + v1 * bn2 + v1 * bn3 + v1 * bn4;
  y1 -= y0 * d1 + v1 * bn2 + v1 * bn3 + v1 * bn4;
  y2 -= y1 * d1 + y0 * d2 + v1 * bn3 + v1 * bn4;
  y3 -= y2 * d1 + y1 * d2 + y0 * d3 + v1 * bn4;
  yc[0] = y0; yc[1] = y1; yc[2] = y2; yc[3] = y3;
  // y3 … y0 now hold yc[i−1] … yc[i−4].
  for (let i = 4; i < len; i++) {
    const q = o + i;
    const y = x[q]! * n0 + x[q - 1]! * n1 + x[q - 2]! * n2 + x[q - 3]! * n3 - (y3 * d1 + y2 * d2 + y1 * d3 + y0 * d4);
    yc[i] = y; y0 = y1; y1 = y2; y2 = y3; y3 = y;
  }
  const e = len - 1, v2 = x[o + e]!;
  let a0 = v2 * m1 + v2 * m2 + v2 * m3 + v2 * m4;
  let a1 = x[o + e]! * m1 + v2 * m2 + v2 * m3 + v2 * m4;
  let a2 = x[o + e - 1]! * m1 + x[o + e]! * m2 + v2 * m3 + v2 * m4;
  let a3 = x[o + e - 2]! * m1 + x[o + e - 1]! * m2 + x[o + e]! * m3 + v2 * m4;
  a0 -= v2 * bm1 + v2 * bm2 + v2 * bm3 + v2 * bm4;
  a1 -= a0 * d1 + v2 * bm2 + v2 * bm3 + v2 * bm4;
  a2 -= a1 * d1 + a0 * d2 + v2 * bm3 + v2 * bm4;
  a3 -= a2 * d1 + a1 * d2 + a0 * d3 + v2 * bm4;
  const last = [a0, a1, a2, a3];
  for (let r = 0; r < 4; r++) { const sum = yc[e - r]! + last[r]!; out[o + e - r] = float32 ? Math.fround(sum) : sum; }
  // a3 … a0 now hold ya[i−1] … ya[i+2] for the next i − 1 … .
  for (let i = len - 4; i > 0; i--) {
    const q = o + i;
    const y = x[q]! * m1 + x[q + 1]! * m2 + x[q + 2]! * m3 + x[q + 3]! * m4 - (a3 * d1 + a2 * d2 + a1 * d3 + a0 * d4);
    a0 = a1; a1 = a2; a2 = a3; a3 = y;
    if (float32) out[q - 1] = Math.fround(yc[i - 1]! + y); else out[q - 1] = yc[i - 1]! + y;
  }
}
