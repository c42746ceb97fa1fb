// Standard normal tail via the regularized incomplete gamma function: Φ̄(z) = ½ Q(½, z²/2) for z ≥ 0.
import { logGamma } from "./log-gamma.js";
import { StatsNumericalError } from "./stats-errors.js";

const EPS = 1e-16;
const TINY = 1e-300;
const MAX_ITERATIONS = 100_000;
const LN_GAMMA_HALF = 0.5723649429247001; // ln Γ(½) = ½ ln π

/** Lower regularized gamma P(a, x) by its series: P = x^a e^−x / Γ(a+1) · Σ x^k / ((a+1)…(a+k)). */
function lowerGammaSeries(a: number, x: number, lnGammaA: number): number {
  let ap = a;
  let sum = 1 / a;
  let del = sum;
  for (let k = 0; k < MAX_ITERATIONS; k++) {
    ap += 1;
    del *= x / ap;
    sum += del;
    if (Math.abs(del) < Math.abs(sum) * EPS) return sum * Math.exp(-x + a * Math.log(x) - lnGammaA);
  }
  throw new StatsNumericalError("incomplete gamma series did not converge", { a, x });
}

/** Upper regularized gamma Q(a, x) by its continued fraction (modified Lentz), for x ≥ a + 1. */
function upperGammaFraction(a: number, x: number, lnGammaA: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i <= MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) return Math.exp(-x + a * Math.log(x) - lnGammaA) * h;
  }
  throw new StatsNumericalError("incomplete gamma continued fraction did not converge", { a, x });
}

/** Upper regularized gamma Q(a, x) = Γ(a, x) / Γ(a), a > 0, x ≥ 0. */
export function regularizedUpperGamma(a: number, x: number): number {
  if (x <= 0) return 1;
  const lnGammaA = a === 0.5 ? LN_GAMMA_HALF : logGamma(a);
  if (x < a + 1) return 1 - lowerGammaSeries(a, x, lnGammaA);
  return upperGammaFraction(a, x, lnGammaA);
}

/** Survival function of the standard normal, P(Z > z), with full relative accuracy in the upper tail. */
export function normalSf(z: number): number {
  if (Number.isNaN(z)) throw new StatsNumericalError("normalSf: z is NaN");
  if (z === Infinity) return 0;
  if (z === -Infinity) return 1;
  const half = 0.5 * regularizedUpperGamma(0.5, (z * z) / 2); // ½ erfc(|z|/√2)
  return z >= 0 ? half : 1 - half;
}
