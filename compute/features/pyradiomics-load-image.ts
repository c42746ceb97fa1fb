// pyradiomics' RadiomicsFeatureExtractor.loadImage after reading: the image normalised (if `normalize`), then
// image and label map resampled (resampledPixelSpacing with an interpolator) or pre-cropped (preCrop), all
// from the top-level settings, before any image type is derived. sitk.Resample keeps the image's pixel type:
// the pixel type SimpleITK reads the series as (Volume.sourcePixelType, e.g. Int16 / Int32 for CT), Float64
// after Normalize (which returns a real image) or for a volume not read from DICOM.
import { pyradiomicsResample } from "../image/pyradiomics-resample.js";
import type { Mask, Volume } from "../image/volume.js";
import { pyradiomicsNormalise } from "./pyradiomics-normalise.js";
import type { PyradiomicsPreprocessing } from "./pyradiomics-params.js";

export function pyradiomicsLoadImage(volume: Volume, mask: Mask, preprocessing: PyradiomicsPreprocessing): { volume: Volume; mask: Mask } {
  const sourcePixelType = preprocessing.normalize ? "float64" : (volume.sourcePixelType ?? preprocessing.sourcePixelType ?? "float64");
  return pyradiomicsResample(pyradiomicsNormalise(volume, preprocessing), mask, { ...preprocessing, sourcePixelType });
}
