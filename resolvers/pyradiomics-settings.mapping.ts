// GraphQL FeatureSettingsInput with profile PYRADIOMICS → the compute layer's pyradiomics-profile settings.
import { BadUserInputError } from "../compute/errors.js";
import { pyradiomicsFeatureSettings } from "../compute/features/profile-features.js";
import type { FeatureSettings } from "../compute/features/settings.js";
import { FeatureProfile, type FeatureSettingsInput } from "../schema/feature-settings.input.js";

/** IBSI fields that the params file replaces in the PYRADIOMICS profile. */
const IBSI_FIELDS = ["binCount", "binWidth", "resegmentationMin", "resegmentationMax", "outlierSigmas", "voxelSpacing", "glcmDistance"] as const;

/** The PYRADIOMICS settings of the input, or undefined for the IBSI profile. */
export function pyradiomicsSettingsOf(input: FeatureSettingsInput): FeatureSettings | undefined {
  if (input.profile !== FeatureProfile.PYRADIOMICS) {
    if (input.pyradiomicsParams != null) throw new BadUserInputError("pyradiomicsParams needs profile: PYRADIOMICS");
    return undefined;
  }
  if (input.pyradiomicsParams == null || input.pyradiomicsParams.trim() === "") throw new BadUserInputError("profile PYRADIOMICS needs pyradiomicsParams: the text of a pyradiomics params file (YAML or JSON)");
  const mixed = IBSI_FIELDS.filter((f) => input[f] != null);
  if (mixed.length) throw new BadUserInputError(`with profile PYRADIOMICS the params file sets the extraction; leave out ${mixed.join(", ")}`, { fields: mixed });
  return pyradiomicsFeatureSettings(input.pyradiomicsParams);
}
