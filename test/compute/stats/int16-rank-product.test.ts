// The Int16 WebAssembly SIMD kernel gives the float64 kernel's sums exactly (integer inputs), on
// shapes that are not multiples of its 2 × 4 block or 8 columns, at the extreme values it allows.
import { describe, expect, it } from "vitest";
import { multiplyABt } from "../../../compute/stats/dense-product.js";
import { INT16_PRODUCT_MAX_INNER, int16ProductAvailable, multiplyABtInt16 } from "../../../compute/stats/int16-rank-product.js";
import { SeededRandom } from "../../../compute/seeded-random.js";

function ranksLike(rows: number, m: number, rng: SeededRandom, extreme = false): Float64Array {
  // doubled centred ranks 2r − (m+1) lie in [−(m−1), m−1]
  return Float64Array.from({ length: rows * m }, () => (extreme ? (rng.next() < 0.5 ? -(m - 1) : m - 1) : Math.floor(rng.next() * (2 * m - 1)) - (m - 1)));
}

describe("multiplyABtInt16", () => {
  it("is available on Node 20 (WebAssembly SIMD) for m up to 2047", () => {
    expect(int16ProductAvailable(500)).toBe(true);
    expect(int16ProductAvailable(INT16_PRODUCT_MAX_INNER)).toBe(true);
    expect(int16ProductAvailable(INT16_PRODUCT_MAX_INNER + 1)).toBe(false);
  });

  const shapes: Array<[number, number, number]> = [[1, 1, 1], [1, 3, 2], [3, 5, 7], [2, 4, 8], [5, 7, 9], [7, 13, 40], [13, 259, 501], [3, 6, 2047]];
  for (const [aRows, bRows, m] of shapes) {
    it(`equals the float64 kernel bit for bit: ${aRows} × ${bRows} × ${m}`, () => {
      const rng = new SeededRandom(aRows * 1000 + bRows * 10 + m);
      for (const extreme of [false, true]) {
        const a = ranksLike(aRows, m, rng, extreme);
        const b = ranksLike(bRows, m, rng, extreme);
        const stride = bRows + 3; // an output stride wider than the block, as the Spearman kernel may use
        const expected = new Float64Array(aRows * stride).fill(-7);
        const actual = new Float64Array(aRows * stride).fill(-7);
        multiplyABt(a, aRows, b, bRows, m, expected, stride);
        multiplyABtInt16(a, aRows, b, bRows, m, actual, stride);
        expect(Array.from(actual)).toEqual(Array.from(expected));
      }
    });
  }

  it("the extreme sum m·(m−1)² at m = 2047 is exact (no i32 overflow)", () => {
    const m = 2047;
    const a = new Float64Array(m).fill(m - 1);
    const out = new Float64Array(1);
    multiplyABtInt16(a, 1, a, 1, m, out);
    expect(out[0]).toBe(m * (m - 1) ** 2);
  });
});
