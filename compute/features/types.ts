// Typed results of feature computation. A value is either a finite number or an explicit
// "undefined, because …" — never a silent NaN.

export type FeatureFamily =
  | "morphology"
  | "local_intensity"
  | "intensity_statistics"
  | "intensity_histogram"
  | "intensity_volume_histogram"
  | "glcm"
  | "glrlm"
  | "glszm"
  | "gldzm"
  | "ngtdm"
  | "ngldm";

export const FEATURE_FAMILIES: readonly FeatureFamily[] = [
  "morphology", "local_intensity", "intensity_statistics", "intensity_histogram", "intensity_volume_histogram",
  "glcm", "glrlm", "glszm", "gldzm", "ngtdm", "ngldm",
];

/** IBSI texture aggregation methods, labelled as the IBSI reference tables label them. */
export type Aggregation =
  | "2D, averaged"
  | "2D, slice-merged"
  | "2.5D, direction-merged"
  | "2.5D, merged"
  | "3D, averaged"
  | "3D, merged"
  | "2D"
  | "2.5D"
  | "3D";

/** IBSI codes of the aggregation methods. */
export const AGGREGATION_CODES: Readonly<Record<Aggregation, string>> = {
  "2D, averaged": "BTW3",
  "2D, slice-merged": "SUJT",
  "2.5D, direction-merged": "JJUI",
  "2.5D, merged": "ZW7Z",
  "3D, averaged": "ITBB",
  "3D, merged": "IAZD",
  "2D": "8QNN",
  "2.5D": "62GR",
  "3D": "KOBO",
};

/** Short, key-safe suffix per aggregation, used in result keys. */
export const AGGREGATION_SUFFIX: Readonly<Record<Aggregation, string>> = {
  "2D, averaged": "2d_avg",
  "2D, slice-merged": "2d_smrg",
  "2.5D, direction-merged": "2_5d_dmrg",
  "2.5D, merged": "2_5d_mrg",
  "3D, averaged": "3d_avg",
  "3D, merged": "3d_mrg",
  "2D": "2d",
  "2.5D": "2_5d",
  "3D": "3d",
};

/** Aggregations of the direction-resolved matrices (GLCM, GLRLM). */
export const DIRECTIONAL_AGGREGATIONS: readonly Aggregation[] = [
  "2D, averaged", "2D, slice-merged", "2.5D, direction-merged", "2.5D, merged", "3D, averaged", "3D, merged",
];
/** Aggregations of the direction-free matrices (GLSZM, GLDZM, NGTDM, NGLDM). */
export const ZONE_AGGREGATIONS: readonly Aggregation[] = ["2D", "2.5D", "3D"];

/** The outcome of one feature formula on one input. */
export type FeatureOutcome = { readonly value: number } | { readonly undefinedReason: string };

export function isDefined(outcome: FeatureOutcome): outcome is { readonly value: number } {
  return "value" in outcome;
}

/** A defined value, unless the arithmetic produced NaN/±Infinity — then an explicit undefined. */
export function valueOf(value: number, reasonIfNotFinite = "the formula produced a non-finite value"): FeatureOutcome {
  return Number.isFinite(value) ? { value } : { undefinedReason: reasonIfNotFinite };
}

export function undefinedBecause(reason: string): FeatureOutcome {
  return { undefinedReason: reason };
}

/** value = numerator / denominator, or undefined when the denominator is 0. */
export function ratio(numerator: number, denominator: number, reasonIfZero: string): FeatureOutcome {
  return denominator === 0 ? undefinedBecause(reasonIfZero) : valueOf(numerator / denominator);
}

/** Catalogue entry of one feature: what a GraphQL layer lists. */
export interface FeatureDefinition {
  /** Stable key, e.g. "glcm_joint_maximum". */
  readonly key: string;
  /** IBSI name, e.g. "Joint maximum". */
  readonly name: string;
  readonly family: FeatureFamily;
  /** IBSI feature code, e.g. "GYBY". */
  readonly ibsiCode: string;
  /** Unit, e.g. "mm³", "intensity", "" for dimensionless. */
  readonly unit: string;
  /** One line: the IBSI formula or meaning. */
  readonly description: string;
}

/** A feature definition together with the formula evaluated on a family's shared terms. */
export interface FeatureFormula<Terms> extends FeatureDefinition {
  readonly compute: (terms: Terms) => FeatureOutcome;
}

/** One computed feature value. */
export type FeatureResult = {
  /** Definition key plus aggregation suffix, e.g. "glcm_joint_maximum_3d_avg". */
  readonly key: string;
  readonly name: string;
  readonly family: FeatureFamily;
  readonly ibsiCode: string;
  readonly unit: string;
  /** Texture aggregation, or null for whole-ROI families. */
  readonly aggregation: Aggregation | null;
  /** IBSI code of the aggregation method, or null. */
  readonly aggregationCode: string | null;
} & ({ readonly value: number; readonly undefinedReason?: never } | { readonly value?: never; readonly undefinedReason: string });

export function toResult(definition: FeatureDefinition, outcome: FeatureOutcome, aggregation: Aggregation | null = null): FeatureResult {
  const base = {
    key: aggregation ? `${definition.key}_${AGGREGATION_SUFFIX[aggregation]}` : definition.key,
    name: definition.name,
    family: definition.family,
    ibsiCode: definition.ibsiCode,
    unit: definition.unit,
    aggregation,
    aggregationCode: aggregation ? AGGREGATION_CODES[aggregation] : null,
  };
  return isDefined(outcome) ? { ...base, value: outcome.value } : { ...base, undefinedReason: outcome.undefinedReason };
}

/** Evaluates every formula of a family on its shared terms. */
export function evaluateFormulas<Terms>(formulas: readonly FeatureFormula<Terms>[], terms: Terms): FeatureOutcome[] {
  return formulas.map((f) => {
    const outcome = f.compute(terms);
    return isDefined(outcome) ? valueOf(outcome.value) : outcome;
  });
}

/** Every formula undefined for the same reason (e.g. an empty ROI). */
export function allUndefined<Terms>(formulas: readonly FeatureFormula<Terms>[], reason: string): FeatureOutcome[] {
  return formulas.map(() => undefinedBecause(reason));
}
