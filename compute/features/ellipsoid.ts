// Ellipsoids for IBSI morphology: the surface area series of the approximate enclosing ellipsoid, and the
// minimum volume enclosing ellipsoid (Khachiyan's algorithm) of the convex-hull vertices.
import { symmetricEigen, type Matrix3 } from "./principal-axes.js";

/**
 * Ellipsoid surface area by IBSI's Legendre series (semi-axes a >= b >= c):
 * A = 4π a b Σ_{ν=0}^{20} (αβ)^ν / (1 - 4ν²) P_ν((α² + β²) / (2αβ)), α = sqrt(1 - b²/a²), β = sqrt(1 - c²/a²).
 * (αβ)^ν P_ν(x) is evaluated by the scaled Legendre recurrence, so a sphere (α = β = 0) needs no special case.
 * This is IBSI's definition (it reproduces the phantom's reference area density); it is exact for a sphere
 * but falls below the true area of elongated ellipsoids.
 */
export function ellipsoidSurfaceArea(a: number, b: number, c: number): number {
  const alpha = Math.sqrt(Math.max(0, 1 - (b * b) / (a * a)));
  const beta = Math.sqrt(Math.max(0, 1 - (c * c) / (a * a)));
  const y2 = (alpha * beta) ** 2;        // (αβ)²
  const xy = (alpha * alpha + beta * beta) / 2; // x · αβ
  let previous = 1;   // Q_0
  let current = xy;   // Q_1
  let sum = 1 + current / (1 - 4);
  for (let nu = 1; nu < 20; nu++) {
    const next = ((2 * nu + 1) * xy * current - nu * y2 * previous) / (nu + 1);
    previous = current; current = next;
    sum += current / (1 - 4 * (nu + 1) ** 2);
  }
  return 4 * Math.PI * a * b * sum;
}

export interface Ellipsoid { readonly semiAxes: [number, number, number] }

function invert3(m: Matrix3): Matrix3 | undefined {
  const [a, b, c, d, e, f, g, h, i] = m;
  const A = e * i - f * h, B = -(d * i - f * g), C = d * h - e * g;
  const det = a * A + b * B + c * C;
  if (Math.abs(det) < 1e-300) return undefined;
  return [A / det, -(b * i - c * h) / det, (b * f - c * e) / det, B / det, (a * i - c * g) / det, -(a * f - c * d) / det, C / det, -(a * h - b * g) / det, (a * e - b * d) / det];
}

/**
 * Minimum volume enclosing ellipsoid of points (flat xyz) by Khachiyan's algorithm to relative
 * tolerance `tolerance`. Undefined for degenerate (flat) point sets.
 */
export function minimumVolumeEnclosingEllipsoid(points: Float64Array, tolerance = 1e-4, maxIterations = 10_000): Ellipsoid | undefined {
  const n = points.length / 3;
  if (n < 4) return undefined;
  const d = 3;
  const u = new Float64Array(n).fill(1 / n);
  const q = (p: number, k: number) => (k < 3 ? points[3 * p + k]! : 1);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    // X = Σ u_p q_p q_pᵀ (4×4, lifted points)
    const X = new Float64Array(16);
    for (let p = 0; p < n; p++) for (let r = 0; r < 4; r++) for (let s = 0; s < 4; s++) X[4 * r + s]! += u[p]! * q(p, r) * q(p, s);
    const Xi = invert4(X);
    if (!Xi) return undefined;
    let best = -Infinity, bestP = 0;
    for (let p = 0; p < n; p++) {
      let m = 0;
      for (let r = 0; r < 4; r++) for (let s = 0; s < 4; s++) m += q(p, r) * Xi[4 * r + s]! * q(p, s);
      if (m > best) { best = m; bestP = p; }
    }
    const step = (best - d - 1) / ((d + 1) * (best - 1));
    for (let p = 0; p < n; p++) u[p]! *= 1 - step;
    u[bestP]! += step;
    if (step < tolerance) break;
  }
  const centre = [0, 0, 0];
  for (let p = 0; p < n; p++) for (let k = 0; k < 3; k++) centre[k]! += u[p]! * points[3 * p + k]!;
  const S: Matrix3 = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  for (let p = 0; p < n; p++) for (let r = 0; r < 3; r++) for (let s = 0; s < 3; s++) S[3 * r + s] += u[p]! * (points[3 * p + r]! - centre[r]!) * (points[3 * p + s]! - centre[s]!);
  // Ellipsoid (x - c)ᵀ A (x - c) <= 1 with A = S⁻¹ / d; semi-axes 1 / sqrt(eig(A)) = sqrt(d · eig(S)).
  const Si = invert3(S);
  if (!Si) return undefined;
  // Khachiyan stops slightly short of enclosing every point; scale the ellipsoid until it does.
  let worst = 0;
  for (let p = 0; p < n; p++) {
    const x = points[3 * p]! - centre[0]!, y = points[3 * p + 1]! - centre[1]!, z = points[3 * p + 2]! - centre[2]!;
    const m = (x * (Si[0] * x + Si[1] * y + Si[2] * z) + y * (Si[3] * x + Si[4] * y + Si[5] * z) + z * (Si[6] * x + Si[7] * y + Si[8] * z)) / d;
    if (m > worst) worst = m;
  }
  const scale = Math.sqrt(Math.max(worst, 1e-300));
  const eig = symmetricEigen(S).values;
  const axes = eig.map((l) => Math.sqrt(d * Math.max(l, 0)) * scale) as [number, number, number];
  return { semiAxes: axes };
}

function invert4(m: Float64Array): Float64Array | undefined {
  // Gauss-Jordan with partial pivoting.
  const a = Array.from({ length: 4 }, (_, r) => [m[4 * r]!, m[4 * r + 1]!, m[4 * r + 2]!, m[4 * r + 3]!, r === 0 ? 1 : 0, r === 1 ? 1 : 0, r === 2 ? 1 : 0, r === 3 ? 1 : 0]);
  for (let col = 0; col < 4; col++) {
    let pivot = col;
    for (let r = col + 1; r < 4; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    if (Math.abs(a[pivot]![col]!) < 1e-300) return undefined;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const div = a[col]![col]!;
    for (let k = 0; k < 8; k++) a[col]![k]! /= div;
    for (let r = 0; r < 4; r++) {
      if (r === col) continue;
      const f = a[r]![col]!;
      if (f !== 0) for (let k = 0; k < 8; k++) a[r]![k]! -= f * a[col]![k]!;
    }
  }
  const out = new Float64Array(16);
  for (let r = 0; r < 4; r++) for (let k = 0; k < 4; k++) out[4 * r + k] = a[r]![4 + k]!;
  return out;
}
