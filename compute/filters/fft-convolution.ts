// Convolution through the FFT (compute/features/fft.ts) under an IBSI-2 boundary condition: the image is
// padded by the kernel's radius along each axis with the boundary condition's values (zero / nearest /
// periodic / mirror), transformed once, multiplied by each kernel's spectrum and transformed back; the
// centre block of the circular result is then the linear convolution. Periodic without padding is the
// plain circular convolution of frequency-domain filters (Simoncelli, Riesz).
import { fft3d, nextFastLength } from "../features/fft.js";
import { boundaryIndex, type BoundaryCondition } from "./boundary.js";
import type { FilterImage } from "./filter-image.js";

type Triple = readonly [number, number, number];

/** The padded image's spectrum: grid `size` (5-smooth lengths), image voxel (0,0,0) at `offset`. */
export interface PaddedSpectrum {
  readonly size: Triple;
  readonly offset: Triple;
  readonly imageSize: Triple;
  readonly re: Float64Array;
  readonly im: Float64Array;
}

export interface ComplexImage {
  readonly re: Float64Array;
  readonly im: Float64Array;
}

/** FFT of the image padded by `pad[a]` voxels on both sides of axis a under the boundary condition. */
export function paddedSpectrum(image: FilterImage, pad: Triple, boundary: BoundaryCondition): PaddedSpectrum {
  const n = image.size;
  const size = [0, 1, 2].map((a) => (pad[a] === 0 ? n[a]! : nextFastLength(n[a]! + 2 * pad[a]!))) as unknown as Triple;
  const re = new Float64Array(size[0] * size[1] * size[2]);
  // Source index along each axis for each padded position (−1: zero padding or beyond the padded block).
  const sources = [0, 1, 2].map((a) => Int32Array.from({ length: size[a]! }, (_, p) => (p < n[a]! + 2 * pad[a]! ? boundaryIndex(p - pad[a]!, n[a]!, boundary) : -1)));
  const [s0, s1, s2] = sources as [Int32Array, Int32Array, Int32Array];
  let at = 0;
  for (let p2 = 0; p2 < size[2]; p2++)
    for (let p1 = 0; p1 < size[1]; p1++)
      for (let p0 = 0; p0 < size[0]; p0++, at++) {
        const i = s0[p0]!, j = s1[p1]!, k = s2[p2]!;
        if (i >= 0 && j >= 0 && k >= 0) re[at] = image.data[i + n[0] * (j + n[1] * k)]!;
      }
  const im = new Float64Array(re.length);
  fft3d(re, im, size, false);
  return { size, offset: pad, imageSize: n, re, im };
}

/** A kernel's spectrum on the padded grid; `kernel(u, v, w)` is its value at the voxel offset (u, v, w) within `radius`. */
export function kernelSpectrum(size: Triple, radius: Triple, kernel: (u: number, v: number, w: number) => readonly [number, number]): ComplexImage {
  const re = new Float64Array(size[0] * size[1] * size[2]);
  const im = new Float64Array(re.length);
  const wrap = (u: number, n: number) => ((u % n) + n) % n;
  for (let w = -radius[2]; w <= radius[2]; w++)
    for (let v = -radius[1]; v <= radius[1]; v++)
      for (let u = -radius[0]; u <= radius[0]; u++) {
        const [kr, ki] = kernel(u, v, w);
        const at = wrap(u, size[0]) + size[0] * (wrap(v, size[1]) + size[1] * wrap(w, size[2]));
        re[at]! += kr;
        im[at]! += ki;
      }
  fft3d(re, im, size, false);
  return { re, im };
}

// out = F⁻¹(F(padded image) · transfer), cropped back to the image grid.
export function filterSpectrum(spectrum: PaddedSpectrum, transfer: ComplexImage): ComplexImage {
  const re = new Float64Array(spectrum.re.length);
  const im = new Float64Array(re.length);
  for (let n = 0; n < re.length; n++) {
    const ar = spectrum.re[n]!, ai = spectrum.im[n]!, br = transfer.re[n]!, bi = transfer.im[n]!;
    re[n] = ar * br - ai * bi;
    im[n] = ar * bi + ai * br;
  }
  fft3d(re, im, spectrum.size, true);
  return crop({ re, im }, spectrum);
}

function crop(padded: ComplexImage, spectrum: PaddedSpectrum): ComplexImage {
  const [n0, n1, n2] = spectrum.imageSize;
  const [o0, o1, o2] = spectrum.offset;
  const [N0, N1] = spectrum.size;
  const re = new Float64Array(n0 * n1 * n2);
  const im = new Float64Array(re.length);
  let at = 0;
  for (let k = 0; k < n2; k++)
    for (let j = 0; j < n1; j++)
      for (let i = 0; i < n0; i++, at++) {
        const from = i + o0 + N0 * (j + o1 + N1 * (k + o2));
        re[at] = padded.re[from]!;
        im[at] = padded.im[from]!;
      }
  return { re, im };
}

/** Padding for filters defined in the frequency domain: none when periodic, else half the image on each side. */
export function frequencyFilterPadding(image: FilterImage, boundary: BoundaryCondition): Triple {
  return image.size.map((n) => (boundary === "periodic" || n === 1 ? 0 : Math.floor(n / 2))) as unknown as Triple;
}

/** The voxel-wise product of transfer functions on one grid. */
export function multiplyTransfers(a: ComplexImage, b: ComplexImage): ComplexImage {
  const re = new Float64Array(a.re.length);
  const im = new Float64Array(a.re.length);
  for (let n = 0; n < re.length; n++) {
    re[n] = a.re[n]! * b.re[n]! - a.im[n]! * b.im[n]!;
    im[n] = a.re[n]! * b.im[n]! + a.im[n]! * b.re[n]!;
  }
  return { re, im };
}
