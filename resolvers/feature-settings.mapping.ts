// GraphQL feature settings → the compute layer's IBSI settings.
import { BadUserInputError } from "../compute/errors.js";
import type { FeatureSettings } from "../compute/features/settings.js";
import { DiscretisationMethod, type FeatureSettingsInput } from "../schema/feature-settings.input.js";
import { ibsiFilterSettingOf } from "./ibsi-filter.mapping.js";
import { pyradiomicsSettingsOf } from "./pyradiomics-settings.mapping.js";

export const DEFAULT_FEATURE_SETTINGS: FeatureSettings = { discretisation: { method: "fixedBinNumber", binCount: 32 } };

export function toFeatureSettings(input: FeatureSettingsInput | null | undefined): FeatureSettings {
  if (!input) return DEFAULT_FEATURE_SETTINGS;
  const filter = ibsiFilterSettingOf(input);
  const pyradiomics = pyradiomicsSettingsOf(input);
  if (pyradiomics) return pyradiomics;
  if (input.discretisation === DiscretisationMethod.FIXED_BIN_SIZE && input.binWidth === undefined)
    throw new BadUserInputError("FIXED_BIN_SIZE needs binWidth (e.g. 25 for CT in HU)");
  if (input.resegmentationMin !== undefined && input.resegmentationMax !== undefined && input.resegmentationMin >= input.resegmentationMax)
    throw new BadUserInputError("resegmentationMin must be below resegmentationMax");
  const range = input.resegmentationMin !== undefined || input.resegmentationMax !== undefined ? { lower: input.resegmentationMin, upper: input.resegmentationMax } : undefined;
  return {
    discretisation:
      input.discretisation === DiscretisationMethod.FIXED_BIN_SIZE
        ? { method: "fixedBinSize", binWidth: input.binWidth! }
        : { method: "fixedBinNumber", binCount: input.binCount ?? 32 },
    resegmentation: range || input.outlierSigmas ? { range, outlierSigmas: input.outlierSigmas } : undefined,
    interpolation: input.voxelSpacing ? { spacing: [input.voxelSpacing[0]!, input.voxelSpacing[1]!, input.voxelSpacing[2]!], maskThreshold: 0.5 } : undefined,
    glcmDistance: input.glcmDistance,
    ...(filter ? { filter } : {}),
  };
}
