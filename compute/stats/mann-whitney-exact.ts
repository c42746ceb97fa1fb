// Exact null distribution of the Mann–Whitney U statistic (no ties), with exact integer counts.
//
// The number of arrangements with U = u is the coefficient of q^u in the Gaussian binomial
// [n1+n2 choose n1]_q = Π_{i=1..m} (1 − q^{n+i}) / (1 − q^i), m = min(n1,n2), n = max(n1,n2).
// Only the lower half (u ≤ n1·n2/2) is needed, by symmetry; counts are BigInt so none is rounded,
// and each (n1, n2) distribution is computed once and memoised (a pure cache).

/** Largest m × ⌊n1·n2/2⌋ (BigInt steps) accepted for an exact p-value. */
export const EXACT_WORK_LIMIT = 2_000_000; // ≈ 0.2 s at worst; "auto" falls back to asymptotic beyond
const CACHE_SIZE = 64;
const cache = new Map<string, Float64Array>();

/** Work needed for the exact distribution: min(n1,n2) × ⌊n1·n2/2⌋. */
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

/** P(U ≤ k) for k = 0 … ⌊n1·n2/2⌋, memoised per (n1, n2). */
export function exactLowerCdf(n1: number, n2: number): Float64Array {
  const key = `${n1},${n2}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const K = Math.floor((n1 * n2) / 2);
  const counts = lowerTailCounts(n1, n2, K);
  const total = binomial(n1 + n2, Math.min(n1, n2));
  const cdf = new Float64Array(K + 1);
  let running = 0n;
  for (let k = 0; k <= K; k++) {
    running += counts[k]!;
    cdf[k] = ratio(running, total);
  }
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, cdf);
  return cdf;
}

/** P(U ≥ u) under H0 for integer u (scipy's _MWU.sf), via P(U ≥ u) = P(U ≤ n1·n2 − u). */
export function mannWhitneyExactSf(u: number, n1: number, n2: number): number {
  const k = n1 * n2 - u;
  if (k < 0) return 0;
  if (u <= 0) return 1;
  const cdf = exactLowerCdf(n1, n2);
  if (k < cdf.length) return cdf[k]!;
  return 1 - cdf[u - 1]!; // u below the middle: P(U ≥ u) = 1 − P(U ≤ u − 1)
}
