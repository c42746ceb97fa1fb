import { describe, expect, it } from "vitest";
import { sortWithIndex } from "../../../compute/stats/sort-with-index.js";

function check(values: number[]): void {
  const keys = Float64Array.from(values);
  const idx = Uint32Array.from(values.keys());
  sortWithIndex(keys, idx, values.length);
  expect(Array.from(keys)).toEqual([...values].sort((a, b) => a - b));
  idx.forEach((i, k) => expect(values[i]).toBe(keys[k]));
  expect(new Set(idx).size).toBe(values.length); // a permutation
}

describe("sortWithIndex", () => {
  it("sorts with its payload: random, sorted, reversed, all equal, few distinct, organ pipe", () => {
    const n = 2000;
    let seed = 3;
    const rnd = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    check(Array.from({ length: n }, rnd));
    check(Array.from({ length: n }, (_, i) => i));
    check(Array.from({ length: n }, (_, i) => n - i));
    check(new Array<number>(n).fill(4));
    check(Array.from({ length: n }, () => Math.floor(rnd() * 3)));
    check(Array.from({ length: n }, (_, i) => Math.min(i, n - i)));
    check([]);
    check([1]);
    check([2, -0, 0, -1e308, Infinity, -Infinity]);
  });

  it("stays fast on inputs that defeat a median-of-three quicksort (heapsort fallback)", () => {
    // The classic "median-of-3 killer" sequence makes plain median-of-three quicksort quadratic.
    const n = 1 << 16;
    const k = n / 2;
    const v: number[] = new Array<number>(n);
    for (let i = 1; i <= k; i++) {
      v[i - 1] = i % 2 === 1 ? i : k + i - 1;
      v[k + i - 1] = 2 * i;
    }
    check(v);
  });
});
