// Relationship types: their endpoints, properties and, where two nodes may be linked more than once,
// the property that tells the links apart (part of the natural key of the relationship).
import { prop, type PropertySpecs } from "./properties.js";
import * as N from "./nodes.js";

export interface RelationshipSpec<P extends PropertySpecs = PropertySpecs> {
  readonly type: string;
  readonly endpoints: ReadonlyArray<readonly [N.NodeSpec, N.NodeSpec]>;
  readonly properties: P;
  /** Properties that, with the endpoints, identify one relationship (empty: one per node pair). */
  readonly key: ReadonlyArray<string>;
}

function rel<P extends PropertySpecs>(
  type: string,
  endpoints: ReadonlyArray<readonly [N.NodeSpec, N.NodeSpec]>,
  properties: P,
  key: ReadonlyArray<keyof P & string> = [],
): RelationshipSpec<P> {
  return { type, endpoints, properties, key };
}

const association = {
  p: prop.float("Two-sided p-value"),
  q: prop.float("Benjamini–Hochberg q-value within the analysis"),
  n: prop.int("Patients that entered the test"),
  analysisId: prop.string("The Analysis that produced this link"),
} as const;

export const IN_COLLECTION = rel("IN_COLLECTION", [[N.Patient, N.Collection]], {});
export const HAS_STUDY = rel("HAS_STUDY", [[N.Patient, N.Study]], {});
export const HAS_SERIES = rel("HAS_SERIES", [[N.Study, N.Series]], {});
export const HAS_LESION = rel("HAS_LESION", [[N.Series, N.Lesion]], {});
export const HAS_FEATURE = rel("HAS_FEATURE", [[N.Lesion, N.Feature]], {
  value: prop.float("Feature value in the feature's unit; null when undefined for this lesion"),
  undefinedReason: prop.string("Why the feature is undefined for this lesion (empty ROI, one grey level, …)"),
  computedAt: prop.string("ISO-8601 time of computation"),
  imageSource: prop.string("Where the lesion's pixels and mask came from (archive, release, segmentation)"),
});
export const HAS_MUTATION = rel(
  "HAS_MUTATION",
  [[N.Patient, N.Gene]],
  {
    proteinChange: prop.string("HGVS protein change, e.g. p.L858R"),
    consequence: prop.string("Variant consequence, e.g. missense_variant"),
    vaf: prop.float("Variant allele fraction"),
    sampleId: prop.string("Tumour sample barcode"),
    source: prop.string("GDC or cBioPortal"),
  },
  ["proteinChange"],
);
// One value per (patient, gene, source): GDC and cBioPortal values of the same tumour are kept side by
// side, each with its release and file/profile; readers (the correlation engine) choose one source.
export const EXPRESSES = rel(
  "EXPRESSES",
  [[N.Patient, N.Gene]],
  {
    value: prop.float("log2(TPM + 1)"),
    tpm: prop.float("Transcripts per million"),
    z: prop.float("z-score of value across the cohort"),
    source: prop.string("Where the value came from: GDC, cBioPortal, demo, …"),
    dataRelease: prop.string("Release of the source, e.g. GDC 'Data Release 42.0' or a cBioPortal study's import date"),
    sourceFile: prop.string("GDC STAR-Counts file id, or cBioPortal molecular profile id"),
  },
  ["source"],
);
export const IN_PATHWAY = rel("IN_PATHWAY", [[N.Gene, N.Pathway]], {});
export const PATHWAY_SCORE = rel(
  "PATHWAY_SCORE",
  [[N.Patient, N.Pathway]],
  { value: prop.float("Single-sample pathway score"), method: prop.string("Scoring method") },
  ["method"],
);
export const CORRELATES_WITH = rel(
  "CORRELATES_WITH",
  [[N.Feature, N.Gene], [N.Feature, N.Pathway]],
  { rho: prop.float("Spearman correlation"), ...association },
  ["analysisId"],
);
export const PREDICTS = rel(
  "PREDICTS",
  [[N.Feature, N.Gene]],
  {
    auc: prop.float("AUC of the feature for mutated vs wild type: P(mutated ranks above wild type)"),
    u: prop.float("Mann–Whitney U of the mutated group"),
    nMutated: prop.int("Profiled patients with a mutation call in the gene that entered the test"),
    nWildType: prop.int("Profiled patients without one that entered the test"),
    ...association,
  },
  ["analysisId"],
);
export const INCLUDES = rel("INCLUDES", [[N.Cohort, N.Patient]], {});
export const ON_COHORT = rel("ON_COHORT", [[N.Analysis, N.Cohort]], {});

export const USES_FEATURE = rel("USES_FEATURE", [[N.Signature, N.Feature]], {
  coefficient: prop.float("Coefficient of the final refit on the feature's original scale (0 when not selected)"),
  selectionFrequency: prop.float("Share of outer folds whose fit gave the feature a non-zero coefficient"),
  designColumn: prop.int("Column of the feature in the signature's design (applySignature order)"),
});
export const SIGNATURE_ON_COHORT = rel("SIGNATURE_ON_COHORT", [[N.Signature, N.Cohort]], {});

export const HARMONISATION_ON_COHORT = rel("HARMONISATION_ON_COHORT", [[N.Harmonisation, N.Cohort]], {});
export const SURVIVAL_USES_FEATURE = rel("SURVIVAL_USES_FEATURE", [[N.SurvivalAnalysis, N.Feature]], {
  rank: prop.int("Order of the feature in the analysis' report (univariate: by p; penalised: by |coefficient|)"),
  designColumn: prop.int("Column of the feature in the analysis' design"),
  coefficient: prop.float("Cox coefficient (log hazard ratio per unit of the feature, original scale)"),
  standardError: prop.float("SE of the coefficient (univariate Cox)"),
  hazardRatio: prop.float("exp(coefficient)"),
  hrLower: prop.float("Lower bound of the 95% CI of the hazard ratio (univariate Cox)"),
  hrUpper: prop.float("Upper bound of the 95% CI of the hazard ratio (univariate Cox)"),
  p: prop.float("Wald p (univariate Cox)"),
  q: prop.float("Benjamini–Hochberg q over the analysis (univariate Cox)"),
  concordance: prop.float("Harrell's C of the feature alone (univariate Cox)"),
  phP: prop.float("Proportional-hazards (scaled Schoenfeld, KM time) test p of the feature"),
});
export const SURVIVAL_ON_COHORT = rel("SURVIVAL_ON_COHORT", [[N.SurvivalAnalysis, N.Cohort]], {});

export const RELATIONSHIPS = [
  IN_COLLECTION, HAS_STUDY, HAS_SERIES, HAS_LESION, HAS_FEATURE, HAS_MUTATION, EXPRESSES,
  IN_PATHWAY, PATHWAY_SCORE, CORRELATES_WITH, PREDICTS, INCLUDES, ON_COHORT, USES_FEATURE, SIGNATURE_ON_COHORT,
  HARMONISATION_ON_COHORT,
  SURVIVAL_USES_FEATURE, SURVIVAL_ON_COHORT,
] as const;
