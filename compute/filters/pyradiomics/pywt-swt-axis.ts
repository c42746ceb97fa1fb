// One level-1 pass of PyWavelets' stationary wavelet transform along one axis, as pywt.swtn runs it for
// pyradiomics (swt_axis → C swt_ → downsampling_convolution_periodization with step 1, fstep 1), written to
// do pywt's floating-point operations in pywt's order, so the result is bit-identical to pywt 1.8.0 for
// float64 input (test/compute/filters/pywt-swtn-bits.test.ts). Output o of a line of N voxels, filter f of
// length F: s = 0, then s += f[t] · x[(o + F/2 − t) mod N] for every tap t in this order —
//   o + F/2 < N (no wrap at the far end): t = 0, 1, …, F − 1;
//   o + F/2 ≥ N (the line's last F/2 outputs): t = o + F/2 − N down to 0, then o + F/2 − N + 1 up to F − 1.
// The same products summed in another order differ in the last bit, which moves a voxel across a percentile
// or a bin edge (issue 14). No fused multiply-add: pywt's x86-64 wheels are built without it, and JS has none.
import { axisStride, withData, type Axis, type FilterImage } from "../filter-image.js";

/** The taps in pywt's summation order for each output of an N-voxel line: coefficient and source index per (o, q). */
export function pywtTapOrder(n: number, filter: readonly number[]): { coefficient: Float64Array; source: Int32Array } {
  const taps = filter.length;
  const half = taps / 2;
  const coefficient = new Float64Array(n * taps);
  const source = new Int32Array(n * taps);
  for (let o = 0; o < n; o++) {
    const i = o + half;
    const order = i < n ? ascending(0, taps) : [...descending(i - n), ...ascending(i - n + 1, taps)];
    order.forEach((t, q) => {
      coefficient[o * taps + q] = filter[t]!;
      source[o * taps + q] = (((i - t) % n) + n) % n;
    });
  }
  return { coefficient, source };
}

function ascending(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}

function descending(from: number): number[] {
  return Array.from({ length: from + 1 }, (_, k) => from - k);
}

/** pywt's periodic level-1 SWT of every line of `image` along `axis` with one decomposition filter. */
export function pywtSwtAxis(image: FilterImage, axis: Axis, filter: readonly number[]): FilterImage {
  const { size, data } = image;
  const n = size[axis];
  const taps = filter.length;
  const { coefficient, source } = pywtTapOrder(n, filter);
  const out = new Float64Array(data.length);
  if (axis === 0) {
    for (let line = 0; line < data.length; line += n) {
      for (let o = 0; o < n; o++) {
        let sum = 0;
        for (let q = o * taps, end = q + taps; q < end; q++) sum += coefficient[q]! * data[line + source[q]!]!;
        out[line + o] = sum;
      }
    }
    return withData(image, out);
  }
  // Along j or k: whole rows (slices) at once; each voxel still gets its own sum, tap by tap in the same order.
  const inner = axisStride(size, axis);
  const block = inner * n;
  for (let b = 0; b < data.length; b += block) {
    for (let o = 0; o < n; o++) {
      const row = b + o * inner;
      for (let q = o * taps, end = q + taps; q < end; q++) {
        const c = coefficient[q]!;
        const from = b + source[q]! * inner;
        for (let e = 0; e < inner; e++) out[row + e] = out[row + e]! + c * data[from + e]!;
      }
    }
  }
  return withData(image, out);
}
