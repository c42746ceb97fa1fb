// IBSI-2 non-separable (Simoncelli) wavelet: an isotropic band-pass filter defined in the frequency domain,
// undecimated, real response (IBSI-2 reference manual, arXiv:2006.05470, "non-separable wavelets").
// Frequency grid as the IBSI consensus implementations sample it: along an axis of N bins, bin m (FFT
// order) has the centred index c = (m + ⌊N/2⌋) mod N and normalised frequency ν = (c − (N−1)/2) / ((N−1)/2),
// so |ν| = 1 at the grid's first and last index (not at the exact Nyquist frequency m = N/2).
import { BadUserInputError } from "../errors.js";
import type { BoundaryCondition } from "./boundary.js";
import { filterSpectrum, frequencyFilterPadding, paddedSpectrum, type ComplexImage } from "./fft-convolution.js";
import { withData, type FilterImage } from "./filter-image.js";

export interface SimoncelliParams {
  /** Decomposition level, 1 = the highest band (ν_max = 1). */
  readonly level: number;
  readonly boundary: BoundaryCondition;
}

// ψ(ν) = cos(π/2 · log₂(2ν / ν_max)) for ν_max/4 ≤ ν ≤ ν_max, else 0;  ν_max = 2^(1−level).
export function simoncelliTransferValue(nu: number, level: number): number {
  const nuMax = 2 ** (1 - level);
  return nu >= nuMax / 4 && nu <= nuMax ? Math.cos((Math.PI / 2) * Math.log2((2 * nu) / nuMax)) : 0;
}

/** ψ(|ν|) on an FFT grid of `size` (real, imaginary part zero). */
export function simoncelliTransfer(size: readonly [number, number, number], level: number): ComplexImage {
  if (!Number.isInteger(level) || level < 1) throw new BadUserInputError(`Simoncelli level must be a positive integer, got ${level}`);
  const axes = size.map(consensusFrequencies);
  const re = new Float64Array(size[0] * size[1] * size[2]);
  let at = 0;
  for (let k = 0; k < size[2]; k++)
    for (let j = 0; j < size[1]; j++)
      for (let i = 0; i < size[0]; i++, at++) re[at] = simoncelliTransferValue(Math.hypot(axes[0]![i]!, axes[1]![j]!, axes[2]![k]!), level);
  return { re, im: new Float64Array(re.length) };
}

export function simoncelliWavelet(image: FilterImage, params: SimoncelliParams): FilterImage {
  const spectrum = paddedSpectrum(image, frequencyFilterPadding(image, params.boundary), params.boundary);
  return withData(image, filterSpectrum(spectrum, simoncelliTransfer(spectrum.size, params.level)).re);
}

/** Normalised frequency of each FFT bin along an axis of n bins, in the consensus sampling (0 for n = 1). */
export function consensusFrequencies(n: number): Float64Array {
  const centre = (n - 1) / 2;
  return Float64Array.from({ length: n }, (_, m) => (n === 1 ? 0 : (((m + Math.floor(n / 2)) % n) - centre) / centre));
}
