// IBSI-2 Riesz transform: an all-pass, steerable higher-order derivative in the frequency domain, applied
// after a band-pass filter (LoG or Simoncelli) to make it directional (IBSI-2 reference manual,
// arXiv:2006.05470, "Riesz transform"). Order l = (l₁, l₂, l₃) per axis i, j, k; real part of the response.
import { BadUserInputError } from "../errors.js";
import type { ComplexImage } from "./fft-convolution.js";

export type RieszOrder = readonly [number, number, number];

// R^(l)(ω) = (−i)^|l| · √(|l|! / (l₁! l₂! l₃!)) · ω₁^l₁ ω₂^l₂ ω₃^l₃ / ‖ω‖^|l|, and 0 at ω = 0.
export function rieszTransfer(size: readonly [number, number, number], order: RieszOrder): ComplexImage {
  validateOrder(order);
  const total = order[0] + order[1] + order[2];
  const scale = Math.sqrt(factorial(total) / (factorial(order[0]) * factorial(order[1]) * factorial(order[2])));
  // (−i)^L cycles 1, −i, −1, i.
  const [unitRe, unitIm] = [[1, 0], [0, -1], [-1, 0], [0, 1]][total % 4]!;
  const axes = size.map(fftFrequencies);
  const re = new Float64Array(size[0] * size[1] * size[2]);
  const im = new Float64Array(re.length);
  let at = 0;
  for (let k = 0; k < size[2]; k++)
    for (let j = 0; j < size[1]; j++)
      for (let i = 0; i < size[0]; i++, at++) {
        const w = [axes[0]![i]!, axes[1]![j]!, axes[2]![k]!];
        const norm = Math.hypot(w[0]!, w[1]!, w[2]!);
        if (norm === 0) continue;
        const value = (scale * w[0]! ** order[0] * w[1]! ** order[1] * w[2]! ** order[2]) / norm ** total;
        re[at] = unitRe! * value;
        im[at] = unitIm! * value;
      }
  return { re, im };
}

/** FFT bin frequencies in cycles per voxel, numpy's fftfreq order (the Nyquist bin of an even n is −1/2). */
export function fftFrequencies(n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, m) => (m < Math.ceil(n / 2) ? m : m - n) / n);
}

function validateOrder(order: RieszOrder): void {
  if (order.some((l) => !Number.isInteger(l) || l < 0) || order[0] + order[1] + order[2] === 0)
    throw new BadUserInputError(`Riesz order must be non-negative integers with a positive sum, got (${order.join(", ")})`);
}

function factorial(n: number): number {
  let out = 1;
  for (let m = 2; m <= n; m++) out *= m;
  return out;
}
