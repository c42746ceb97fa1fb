// Complex spherical harmonics in scipy.special.sph_harm's convention (SciPy ≤ 1.16; removed in 1.17):
// sph_harm(m, n, theta, phi) with theta the AZIMUTHAL and phi the POLAR angle,
//   Y_n^m = √((2n + 1)/(4π) · (n − m)!/(n + m)!) · P_n^m(cos phi) · e^{i m theta},
// P_n^m the associated Legendre function with the Condon–Shortley phase (−1)^m and (1 − x²)^{m/2} ≥ 0 (so a
// negative phi gives the same P as |phi|), and Y_n^{−m} = (−1)^m · conj(Y_n^m). A dozen lines, so written here:
// no maintained JavaScript package offers scipy's argument convention, which pyradiomics' LBP3D depends on.

export interface Complex {
  readonly re: number;
  readonly im: number;
}

/** P_n^m(x) for 0 ≤ m ≤ n, by the standard upward recurrence in n from P_m^m = (−1)^m (2m − 1)!! (1 − x²)^{m/2}. */
function associatedLegendre(m: number, n: number, x: number): number {
  const s = Math.sqrt((1 - x) * (1 + x));
  let pmm = 1;
  for (let k = 1; k <= m; k++) pmm *= -(2 * k - 1) * s;
  if (n === m) return pmm;
  let prev = pmm, cur = x * (2 * m + 1) * pmm;
  for (let l = m + 2; l <= n; l++) {
    const next = ((2 * l - 1) * x * cur - (l + m - 1) * prev) / (l - m);
    prev = cur;
    cur = next;
  }
  return cur;
}

/** scipy.special.sph_harm(m, n, theta, phi): theta azimuthal, phi polar; |m| > n is NaN as in scipy. */
export function sphHarm(m: number, n: number, theta: number, phi: number): Complex {
  if (Math.abs(m) > n) return { re: NaN, im: NaN };
  const am = Math.abs(m);
  let ratio = 1; // (n − |m|)! / (n + |m|)!
  for (let k = n - am + 1; k <= n + am; k++) ratio /= k;
  const magnitude = Math.sqrt(((2 * n + 1) / (4 * Math.PI)) * ratio) * associatedLegendre(am, n, Math.cos(phi));
  const re = magnitude * Math.cos(am * theta), im = magnitude * Math.sin(am * theta);
  if (m >= 0) return { re, im };
  const sign = am % 2 === 0 ? 1 : -1;
  return { re: sign * re, im: -sign * im };
}
