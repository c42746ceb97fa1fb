// The feature profile chosen in the settings: IBSI (computeFeatures, as always) or PYRADIOMICS, where a
// parsed pyradiomics params file selects classes and features, the label and the binning, and the
// results carry pyradiomics' names ("original_glcm_Contrast", "wavelet-LLH_glcm_Contrast") with the pyradiomics class as family.
import { BadUserInputError } from "../errors.js";
import type { Mask, Volume } from "../image/volume.js";
import { computeFeatures } from "./compute-features.js";
import { checkFilterCombination } from "./ibsi-filter-settings.js";
import { computeIbsiFilteredFeatures } from "./ibsi-filtered-features.js";
import { ibsiFilterOf } from "../filters/ibsi-filter-spec.js";
import { pyradiomicsDerivedVolumes } from "./pyradiomics-derived-images.js";
import { pyradiomicsLoadImage } from "./pyradiomics-load-image.js";
import { computePyradiomicsFeatures, pyradiomicsSettings, type PyradiomicsFeature } from "./pyradiomics.js";
import { parsePyradiomicsParams, type PyradiomicsExtractionSettings, type PyradiomicsProfile } from "./pyradiomics-params.js";
import type { FeatureSettings } from "./settings.js";
import type { FeatureFamily, FeatureResult } from "./types.js";

/** IBSI families each pyradiomics class is computed from. */
const CLASS_FAMILIES: Readonly<Record<string, readonly FeatureFamily[]>> = {
  firstorder: ["intensity_statistics", "intensity_histogram"], shape: ["morphology"], glcm: ["glcm"], glrlm: ["glrlm"],
  glszm: ["glszm"], gldm: ["ngldm"], ngtdm: ["ngtdm"],
};

/** The pyradiomics profile of PYRADIOMICS settings (refuses settings that name the profile without params). */
export function pyradiomicsProfileOf(settings: FeatureSettings): PyradiomicsProfile {
  if (!settings.pyradiomics) throw new BadUserInputError("profile PYRADIOMICS needs pyradiomicsParams (the text of a pyradiomics params file)");
  return settings.pyradiomics;
}

/**
 * The "families" of a PYRADIOMICS request are pyradiomics classes: all the params file enables, or the
 * requested ones, each of which it must enable.
 */
export function pyradiomicsClasses(settings: FeatureSettings, requested: readonly string[] | undefined): string[] {
  const enabled = Object.keys(pyradiomicsProfileOf(settings).featureClasses).sort();
  if (!requested?.length) return enabled;
  const missing = requested.filter((c) => !enabled.includes(c));
  if (missing.length) throw new BadUserInputError(`families ${missing.join(", ")} are not enabled by the pyradiomics params (featureClass: ${enabled.join(", ")})`, { missing, enabled });
  return [...new Set(requested)].sort();
}

/** pyradiomics' label selection: the voxels of the mask equal to `label` (masks hold label values). */
function selectLabel(mask: Mask, label: number): Mask {
  const data = new Uint8Array(mask.data.length);
  let count = 0;
  for (let v = 0; v < data.length; v++) if (mask.data[v] === label) { data[v] = 1; count++; }
  if (count === 0) throw new BadUserInputError(`label ${label} is not present in the mask`, { label });
  return { geometry: mask.geometry, data };
}

/** pyradiomics' checks of the ROI before extraction: dimensions spanned (> 1 voxel) and voxel count. */
function checkRoiSize(mask: Mask, settings: PyradiomicsExtractionSettings): void {
  const [nx, ny, nz] = mask.geometry.size;
  const lower = [Infinity, Infinity, Infinity], upper = [-Infinity, -Infinity, -Infinity];
  let count = 0;
  const data = mask.data;
  for (let k = 0, v = 0; k < nz; k++) for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++, v++) {
    if (!data[v]) continue;
    count++;
    if (i < lower[0]!) lower[0] = i; if (i > upper[0]!) upper[0] = i;
    if (j < lower[1]!) lower[1] = j; if (j > upper[1]!) upper[1] = j;
    if (k < lower[2]!) lower[2] = k; if (k > upper[2]!) upper[2] = k;
  }
  const dimensions = lower.filter((l, a) => upper[a]! > l).length;
  if (dimensions < settings.minimumROIDimensions) throw new BadUserInputError(`the ROI spans ${dimensions} dimension(s), fewer than minimumROIDimensions ${settings.minimumROIDimensions}`);
  if (settings.minimumROISize !== null && count < settings.minimumROISize) throw new BadUserInputError(`the ROI has ${count} voxels, fewer than minimumROISize ${settings.minimumROISize}`);
}

function toResult(feature: PyradiomicsFeature, cls: string): FeatureResult {
  const base = {
    key: feature.name, name: feature.name,
    // Stored under the pyradiomics class, which is what `families` selects in this profile.
    family: cls as FeatureFamily,
    ibsiCode: feature.ibsiCode ?? "", unit: feature.unit ?? "", aggregation: null, aggregationCode: null,
  };
  return feature.value !== undefined ? { ...base, value: feature.value } : { ...base, undefinedReason: feature.undefinedReason! };
}

/** One pyradiomics feature class's enabled features on one (derived) image, with pyradiomics' names. */
function classResults(features: readonly PyradiomicsFeature[], imageName: string, cls: string, names: readonly string[]): FeatureResult[] {
  const byName = new Map(features.map((f) => [f.name, f]));
  return names.map((feature) => {
    const f = byName.get(`${imageName}_${cls}_${feature}`);
    // The params parser refuses features not computed here, so a miss is a bug, not bad input.
    if (!f) throw new Error(`pyradiomics feature ${imageName}_${cls}_${feature} was enabled but not computed`);
    return toResult(f, cls);
  });
}

/**
 * pyradiomics' extraction (featureextractor.execute): label selection, ROI checks and normalisation on the
 * image as loaded; shape once, on the original image (named original_shape_*, whether or not Original is an
 * enabled image type); then for every enabled image type and each derived image it yields, the other classes
 * on the filtered intensities under the same mask, with the type's merged settings (binWidth / binCount,
 * voxelArrayShift) and the derived image's name as prefix.
 */
export function computePyradiomicsProfile(volume: Volume, mask: Mask, profile: PyradiomicsProfile, classes: readonly string[]): FeatureResult[] {
  const general = profile.settings;
  // Normalisation, then resampling or pre-cropping, from the top-level settings (pyradiomics' loadImage).
  const { volume: image, mask: labels } = pyradiomicsLoadImage(volume, mask, profile.preprocessing);
  const roi = selectLabel(labels, general.label);
  checkRoiSize(roi, general);
  const out: FeatureResult[] = [];
  const shapeClasses = classes.filter((c) => c.startsWith("shape"));
  const intensityClasses = classes.filter((c) => !c.startsWith("shape"));
  if (shapeClasses.length) {
    const features = computePyradiomicsFeatures(image, roi, { ...general, families: ["morphology"], shape2D: shapeClasses.includes("shape2D") }, "original");
    for (const cls of shapeClasses) out.push(...classResults(features, "original", cls, profile.featureClasses[cls]!));
  }
  const families = [...new Set(intensityClasses.flatMap((c) => CLASS_FAMILIES[c] ?? []))];
  if (families.length) {
    for (const type of profile.imageTypes) {
      for (const derived of pyradiomicsDerivedVolumes(image, roi, type)) {
        const features = computePyradiomicsFeatures(derived.volume, derived.mask, { ...type.settings, families }, derived.name);
        for (const cls of intensityClasses) out.push(...classResults(features, derived.name, cls, profile.featureClasses[cls]!));
      }
    }
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Features as the settings' profile defines them. */
export function computeProfileFeatures(volume: Volume, mask: Mask, settings: FeatureSettings, families: readonly FeatureFamily[]): FeatureResult[] {
  checkFilterCombination(settings);
  // IBSI profile with an IBSI-2 filter: the intensity statistics of its response map (IBSI-2 phase 2).
  if (settings.filter) return computeIbsiFilteredFeatures(volume, mask, ibsiFilterOf(settings.filter)); // checked again: library callers too
  if (settings.profile !== "PYRADIOMICS") return computeFeatures(volume, mask, settings, families);
  return computePyradiomicsProfile(volume, mask, pyradiomicsProfileOf(settings), families as readonly string[]);
}

/** Feature settings of the PYRADIOMICS profile from a params file's text (the IBSI part mirrors its Original binning, for resource checks). */
export function pyradiomicsFeatureSettings(paramsText: string): FeatureSettings {
  const profile = parsePyradiomicsParams(paramsText);
  const general = profile.settings;
  return { ...pyradiomicsSettings({ binWidth: general.binWidth, binCount: general.binCount }), profile: "PYRADIOMICS", pyradiomics: profile };
}
