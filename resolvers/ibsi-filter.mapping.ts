// GraphQL FeatureSettingsInput.filter → the compute layer's IBSI-2 filter setting (checked there, naming the field).
import { BadUserInputError } from "../compute/errors.js";
import { ibsiFilterOf, type IbsiFilter } from "../compute/filters/ibsi-filter-spec.js";
import { FeatureProfile, type FeatureSettingsInput } from "../schema/feature-settings.input.js";

/** Discretisation fields a filtered request has no use for (IBSI-2 phase 2: statistics without discretisation). */
const DISCRETISATION_FIELDS = ["binCount", "binWidth"] as const;

/** The filter of the input, or undefined; refuses it with the PYRADIOMICS profile or with binning fields. */
export function ibsiFilterSettingOf(input: FeatureSettingsInput): IbsiFilter | undefined {
  if (input.filter == null) return undefined;
  if (input.profile === FeatureProfile.PYRADIOMICS) throw new BadUserInputError("filter is the IBSI profile's; with profile PYRADIOMICS the params file's imageType section chooses the filters", { field: "filter" });
  const binning = DISCRETISATION_FIELDS.filter((f) => input[f] != null);
  if (binning.length) throw new BadUserInputError(`with a filter the features are intensity statistics without discretisation; leave out ${binning.join(", ")}`, { field: binning[0], fields: binning });
  return ibsiFilterOf({ ...input.filter });
}
