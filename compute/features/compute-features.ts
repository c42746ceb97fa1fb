// The one entry point: image + mask + settings → typed feature results, following the IBSI chain
// interpolation → ROI masks (re-segmentation) → discretisation → feature families.
import type { DiscretisationSettings } from "../image/discretisation.js";
import { interpolateMask, interpolateVolume, type IndexBox } from "../image/interpolation.js";
import { assertSameGrid } from "../image/roi-masks.js";
import type { Mask, Volume } from "../image/volume.js";
import { computeGlcm } from "./glcm.js";
import { computeGldzm } from "./gldzm.js";
import { computeGlrlm } from "./glrlm.js";
import { computeGlszm } from "./glszm.js";
import { computeIntensityHistogram } from "./intensity-histogram.js";
import { computeIntensityStatistics } from "./intensity-statistics.js";
import { computeIntensityVolumeHistogram } from "./intensity-volume-histogram.js";
import { computeLocalIntensity } from "./local-intensity.js";
import { computeMorphology } from "./morphology.js";
import { computeNgldm } from "./ngldm.js";
import { computeNgtdm } from "./ngtdm.js";
import { boundingBox, buildRoiGrid, type RoiGrid } from "./roi.js";
import { resolveSettings, type FeatureSettings, type ResolvedSettings } from "./settings.js";
import { FEATURE_FAMILIES, type FeatureFamily, type FeatureResult } from "./types.js";

/** Everything the families need, prepared once. */
export interface PreparedInput {
  readonly settings: ResolvedSettings;
  /** The whole image after interpolation (local intensity looks beyond the ROI). */
  readonly volume: Volume;
  /** Cropped ROI grid with both masks and grey levels; undefined when the mask is empty. */
  readonly roi: RoiGrid | undefined;
}

/** IBSI: fixed bin size is anchored at the re-segmentation lower bound when there is one. */
function anchoredDiscretisation(settings: ResolvedSettings): DiscretisationSettings {
  const d = settings.discretisation;
  const lower = settings.resegmentation.range?.lower;
  if (d.method === "fixedBinSize" && d.lowerBound === undefined && lower !== undefined && Number.isFinite(lower)) {
    return { ...d, lowerBound: lower };
  }
  return d;
}

/**
 * Original-grid box worth interpolating: the mask's bounding box grown by the local-intensity sphere
 * radius plus two voxels (interpolation support and mask growth). Undefined (whole image) for an empty mask.
 */
export function interpolationRegion(mask: Mask, settings: ResolvedSettings): IndexBox | undefined {
  const box = boundingBox(mask.geometry, mask.data);
  if (!box) return undefined;
  const radius = Math.cbrt((3 * settings.localIntensitySphereVolume) / (4 * Math.PI));
  const grow = mask.geometry.spacing.map((s) => Math.ceil(radius / s) + 2);
  return {
    lower: [box.lower[0] - grow[0]!, box.lower[1] - grow[1]!, box.lower[2] - grow[2]!],
    upper: [box.upper[0] + grow[0]!, box.upper[1] + grow[1]!, box.upper[2] + grow[2]!],
  };
}

export function prepareInput(volume: Volume, mask: Mask, settings: FeatureSettings): PreparedInput {
  const resolved = resolveSettings(settings);
  assertSameGrid(volume, mask);
  let image = volume, roiMask = mask;
  if (resolved.interpolation) {
    const region = interpolationRegion(mask, resolved);
    image = interpolateVolume(volume, resolved.interpolation, region);
    roiMask = interpolateMask(mask, resolved.interpolation, region);
  }
  const margin = Math.max(1, resolved.glcmDistance, resolved.ngtdmDistance, resolved.ngldmDistance);
  const roi = buildRoiGrid(image.geometry, image.data, roiMask.data, resolved.resegmentation, anchoredDiscretisation(resolved), margin);
  return { settings: resolved, volume: image, roi };
}

/** Runs one family on prepared input. */
export function computeFamily(input: PreparedInput, family: FeatureFamily): FeatureResult[] {
  const { roi, settings } = input;
  switch (family) {
    case "morphology": return computeMorphology(roi, settings.spatialAutocorrelationMaxGridPoints);
    case "local_intensity": return computeLocalIntensity(input.volume, roi, settings.localIntensitySphereVolume);
    case "intensity_statistics": return computeIntensityStatistics(roi);
    case "intensity_histogram": return computeIntensityHistogram(roi);
    case "intensity_volume_histogram": return computeIntensityVolumeHistogram(roi, settings.ivhDiscretisation, settings.resegmentation.range);
    case "glcm": return computeGlcm(roi, settings.aggregations, settings.glcmDistance);
    case "glrlm": return computeGlrlm(roi, settings.aggregations);
    case "glszm": return computeGlszm(roi, settings.aggregations);
    case "gldzm": return computeGldzm(roi, settings.aggregations);
    case "ngtdm": return computeNgtdm(roi, settings.aggregations, settings.ngtdmDistance, settings.ngtdmIsolatedVoxels === "count");
    case "ngldm": return computeNgldm(roi, settings.aggregations, settings.ngldmDistance, settings.ngldmCoarseness);
  }
}

/**
 * Computes IBSI features of the ROI `mask` on `volume`. Every requested feature appears in the result,
 * either with a finite value or with the reason it is undefined for this input.
 */
export function computeFeatures(volume: Volume, mask: Mask, settings: FeatureSettings, families: readonly FeatureFamily[] = FEATURE_FAMILIES): FeatureResult[] {
  const input = prepareInput(volume, mask, settings);
  return families.flatMap((family) => computeFamily(input, family));
}
