// ln Γ(x) and ln B(a, b) for positive arguments, accurate to ~1e-15 relative in the ranges used here.

const LANCZOS_G = 7;
// Lanczos coefficients for g = 7, n = 9 (Godfrey).
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LN_2PI = 0.91893853320467274178; // ½ ln(2π)

/** ln Γ(x) for x > 0. Lanczos: Γ(x+1) ≈ √(2π) (x+g+½)^(x+½) e^−(x+g+½) A_g(x); reflection for x < ½. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x); // Γ(x)Γ(1−x) = π / sin(πx)
  const z = x - 1;
  let a = LANCZOS[0]!;
  const t = z + LANCZOS_G + 0.5;
  for (let i = 1; i < LANCZOS.length; i++) a += LANCZOS[i]! / (z + i);
  return HALF_LN_2PI + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Stirling remainder: ln Γ(x) − [(x − ½) ln x − x + ½ ln 2π] = 1/(12x) − 1/(360x³) + 1/(1260x⁵) − 1/(1680x⁷), x ≥ 10. */
function stirlingCorrection(x: number): number {
  const r = 1 / x;
  const r2 = r * r;
  return r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 * (1 / 1680 - r2 / 1188))));
}

/** ln Γ(big) − ln Γ(big + small) for big ≥ 10, without cancellation: −s ln b − (b+s−½) log1p(s/b) + s + corr(b) − corr(b+s). */
function logGammaRatio(big: number, small: number): number {
  return (
    -small * Math.log(big) -
    (big + small - 0.5) * Math.log1p(small / big) +
    small +
    stirlingCorrection(big) -
    stirlingCorrection(big + small)
  );
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), a, b > 0. */
export function logBeta(a: number, b: number): number {
  const big = Math.max(a, b);
  const small = Math.min(a, b);
  if (big < 10) return logGamma(a) + logGamma(b) - logGamma(a + b);
  return logGamma(small) + logGammaRatio(big, small);
}
