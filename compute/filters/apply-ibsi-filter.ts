// An IBSI-2 filter setting (ibsi-filter-spec.ts) applied to an image: the dispatch to this folder's filters,
// with the setting's names (MIRROR, AVERAGE, decomposition) turned into theirs (mirror, mean, subband).
import type { BoundaryCondition } from "./boundary.js";
import type { FilterImage } from "./filter-image.js";
import { gaborFilter } from "./gabor-filter.js";
import { orientationSteps } from "./gabor-orientation-pooling.js";
import type { IbsiBoundary, IbsiFilter, IbsiPooling } from "./ibsi-filter-spec.js";
import { lawsFilter } from "./laws-filter.js";
import { logFilter } from "./log-filter.js";
import { meanFilter } from "./mean-filter.js";
import { rieszLog } from "./riesz-log.js";
import { rieszSimoncelli } from "./riesz-simoncelli.js";
import { rotationInvariant, type RotationPooling } from "./rotation-invariance.js";
import { separableWavelet } from "./separable-wavelet.js";
import { simoncelliWavelet } from "./simoncelli-wavelet.js";

const boundaryOf = (b: IbsiBoundary) => b.toLowerCase() as BoundaryCondition;
const poolingOf = (p: IbsiPooling): RotationPooling => (p === "AVERAGE" ? "mean" : p === "MAX" ? "max" : "min");

/** The filter's response map on the image's grid. */
export function applyIbsiFilter(image: FilterImage, f: IbsiFilter): FilterImage {
  const boundary = boundaryOf(f.boundary);
  switch (f.kind) {
    case "MEAN": return meanFilter(image, { support: f.support, boundary, dimensions: f.dimensions });
    case "LOG": return logFilter(image, { sigmaMm: f.sigma, truncation: f.truncation, boundary, dimensions: f.dimensions });
    case "LAWS":
      return lawsFilter(image, {
        kernel: f.lawsKernel, boundary,
        ...(f.rotationInvariance ? { rotationInvariance: poolingOf(f.pooling!) } : {}),
        ...(f.energyDistance !== undefined ? { energyDistance: f.energyDistance, energyBoundary: boundaryOf(f.energyBoundary!) } : {}),
      });
    case "GABOR":
      return gaborFilter(image, {
        sigma: f.sigma, wavelength: f.wavelength, aspectRatio: f.aspectRatio, boundary,
        orientations: f.thetaStep !== undefined ? orientationSteps(f.theta, f.thetaStep) : [f.theta],
        planes: f.dimensions === 3 ? "orthogonal" : "axial",
        pooling: f.pooling === "MAX" ? "max" : "mean",
      });
    case "WAVELET": {
      const filter = (im: FilterImage) => separableWavelet(im, { wavelet: f.wavelet, subband: f.decomposition, level: f.level, boundary });
      return f.rotationInvariance ? rotationInvariant(image, filter, poolingOf(f.pooling!), f.decomposition.length as 2 | 3) : filter(image);
    }
    case "SIMONCELLI": return simoncelliWavelet(image, { level: f.level, boundary });
    case "RIESZ_LOG": return rieszLog(image, { sigma: f.sigma, truncate: f.truncation, order: f.rieszOrder, boundary });
    case "RIESZ_SIMONCELLI": return rieszSimoncelli(image, { level: f.level, order: f.rieszOrder, boundary });
  }
}
