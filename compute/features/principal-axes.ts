// Symmetric 3×3 eigen-decomposition (cyclic Jacobi) and the principal axes of a point set — used for
// IBSI axis lengths, elongation, flatness and the enclosing-ellipsoid densities.

export type Matrix3 = [number, number, number, number, number, number, number, number, number];

export interface Eigen3 {
  /** Eigenvalues, decreasing. */
  readonly values: [number, number, number];
  /** Matching unit eigenvectors as rows: vectors[3 * n .. 3 * n + 2]. */
  readonly vectors: Float64Array;
}

/** Eigenvalues and eigenvectors of a symmetric 3×3 matrix (row-major). */
export function symmetricEigen(m: Matrix3): Eigen3 {
  const a = [...m];
  const v = [1, 0, 0, 0, 1, 0, 0, 0, 1];
  for (let sweep = 0; sweep < 50; sweep++) {
    const off = a[1]! ** 2 + a[2]! ** 2 + a[5]! ** 2;
    if (off < 1e-30 * (a[0]! ** 2 + a[4]! ** 2 + a[8]! ** 2 + 1e-300)) break;
    for (const [p, q] of [[0, 1], [0, 2], [1, 2]] as const) {
      const apq = a[3 * p + q]!;
      if (Math.abs(apq) < 1e-300) continue;
      const theta = (a[3 * q + q]! - a[3 * p + p]!) / (2 * apq);
      const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
      const c = 1 / Math.sqrt(t * t + 1), s = t * c;
      for (let k = 0; k < 3; k++) { // A ← A J (columns p, q)
        const akp = a[3 * k + p]!, akq = a[3 * k + q]!;
        a[3 * k + p] = c * akp - s * akq; a[3 * k + q] = s * akp + c * akq;
      }
      for (let k = 0; k < 3; k++) { // A ← Jᵀ A (rows p, q)
        const apk = a[3 * p + k]!, aqk = a[3 * q + k]!;
        a[3 * p + k] = c * apk - s * aqk; a[3 * q + k] = s * apk + c * aqk;
      }
      for (let k = 0; k < 3; k++) { // V ← V J
        const vkp = v[3 * k + p]!, vkq = v[3 * k + q]!;
        v[3 * k + p] = c * vkp - s * vkq; v[3 * k + q] = s * vkp + c * vkq;
      }
    }
  }
  const order = [0, 1, 2].sort((x, y) => a[4 * y]! - a[4 * x]!);
  const vectors = new Float64Array(9);
  order.forEach((col, n) => { for (let k = 0; k < 3; k++) vectors[3 * n + k] = v[3 * k + col]!; });
  return { values: [a[4 * order[0]!]!, a[4 * order[1]!]!, a[4 * order[2]!]!], vectors };
}

/** Sample covariance (1/(N-1), as numpy.cov, which the IBSI reference values use) of points, flat xyz. */
export function covariance(points: Float64Array): { mean: [number, number, number]; matrix: Matrix3 } {
  const n = points.length / 3;
  let mx = 0, my = 0, mz = 0;
  for (let p = 0; p < points.length; p += 3) { mx += points[p]!; my += points[p + 1]!; mz += points[p + 2]!; }
  mx /= n; my /= n; mz /= n;
  let xx = 0, xy = 0, xz = 0, yy = 0, yz = 0, zz = 0;
  for (let p = 0; p < points.length; p += 3) {
    const x = points[p]! - mx, y = points[p + 1]! - my, z = points[p + 2]! - mz;
    xx += x * x; xy += x * y; xz += x * z; yy += y * y; yz += y * z; zz += z * z;
  }
  const d = Math.max(1, n - 1);
  return { mean: [mx, my, mz], matrix: [xx / d, xy / d, xz / d, xy / d, yy / d, yz / d, xz / d, yz / d, zz / d] };
}
