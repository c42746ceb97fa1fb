// Public surface of the IBSI feature package.
export { computeFeatures, computeFamily, prepareInput, type PreparedInput } from "./compute-features.js";
export { FEATURE_CATALOGUE, catalogueOf, findFeatureDefinition, type CatalogueEntry } from "./catalogue.js";
export { canonicalSettings, type FeatureSettings, type IvhDiscretisationSettings } from "./settings.js";
export { computePyradiomicsFeatures, pyradiomicsSettings, PYRADIOMICS_NAMES, type PyradiomicsFeature, type PyradiomicsOptions } from "./pyradiomics.js";
export {
  AGGREGATION_CODES, FEATURE_FAMILIES, isDefined,
  type Aggregation, type FeatureDefinition, type FeatureFamily, type FeatureOutcome, type FeatureResult,
} from "./types.js";
