// The mixed-radix FFT on lengths with prime factors above 5 (a periodic frequency-domain filter uses the
// image's own size: 14 = 2·7, 22 = 2·11, 13 prime …) equals the DFT's defining sum X_k = Σ_t x_t e^{∓2πikt/n}.
import { describe, expect, it } from "vitest";
import { fft1d } from "../../../compute/features/fft.js";
import { SeededRandom } from "../../../compute/seeded-random.js";

function dft(re: Float64Array, im: Float64Array, inverse: boolean): [Float64Array, Float64Array] {
  const n = re.length, outRe = new Float64Array(n), outIm = new Float64Array(n);
  for (let k = 0; k < n; k++) for (let t = 0; t < n; t++) {
    const a = ((inverse ? 2 : -2) * Math.PI * ((k * t) % n)) / n;
    outRe[k]! += re[t]! * Math.cos(a) - im[t]! * Math.sin(a);
    outIm[k]! += re[t]! * Math.sin(a) + im[t]! * Math.cos(a);
  }
  return [outRe, outIm];
}

describe("fft1d of any length", () => {
  const random = new SeededRandom(7);
  for (const n of [7, 13, 14, 22, 26, 49, 77, 91, 120])
    it(`n = ${n}: equals the direct DFT, forward and inverse`, () => {
      for (const inverse of [false, true]) {
        const re = Float64Array.from({ length: n }, () => random.normal()), im = Float64Array.from({ length: n }, () => random.normal());
        const [eRe, eIm] = dft(re, im, inverse);
        fft1d(re, im, inverse);
        for (let k = 0; k < n; k++) {
          expect(Math.abs(re[k]! - eRe[k]!)).toBeLessThan(1e-11 * n);
          expect(Math.abs(im[k]! - eIm[k]!)).toBeLessThan(1e-11 * n);
        }
      }
    });
});
