// IBSI-2 separable wavelets, undecimated (stationary / à trous): a sub-band such as "LHL" convolves the
// image along i, j, k with the low- (L) or high-pass (H) decomposition filter. Level l > 1 first applies
// the low-pass filter of every coarser level along each axis, then the level-l filter, each "à trous":
// the level-l filter has 2^(l−1) − 1 zeros after every tap (IBSI-2 reference manual, arXiv:2006.05470,
// "separable wavelets" / "decomposed separable wavelets").
import { BadUserInputError } from "../errors.js";
import type { BoundaryCondition } from "./boundary.js";
import type { Axis, FilterImage } from "./filter-image.js";
import { convolveAxis } from "./separable-convolution.js";
import { waveletFilters } from "./wavelet-coefficients.js";

export interface SeparableWaveletParams {
  readonly wavelet: string;
  /** One letter per axis i, j, k: "L" low-pass, "H" high-pass (IBSI-2 writes e.g. LHL for x, y, z). */
  readonly subband: string;
  /** Decomposition level, 1 = the filters as they are. */
  readonly level: number;
  readonly boundary: BoundaryCondition;
}

// out = (⊛_axis h_axis^(level) ⊛ g^(level−1) ⊛ … ⊛ g^(1)) ∗ image, h ∈ {g (low), h (high)} per axis.
export function separableWavelet(image: FilterImage, params: SeparableWaveletParams): FilterImage {
  const { lowPass, highPass } = waveletFilters(params.wavelet);
  const bands = parseSubband(params.subband, image.size[2] === 1 ? 2 : 3);
  if (!Number.isInteger(params.level) || params.level < 1) throw new BadUserInputError(`wavelet level must be a positive integer, got ${params.level}`);
  let out = image;
  bands.forEach((band, axis) => {
    for (let level = 1; level <= params.level; level++) {
      const taps = level < params.level || band === "L" ? lowPass : highPass;
      out = convolveAxis(out, axis as Axis, aTrous(taps, level), params.boundary);
    }
  });
  return out;
}

/** The filter of level l: 2^(l−1) − 1 zeros after every tap (trailing ones kept, so the centre tap stays put). */
export function aTrous(taps: readonly number[], level: number): Float64Array {
  const step = 2 ** (level - 1);
  const out = new Float64Array(taps.length * step);
  taps.forEach((value, t) => (out[t * step] = value));
  return out;
}

function parseSubband(subband: string, dimensions: number): ("L" | "H")[] {
  const bands = subband.toUpperCase().split("");
  if (bands.length !== dimensions || bands.some((b) => b !== "L" && b !== "H"))
    throw new BadUserInputError(`wavelet sub-band "${subband}" must be ${dimensions} letters of L and H`);
  return bands as ("L" | "H")[];
}
