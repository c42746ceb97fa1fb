// Deterministic randomness and UIDs: the same seed always yields the same cohort, byte for byte.
import { createHash } from "node:crypto";

/** mulberry32: a small, fast 32-bit PRNG; returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A "2.25." UID (UUID-derived form) from the seed and a name unique within the cohort. */
export function seededUid(seed: number, name: string): string {
  const digest = createHash("sha256").update(`${seed}/${name}`).digest();
  return `2.25.${BigInt("0x" + digest.subarray(0, 16).toString("hex")).toString()}`;
}

/** A permutation of 0..n-1 (Fisher–Yates). */
export function seededPermutation(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}
