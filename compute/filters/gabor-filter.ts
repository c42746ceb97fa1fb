// IBSI-2 Gabor filter: a 2D complex kernel applied in a plane of the image (axial, or the three orthogonal
// planes for rotation invariance), response = modulus, pooled over orientations θ (and planes) voxel-wise
// (IBSI-2 reference manual, arXiv:2006.05470, "Gabor kernels"). σ and λ are in mm; the kernel is not
// normalised (its centre weight is 1, as in the IBSI consensus maps) and by default spans the whole plane.
import { BadUserInputError } from "../errors.js";
import type { BoundaryCondition } from "./boundary.js";
import { filterSpectrum, kernelSpectrum, paddedSpectrum } from "./fft-convolution.js";
import { withData, type FilterImage } from "./filter-image.js";
import { imagePlanes } from "./image-planes.js";
import { gaborPlanes, type GaborPlane, type OrientationPooling, poolResponses } from "./gabor-orientation-pooling.js";

export interface GaborParams {
  /** Standard deviation of the Gaussian envelope along x̃, in mm. */
  readonly sigma: number;
  /** Wavelength of the complex sinusoid, in mm. */
  readonly wavelength: number;
  /** Spatial aspect ratio γ: the envelope's σ across the stripes is σ/γ. */
  readonly aspectRatio: number;
  /** Orientations θ in degrees (one for a directional filter, θ₀ + k·Δθ for rotation invariance). */
  readonly orientations: readonly number[];
  readonly boundary: BoundaryCondition;
  /** "axial": the i–j plane of each slice (2D); "orthogonal": also the i–k and j–k planes, pooled. */
  readonly planes: GaborPlane;
  readonly pooling: OrientationPooling;
  /** Kernel radius in voxels; default half the larger in-plane size (the kernel covers the plane). */
  readonly radius?: number;
}

// g(x, y) = exp(−(x̃² + γ² ỹ²) / (2σ²)) · exp(i 2π x̃ / λ),  x̃ = x cos θ + y sin θ,  ỹ = −x sin θ + y cos θ.
export function gaborKernelValue(x: number, y: number, params: Pick<GaborParams, "sigma" | "wavelength" | "aspectRatio">, thetaRadians: number): [number, number] {
  const c = Math.cos(thetaRadians), s = Math.sin(thetaRadians);
  const xt = x * c + y * s, yt = -x * s + y * c;
  const envelope = Math.exp(-(xt * xt + params.aspectRatio ** 2 * yt * yt) / (2 * params.sigma ** 2));
  const phase = (2 * Math.PI * xt) / params.wavelength;
  return [envelope * Math.cos(phase), envelope * Math.sin(phase)];
}

/** |image ∗ g_θ| in each requested plane and orientation, pooled voxel-wise (2D FFT convolution per slice). */
export function gaborFilter(image: FilterImage, params: GaborParams): FilterImage {
  validate(params);
  const responses: Float64Array[] = [];
  for (const [a, b] of gaborPlanes(params.planes, image.size)) {
    const radius = params.radius ?? Math.floor(Math.max(image.size[a]!, image.size[b]!) / 2);
    const pad = [radius, radius, 0] as const;
    const planes = imagePlanes(image, a, b).map(({ plane, indices }) => ({ spectrum: paddedSpectrum(plane, pad, params.boundary), indices }));
    for (const theta of params.orientations) {
      const transfer = kernelSpectrum(planes[0]!.spectrum.size, pad, (u, v) => gaborKernelValue(u * image.spacing[a]!, v * image.spacing[b]!, params, (theta * Math.PI) / 180));
      const response = new Float64Array(image.data.length);
      for (const { spectrum, indices } of planes) {
        const { re, im } = filterSpectrum(spectrum, transfer);
        for (let n = 0; n < indices.length; n++) response[indices[n]!] = Math.hypot(re[n]!, im[n]!);
      }
      responses.push(response);
    }
  }
  return withData(image, poolResponses(responses, params.pooling));
}

function validate(params: GaborParams): void {
  for (const [name, value] of [["sigma", params.sigma], ["wavelength", params.wavelength], ["aspectRatio", params.aspectRatio]] as const)
    if (!(value > 0) || !Number.isFinite(value)) throw new BadUserInputError(`Gabor ${name} must be a positive number, got ${value}`);
  if (params.orientations.length === 0) throw new BadUserInputError("Gabor filter needs at least one orientation");
}
