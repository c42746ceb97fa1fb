// Exact null distribution of the Mann–Whitney U statistic (no ties), with exact integer counts.
//
// The number of arrangements with U = u is the coefficient of q^u in the Gaussian binomial
// [n1+n2 choose n1]_q = Π_{i=1..m} (1 − q^{n+i}) / (1 − q^i), m = min(n1,n2), n = max(n1,n2).
// Only coefficients up to the needed degree are computed, with BigInt so no count is rounded.

/** Largest m · K (BigInt steps) accepted for an exact p-value. */
export const EXACT_WORK_LIMIT = 20_000_000;

/** Work needed for an exact p at this U: min(n1,n2) × (lower-tail degree). */
export function exactWork(n1: number, n2: number): number {
  return Math.min(n1, n2) * Math.floor((n1 * n2) / 2);
}

/** Counts of U = 0 … K for group sizes (n1, n2). */
function lowerTailCounts(n1: number, n2: number, K: number): bigint[] {
  const m = Math.min(n1, n2);
  const n = Math.max(n1, n2);
  const c: bigint[] = new Array<bigint>(K + 1).fill(0n);
  c[0] = 1n;
  for (let i = 1; i <= m; i++) {
    for (let k = K; k >= n + i; k--) c[k]! -= c[k - n - i]!; // × (1 − q^{n+i})
    for (let k = i; k <= K; k++) c[k]! += c[k - i]!; // ÷ (1 − q^i)
  }
  return c;
}

/** C(N, m) exactly. */
function binomial(N: number, m: number): bigint {
  let c = 1n;
  for (let i = 1; i <= m; i++) c = (c * BigInt(N - m + i)) / BigInt(i); // exact at every step
  return c;
}

function bitLength(v: bigint): number {
  return v.toString(2).length;
}

/** num / den as a double with full relative precision, for 0 ≤ num ≤ den. */
function ratio(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  const shift = bitLength(den) - bitLength(num) + 64;
  return Number((num << BigInt(shift)) / den) * Math.pow(2, -shift);
}

/** P(U ≥ u) under H0 for integer u (scipy's _MWU.sf), using P(U ≥ u) = P(U ≤ n1·n2 − u). */
export function mannWhitneyExactSf(u: number, n1: number, n2: number): number {
  const K = n1 * n2 - u;
  if (K < 0) return 0;
  if (K >= n1 * n2) return 1;
  const counts = lowerTailCounts(n1, n2, K);
  let tail = 0n;
  for (const c of counts) tail += c;
  return ratio(tail, binomial(n1 + n2, Math.min(n1, n2)));
}
