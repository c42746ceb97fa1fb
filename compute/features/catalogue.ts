// The catalogue of every feature this package computes: what a GraphQL layer lists
// (key, IBSI name, family, IBSI code, unit, description, and the aggregations that apply).
import { GLCM_FORMULAS } from "./glcm.js";
import { GLDZM_FORMULAS } from "./gldzm.js";
import { GLRLM_FORMULAS } from "./glrlm.js";
import { GLSZM_FORMULAS } from "./glszm.js";
import { INTENSITY_HISTOGRAM_FORMULAS } from "./intensity-histogram.js";
import { INTENSITY_STATISTICS_FORMULAS } from "./intensity-statistics.js";
import { IVH_FORMULAS } from "./intensity-volume-histogram.js";
import { LOCAL_INTENSITY_FORMULAS } from "./local-intensity.js";
import { MORPHOLOGY_FORMULAS } from "./morphology.js";
import { NGLDM_FORMULAS } from "./ngldm.js";
import { NGTDM_FORMULAS } from "./ngtdm.js";
import { DIRECTIONAL_AGGREGATIONS, ZONE_AGGREGATIONS, type Aggregation, type FeatureDefinition, type FeatureFamily } from "./types.js";

export interface CatalogueEntry extends FeatureDefinition {
  /** Texture aggregations the feature is reported for; empty for whole-ROI families. */
  readonly aggregations: readonly Aggregation[];
}

const strip = (d: FeatureDefinition, aggregations: readonly Aggregation[]): CatalogueEntry => ({
  key: d.key, name: d.name, family: d.family, ibsiCode: d.ibsiCode, unit: d.unit, description: d.description, aggregations,
});

export const FEATURE_CATALOGUE: readonly CatalogueEntry[] = [
  ...MORPHOLOGY_FORMULAS.map((d) => strip(d, [])),
  ...LOCAL_INTENSITY_FORMULAS.map((d) => strip(d, [])),
  ...INTENSITY_STATISTICS_FORMULAS.map((d) => strip(d, [])),
  ...INTENSITY_HISTOGRAM_FORMULAS.map((d) => strip(d, [])),
  ...IVH_FORMULAS.map((d) => strip(d, [])),
  ...GLCM_FORMULAS.map((d) => strip(d, DIRECTIONAL_AGGREGATIONS)),
  ...GLRLM_FORMULAS.map((d) => strip(d, DIRECTIONAL_AGGREGATIONS)),
  ...GLSZM_FORMULAS.map((d) => strip(d, ZONE_AGGREGATIONS)),
  ...GLDZM_FORMULAS.map((d) => strip(d, ZONE_AGGREGATIONS)),
  ...NGTDM_FORMULAS.map((d) => strip(d, ZONE_AGGREGATIONS)),
  ...NGLDM_FORMULAS.map((d) => strip(d, ZONE_AGGREGATIONS)),
];

export function catalogueOf(family: FeatureFamily): CatalogueEntry[] {
  return FEATURE_CATALOGUE.filter((d) => d.family === family);
}

export function findFeatureDefinition(key: string): CatalogueEntry | undefined {
  return FEATURE_CATALOGUE.find((d) => d.key === key);
}
