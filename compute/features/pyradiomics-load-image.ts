// pyradiomics' RadiomicsFeatureExtractor.loadImage after reading: the image normalised (if `normalize`), then
// image and label map resampled (resampledPixelSpacing with an interpolator) or pre-cropped (preCrop), all
// from the top-level settings, before any image type is derived.
import { pyradiomicsResample } from "../image/pyradiomics-resample.js";
import type { Mask, Volume } from "../image/volume.js";
import { pyradiomicsNormalise } from "./pyradiomics-normalise.js";
import type { PyradiomicsPreprocessing } from "./pyradiomics-params.js";

export function pyradiomicsLoadImage(volume: Volume, mask: Mask, preprocessing: PyradiomicsPreprocessing): { volume: Volume; mask: Mask } {
  return pyradiomicsResample(pyradiomicsNormalise(volume, preprocessing), mask, preprocessing);
}
