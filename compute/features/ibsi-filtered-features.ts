// IBSI features of an IBSI-2 filter's response map, as IBSI-2 phase 2 prescribes: the intensity-based
// statistical family of IBSI-1 (UHIW) computed on the filtered intensities of the ROI's voxels, with no
// discretisation. Keys carry the filter as a prefix (`log-sigma-3mm-t4-3D-mirror_stat_mean`), names too.
import type { IbsiFilter } from "../filters/ibsi-filter-spec.js";
import { ibsiFilterPrefix } from "../filters/ibsi-filter-spec.js";
import type { Mask, Volume } from "../image/volume.js";
import { summarise } from "./descriptive-statistics.js";
import { ibsiFilterResponse } from "./ibsi-filter-response.js";
import { INTENSITY_STATISTICS_FORMULAS, sortedMaskedValues } from "./intensity-statistics.js";
import { countSet } from "./roi.js";
import { allUndefined, evaluateFormulas, toResult, type FeatureFamily, type FeatureResult } from "./types.js";

/** The one family a filtered image is described by (IBSI-2 phase 2). */
export const FILTERED_FAMILIES: readonly FeatureFamily[] = ["intensity_statistics"];

/** Intensity statistics of the filter's response over the ROI. */
export function computeIbsiFilteredFeatures(volume: Volume, mask: Mask, filter: IbsiFilter): FeatureResult[] {
  const filtered = ibsiFilterResponse(volume, mask, filter);
  const count = filtered ? countSet(filtered.roi) : 0;
  const outcomes = !filtered || count === 0
    ? allUndefined(INTENSITY_STATISTICS_FORMULAS, "the ROI is empty")
    : evaluateFormulas(INTENSITY_STATISTICS_FORMULAS, summarise(sortedMaskedValues(filtered.response.data, filtered.roi, count)));
  const prefix = ibsiFilterPrefix(filter);
  return INTENSITY_STATISTICS_FORMULAS.map((d, n) => {
    const result = toResult(d, outcomes[n]!);
    return { ...result, key: `${prefix}_${result.key}`, name: `${result.name} (${prefix})` };
  });
}
