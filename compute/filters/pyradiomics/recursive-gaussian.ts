// ITK's RecursiveGaussianImageFilter (what SimpleITK's LaplacianRecursiveGaussianImageFilter runs along each
// axis): Deriche's 4th-order IIR approximation of a Gaussian (order 0) or its 2nd derivative (order 2), a
// causal plus an anti-causal pass, with the edge voxel assumed to extend to infinity on either side.
// Coefficients: Deriche, "Recursively implementing the Gaussian and its derivatives" (INRIA RR-1893, 1993),
// the fitted constants a/b/ω/λ; normalised so the sampled kernel sums to 1 (order 0), or its 2nd moment
// to 2 (order 2), in voxel units; `normalizeAcrossScale` multiplies order 2 by σ² (σ in mm).
import { axisStride, withData, type Axis, type FilterImage } from "../filter-image.js";

export type GaussianOrder = 0 | 2;

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

/** `store` rounds each output voxel as the output image's pixel type would (Math.fround for ITK float images). */
export function recursiveGaussianAxis(image: FilterImage, axis: Axis, sigmaMm: number, order: GaussianOrder, normalizeAcrossScale: boolean, store: (x: number) => number = (x) => x): FilterImage {
  const c = coefficients(sigmaMm, image.spacing[axis], order, normalizeAcrossScale);
  const { size, data } = image;
  const n = size[axis];
  const stride = axisStride(size, axis);
  const out = new Float64Array(data.length);
  const line = new Float64Array(n);
  const causal = new Float64Array(n);
  const anti = new Float64Array(n);
  for (let v = 0; v < data.length; v++) {
    if (Math.floor(v / stride) % n !== 0) continue; // v starts a line along `axis`
    for (let x = 0; x < n; x++) line[x] = data[v + x * stride]!;
    filterLine(line, causal, anti, c);
    for (let x = 0; x < n; x++) out[v + x * stride] = store(causal[x]! + anti[x]!);
  }
  return withData(image, out);
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

/** ITK's FilterDataArray: y⁺ (causal) and y⁻ (anti-causal); the output is y⁺ + y⁻. Needs n ≥ 4. */
function filterLine(x: Float64Array, yc: Float64Array, ya: Float64Array, c: Coefficients): void {
  const len = x.length;
  const [n0, n1, n2, n3] = c.n;
  const [d1, d2, d3, d4] = c.d;
  const [bn1, bn2, bn3, bn4] = c.bn;
  const v1 = x[0]!;
  // Borders: x[−1], x[−2], … equal x[0]; the past outputs' steady state is folded into the BN terms.
  yc[0] = v1 * n0 + v1 * n1 + v1 * n2 + v1 * n3;
  yc[1] = x[1]! * n0 + v1 * n1 + v1 * n2 + v1 * n3;
  yc[2] = x[2]! * n0 + x[1]! * n1 + v1 * n2 + v1 * n3;
  yc[3] = x[3]! * n0 + x[2]! * n1 + x[1]! * n2 + v1 * n3;
  yc[0] -= v1 * bn1 + v1 * bn2 + v1 * bn3 + v1 * bn4;
  yc[1] -= yc[0]! * d1 + v1 * bn2 + v1 * bn3 + v1 * bn4;
  yc[2] -= yc[1]! * d1 + yc[0]! * d2 + v1 * bn3 + v1 * bn4;
  yc[3] -= yc[2]! * d1 + yc[1]! * d2 + yc[0]! * d3 + v1 * bn4;
  for (let i = 4; i < len; i++) {
    yc[i] = x[i]! * n0 + x[i - 1]! * n1 + x[i - 2]! * n2 + x[i - 3]! * n3;
    yc[i]! -= yc[i - 1]! * d1 + yc[i - 2]! * d2 + yc[i - 3]! * d3 + yc[i - 4]! * d4;
  }
  const [m1, m2, m3, m4] = c.m;
  const [bm1, bm2, bm3, bm4] = c.bm;
  const v2 = x[len - 1]!;
  const e = len - 1;
  ya[e] = v2 * m1 + v2 * m2 + v2 * m3 + v2 * m4;
  ya[e - 1] = x[e]! * m1 + v2 * m2 + v2 * m3 + v2 * m4;
  ya[e - 2] = x[e - 1]! * m1 + x[e]! * m2 + v2 * m3 + v2 * m4;
  ya[e - 3] = x[e - 2]! * m1 + x[e - 1]! * m2 + x[e]! * m3 + v2 * m4;
  ya[e] -= v2 * bm1 + v2 * bm2 + v2 * bm3 + v2 * bm4;
  ya[e - 1] -= ya[e]! * d1 + v2 * bm2 + v2 * bm3 + v2 * bm4;
  ya[e - 2] -= ya[e - 1]! * d1 + ya[e]! * d2 + v2 * bm3 + v2 * bm4;
  ya[e - 3] -= ya[e - 2]! * d1 + ya[e - 1]! * d2 + ya[e]! * d3 + v2 * bm4;
  for (let i = len - 4; i > 0; i--) {
    ya[i - 1] = x[i]! * m1 + x[i + 1]! * m2 + x[i + 2]! * m3 + x[i + 3]! * m4;
    ya[i - 1]! -= ya[i]! * d1 + ya[i + 1]! * d2 + ya[i + 2]! * d3 + ya[i + 3]! * d4;
  }
}
