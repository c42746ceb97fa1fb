// pyradiomics' `imageType` section: each enabled image type (Original, LoG, Wavelet, Square, …) with its
// settings (the params file's general `setting` merged with the type's own, as pyradiomics does) → the
// derived images it yields, in pyradiomics' order, named as pyradiomics names them.
import { BadUserInputError } from "../../errors.js";
import { withData, type FilterImage } from "../filter-image.js";
import type { DerivedImage } from "./derived-image.js";
import { exponentialImage } from "./exponential-image.js";
import { gradientImage } from "./gradient-image.js";
import { lbp2DImage } from "./lbp-2d-image.js";
import { lbp3DImages } from "./lbp-3d-image.js";
import { logImage, logSigmaFits } from "./log-image.js";
import { logarithmImage } from "./logarithm-image.js";
import { squareImage } from "./square-image.js";
import { squareRootImage } from "./square-root-image.js";
import { waveletImages } from "./wavelet-image.js";

export const PYRADIOMICS_IMAGE_TYPES = ["Original", "LoG", "Wavelet", "Square", "SquareRoot", "Logarithm", "Exponential", "Gradient", "LBP2D", "LBP3D"] as const;
export type PyradiomicsImageType = (typeof PYRADIOMICS_IMAGE_TYPES)[number];

/** The settings the image types read (pyradiomics' names). */
export interface ImageTypeSettings {
  readonly sigma?: readonly number[];
  /** How each sigma was written (YAML int or float), for the derived image's name; float by default. */
  readonly sigmaTypes?: readonly ("float" | "int")[];
  readonly wavelet?: string;
  readonly start_level?: number;
  readonly level?: number;
  readonly force2D?: boolean;
  readonly force2Ddimension?: 0 | 1 | 2;
  readonly gradientUseSpacing?: boolean;
  readonly lbp2DRadius?: number;
  readonly lbp2DSamples?: number;
  readonly lbp2DMethod?: "uniform" | "default";
  readonly lbp3DLevels?: number;
  readonly lbp3DIcosphereRadius?: number;
  readonly lbp3DIcosphereSubdivision?: number;
}

/** `roi` (non-zero = ROI voxel, same grid): LBP3D is computed only there, as pyradiomics computes it. */
export function derivedImages(image: FilterImage, imageType: string, settings: ImageTypeSettings = {}, roi?: ArrayLike<number>): DerivedImage[] {
  switch (imageType) {
    case "Original":
      return [{ name: "original", image }];
    case "LoG": {
      const sigmas = settings.sigma ?? [];
      // pyradiomics yields nothing without sigma (and only logs it); a params file asking for LoG means it.
      if (sigmas.length === 0) throw new BadUserInputError("pyradiomics image type 'LoG' needs a non-empty 'sigma' list (mm)");
      // An image too small for a σ (or for any LoG: < 4 voxels on an axis) yields nothing for it, as pyradiomics skips it with a warning.
      return sigmas.flatMap((s, i) => (s > 0 && !logSigmaFits(image.size, image.spacing, s) ? [] : [logImage(image, s, settings.sigmaTypes?.[i] ?? "float")]));
    }
    case "Wavelet":
      return waveletImages(image, settings);
    case "Square":
      return [squareImage(image)];
    case "SquareRoot":
      return [squareRootImage(image)];
    case "Logarithm":
      return [logarithmImage(image)];
    case "Exponential":
      return [exponentialImage(image)];
    case "Gradient":
      return [gradientImage(image, settings)];
    case "LBP2D":
      return [lbp2DImage(image, settings)];
    case "LBP3D":
      if (!roi) throw new Error("derivedImages: LBP3D needs the ROI");
      return lbp3DImages(image, roi, settings).map((d) => ({ name: d.name, image: withData(image, d.data) }));
    default:
      throw new BadUserInputError(`unknown pyradiomics image type '${imageType}'; known: ${PYRADIOMICS_IMAGE_TYPES.join(", ")}`);
  }
}
