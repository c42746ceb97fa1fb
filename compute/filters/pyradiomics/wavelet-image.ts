// pyradiomics `Wavelet` (imageoperations._swt3): PyWavelets' stationary wavelet transform pywt.swtn with
// level = 1, applied `start_level` times to the approximation before the first kept level, then `level`
// more times — each pass with the SAME, un-dilated filters (pyradiomics calls swtn(level=1,
// start_level=0) every time, so its "level 2" is not the à-trous level 2). Every pass yields the 7
// detail decompositions and, after the last, the approximation (L…L). pyradiomics first pads each odd
// axis by one voxel copied from the other end ("wrap"), as swtn needs even lengths, and crops it again.
// Each 1D pass is pywt's periodic SWT in pywt's own summation order (pywt-swt-axis.ts), so every voxel is
// bit-identical to pywt for float64 input; swtn transforms the axes one after the other, x first.
// Names: `wavelet-LLH` (first kept pass), `wavelet2-LLH` (second) …; letters per transformed axis in the
// order i (x), j (y), k (z); L = low-pass (dec_lo), H = high-pass (dec_hi).
import { BadUserInputError } from "../../errors.js";
import { pywtSwtAxis } from "./pywt-swt-axis.js";
import type { Axis, FilterImage } from "../filter-image.js";
import type { DerivedImage } from "./derived-image.js";
import { WAVELET_FILTER_BANKS, type FilterBank } from "./wavelet-filter-banks.js";

export interface WaveletParams {
  /** PyWavelets name, pyradiomics' default `coif1`. */
  readonly wavelet?: string;
  /** Passes run (approximation kept) before the first returned one; default 0. */
  readonly start_level?: number;
  /** Passes returned; default 1. */
  readonly level?: number;
  /** pyradiomics' `force2D`: leave `force2Ddimension` untransformed. */
  readonly force2D?: boolean;
  /** pyradiomics' numpy axis (0 = k/z, 1 = j/y, 2 = i/x); default 0. */
  readonly force2Ddimension?: 0 | 1 | 2;
}

export function waveletImages(image: FilterImage, params: WaveletParams = {}): DerivedImage[] {
  const bank = filterBank(params.wavelet ?? "coif1");
  const startLevel = params.start_level ?? 0;
  const level = params.level ?? 1;
  if (!Number.isInteger(startLevel) || startLevel < 0) throw new BadUserInputError(`wavelet start_level must be a whole number ≥ 0, got ${startLevel}`);
  if (!Number.isInteger(level) || level < 1) throw new BadUserInputError(`wavelet level must be a whole number ≥ 1, got ${level}`);
  const axes = transformedAxes(params);
  let data = padToEven(image);
  for (let s = 0; s < startLevel; s++) data = approximation(data, axes, bank);
  const out: DerivedImage[] = [];
  for (let pass = 1; pass <= level; pass++) {
    const bands = subbands(data, axes, bank);
    const prefix = pass === 1 ? "wavelet" : `wavelet${pass}`;
    for (const [letters, band] of bands) if (letters !== "L".repeat(axes.length)) out.push({ name: `${prefix}-${letters}`, image: crop(band, image.size) });
    data = bands.get("L".repeat(axes.length))!;
  }
  out.push({ name: `${level === 1 ? "wavelet" : `wavelet${level}`}-${"L".repeat(axes.length)}`, image: crop(data, image.size) });
  return out;
}

function filterBank(name: string): FilterBank {
  const bank = WAVELET_FILTER_BANKS[name];
  if (!bank) throw new BadUserInputError(`unknown wavelet '${name}'; pyradiomics accepts ${Object.keys(WAVELET_FILTER_BANKS).join(", ")}`);
  return bank;
}

/** pyradiomics transforms numpy axes (z, y, x) reversed, i.e. i, j, k; force2D drops one. */
function transformedAxes(params: WaveletParams): Axis[] {
  const all: Axis[] = [0, 1, 2];
  if (!params.force2D) return all;
  const dropped = (2 - (params.force2Ddimension ?? 0)) as Axis; // numpy axis → FilterImage axis
  return all.filter((a) => a !== dropped);
}

/** All 2^d subbands of one swtn pass, in PyWavelets' key order (aaa, aad, …, ddd → LLL, LLH, …, HHH). */
function subbands(image: FilterImage, axes: readonly Axis[], bank: FilterBank): Map<string, FilterImage> {
  let bands: [string, FilterImage][] = [["", image]];
  for (const axis of axes) {
    bands = bands.flatMap(([letters, x]): [string, FilterImage][] => [
      [`${letters}L`, pywtSwtAxis(x, axis, bank.decLo)],
      [`${letters}H`, pywtSwtAxis(x, axis, bank.decHi)],
    ]);
  }
  return new Map(bands);
}

function approximation(image: FilterImage, axes: readonly Axis[], bank: FilterBank): FilterImage {
  return axes.reduce((x, axis) => pywtSwtAxis(x, axis, bank.decLo), image);
}

/** numpy.pad(…, (0, 1) on odd axes, 'wrap'): the appended voxel repeats index 0 of that axis. */
function padToEven(image: FilterImage): FilterImage {
  const [nx, ny, nz] = image.size;
  const size = [nx + (nx % 2), ny + (ny % 2), nz + (nz % 2)] as const;
  const data = new Float64Array(size[0] * size[1] * size[2]);
  for (let k = 0; k < size[2]; k++)
    for (let j = 0; j < size[1]; j++)
      for (let i = 0; i < size[0]; i++) data[i + size[0] * (j + size[1] * k)] = image.data[(i % nx) + nx * ((j % ny) + ny * (k % nz))]!;
  return { size, spacing: image.spacing, data };
}

function crop(image: FilterImage, size: FilterImage["size"]): FilterImage {
  const [nx, ny, nz] = size;
  const [px, py] = image.size;
  const data = new Float64Array(nx * ny * nz);
  for (let k = 0; k < nz; k++) for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) data[i + nx * (j + ny * k)] = image.data[i + px * (j + py * k)]!;
  return { size, spacing: image.spacing, data };
}
