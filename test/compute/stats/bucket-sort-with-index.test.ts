// The bucket sort orders keys and carries the payload like a reference sort, on spread, skewed,
// tied, ±0 and ±Infinity keys (the cases that send it to its fallbacks).
import { describe, expect, it } from "vitest";
import { bucketSortWithIndex } from "../../../compute/stats/bucket-sort-with-index.js";
import { SeededRandom } from "../../../compute/seeded-random.js";

function check(values: number[]): void {
  const n = values.length;
  const keys = Float64Array.from(values);
  const idx = Uint32Array.from({ length: n }, (_, i) => i);
  bucketSortWithIndex(keys, idx, n);
  // the reference: Array.prototype.sort on the values; ties (±0 among them) in any order
  const zeroed = (xs: ArrayLike<number>) => Array.from(xs, (v) => (v === 0 ? 0 : v));
  expect(zeroed(keys)).toEqual(zeroed([...values].sort((a, b) => a - b)));
  for (let i = 0; i < n; i++) expect(Object.is(keys[i], values[idx[i]!])).toBe(true); // the payload came along
  expect([...idx].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i)); // a permutation
}

describe("bucketSortWithIndex", () => {
  const rng = new SeededRandom(9);
  it("sorts spread-out keys (normal, uniform) of sizes around its insertion cut-off", () => {
    for (const n of [0, 1, 2, 23, 24, 25, 26, 100, 501, 2048]) check(Array.from({ length: n }, () => rng.normal()));
  });
  it("sorts skewed keys (one crowded bucket goes to the introsort)", () => {
    check(Array.from({ length: 1000 }, (_, i) => (i % 97 === 0 ? 1e9 * rng.next() : rng.next())));
    check(Array.from({ length: 1000 }, () => Math.exp(20 * rng.next())));
  });
  it("keeps ties adjacent: integers, many zeros, ±0", () => {
    check(Array.from({ length: 777 }, () => Math.floor(rng.next() * 4)));
    check(Array.from({ length: 500 }, () => (rng.next() < 0.7 ? 0 : rng.next())));
    check(Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? -0 : i % 3 === 1 ? 0 : rng.normal())));
  });
  it("falls back on a single value and on ±Infinity", () => {
    check(Array.from({ length: 100 }, () => 3));
    check(Array.from({ length: 100 }, (_, i) => (i === 5 ? Infinity : i === 9 ? -Infinity : rng.normal())));
    check(Array.from({ length: 100 }, (_, i) => (i % 2 ? 1e308 : -1e308)));
  });
});

describe("bucketSortWithIndex on large arrays (two levels)", () => {
  const rng = new SeededRandom(21);
  it("sorts 100,000 uniform keys and 100,000 keys spanning 300 decades (tiny p-values), with ties", () => {
    check(Array.from({ length: 100_000 }, () => (rng.next() < 0.01 ? 0.5 : rng.next())));
    check(Array.from({ length: 100_000 }, () => 10 ** (-300 * rng.next())));
  });
});
