// IBSI-2 Riesz-transformed Simoncelli wavelet: the Simoncelli band-pass and the Riesz transform multiplied in
// the frequency domain on the (padded) grid, real part of the response (IBSI-2 reference manual,
// arXiv:2006.05470, "Riesz transform").
import type { BoundaryCondition } from "./boundary.js";
import { filterSpectrum, frequencyFilterPadding, multiplyTransfers, paddedSpectrum } from "./fft-convolution.js";
import { withData, type FilterImage } from "./filter-image.js";
import { rieszTransfer, type RieszOrder } from "./riesz-transform.js";
import { simoncelliTransfer } from "./simoncelli-wavelet.js";

export interface RieszSimoncelliParams {
  readonly level: number;
  readonly order: RieszOrder;
  readonly boundary: BoundaryCondition;
}

// out = Re F⁻¹( F(image) · ψ_level(ν) · R^(l)(ω) ).
export function rieszSimoncelli(image: FilterImage, params: RieszSimoncelliParams): FilterImage {
  const spectrum = paddedSpectrum(image, frequencyFilterPadding(image, params.boundary), params.boundary);
  const transfer = multiplyTransfers(simoncelliTransfer(spectrum.size, params.level), rieszTransfer(spectrum.size, params.order));
  return withData(image, filterSpectrum(spectrum, transfer).re);
}
