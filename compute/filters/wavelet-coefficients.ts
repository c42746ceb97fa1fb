// Decomposition filters of the wavelets IBSI-2 uses (Haar, Daubechies 2, Coiflet 1), as PyWavelets 1.8.0
// prints them (`pywt.Wavelet(name).dec_lo` / `.dec_hi`), in convolution order (tap 0 first).
import { BadUserInputError } from "../errors.js";

export type WaveletName = "haar" | "db2" | "coif1";

export interface WaveletFilters {
  /** Low-pass decomposition filter (scaling function). */
  readonly lowPass: readonly number[];
  /** High-pass decomposition filter (wavelet function). */
  readonly highPass: readonly number[];
}

const WAVELETS: Record<WaveletName, WaveletFilters> = {
  haar: {
    lowPass: [0.7071067811865476, 0.7071067811865476],
    highPass: [-0.7071067811865476, 0.7071067811865476],
  },
  db2: {
    lowPass: [-0.12940952255126037, 0.2241438680420134, 0.8365163037378079, 0.48296291314453416],
    highPass: [-0.48296291314453416, 0.8365163037378079, -0.2241438680420134, -0.12940952255126037],
  },
  coif1: {
    lowPass: [-0.015655728135791993, -0.07273261951252645, 0.3848648468648578, 0.8525720202116004, 0.3378976624574818, -0.07273261951252645],
    highPass: [0.07273261951252645, 0.3378976624574818, -0.8525720202116004, 0.3848648468648578, 0.07273261951252645, -0.015655728135791993],
  },
};

export function waveletFilters(name: string): WaveletFilters {
  const filters = WAVELETS[name as WaveletName];
  if (!filters) throw new BadUserInputError(`unknown wavelet "${name}"; known: ${Object.keys(WAVELETS).join(", ")}`);
  return filters;
}
