// The IBSI profile's filter setting (`FeatureSettings.filter`): which families it allows, what it adds to
// the canonical settings (so a filtered request never shares a hash with an unfiltered one), and which IBSI
// settings it cannot be combined with yet.
import { BadUserInputError } from "../errors.js";
import { ibsiFilterOf } from "../filters/ibsi-filter-spec.js";
import type { FeatureSettings } from "./settings.js";
import { FILTERED_FAMILIES } from "./ibsi-filtered-features.js";
import type { FeatureFamily } from "./types.js";

/** Families of a filtered request: intensity_statistics (the default), nothing else (IBSI-2 phase 2). */
export function filteredFamilies(requested: readonly FeatureFamily[] | undefined): FeatureFamily[] {
  const other = (requested ?? []).filter((f) => !FILTERED_FAMILIES.includes(f));
  if (other.length) throw new BadUserInputError(`with a filter the features are IBSI-2 phase 2's intensity statistics of the response map (family ${FILTERED_FAMILIES.join(", ")}); leave out ${other.join(", ")}`, { field: "families", families: other });
  return [...FILTERED_FAMILIES];
}

/** Refuses a filter with settings it does not apply yet (interpolation, re-segmentation, the PYRADIOMICS profile). */
export function checkFilterCombination(settings: FeatureSettings): void {
  if (!settings.filter) return;
  if (settings.profile === "PYRADIOMICS") throw new BadUserInputError("filter is the IBSI profile's; in the PYRADIOMICS profile the params file's imageType section chooses the filters", { field: "filter" });
  if (settings.interpolation) throw new BadUserInputError("filter cannot be combined with voxelSpacing (interpolation before filtering is not supported yet)", { field: "voxelSpacing" });
  if (settings.resegmentation) throw new BadUserInputError("filter cannot be combined with re-segmentation (resegmentationMin / resegmentationMax / outlierSigmas) yet", { field: "resegmentation" });
}

/** What the filter adds to the canonical settings: its checked, completed form (IBSI settings without a filter add nothing, so their hashes stay). */
export function filterProvenance(settings: FeatureSettings): Record<string, unknown> {
  return settings.filter ? { filter: ibsiFilterOf(settings.filter) } : {};
}
