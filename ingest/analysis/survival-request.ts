// What a researcher asks of a survival analysis: on this cohort, with this endpoint, a Kaplan–Meier
// comparison of groups, a univariate Cox screen of every feature, a cross-validated penalised Cox
// model, or the combined clinical / genomic / radiomic model table.
import type { FeatureSettings } from "../../compute/features/settings.js";
import type { FeatureFamily } from "../../compute/features/types.js";
import type { PatientFilter } from "../../graph-model/patient-filter.js";

export const SURVIVAL_KINDS = ["KAPLAN_MEIER", "UNIVARIATE_COX", "PENALISED_COX", "COMBINED"] as const;
export type SurvivalKind = (typeof SURVIVAL_KINDS)[number];
export const SURVIVAL_ENDPOINTS = ["OVERALL", "PROGRESSION_FREE"] as const;
export type SurvivalEndpoint = (typeof SURVIVAL_ENDPOINTS)[number];
/** Clinical covariates of the combined models' clinical block. */
export const CLINICAL_COVARIATES = ["age", "stage", "sex"] as const;
export type ClinicalCovariate = (typeof CLINICAL_COVARIATES)[number];

export interface SurvivalRequest {
  kind: SurvivalKind;
  endpoint: SurvivalEndpoint;
  cohort: PatientFilter;
  /** A saved cohort: the analysis runs on exactly its members (instead of `cohort`) and records it. */
  cohortId?: string;
  settings: FeatureSettings;
  families?: FeatureFamily[];
  /** A Harmonisation whose ComBat-adjusted values replace the raw ones (its settings hash wins; lesions it left out are left out). */
  harmonisationId?: string;
  /** KAPLAN_MEIER: groups by this clinical attribute … */
  groupBy?: string;
  /** … or by a median split of this feature (name or key): "high" above the median, "low" otherwise. */
  splitFeature?: string;
  /** Cox kinds: only these features (names or keys; default all stored); COMBINED: the radiomic block (required). */
  features?: string[];
  /** COMBINED: genomic block, each gene's stored expression (z-score where stored) as a covariate … */
  genes?: string[];
  /** … or one pathway's score: the mean expression z-score of its member genes. */
  pathway?: string;
  /** COMBINED: clinical block (default age, stage, sex as available). */
  clinical?: ClinicalCovariate[];
  seed: number;
  /** CV folds (default 5). */
  folds?: number;
  /** PENALISED_COX: lifelines l1_ratio (default 0.5); penalizer grid (default 10 values 1 … 1e-3). */
  l1Ratio?: number;
  penalizers?: number[];
  /** COMBINED: bootstrap resamples for the C increments (default 500). */
  bootstrapSamples?: number;
}

/** The method, recorded with every survival analysis. */
export const SURVIVAL_METHOD = {
  endpoint: "OVERALL: Patient.overallSurvivalDays / overallSurvivalEvent; PROGRESSION_FREE: clinical attributes progressionFreeSurvivalDays / progressionFreeSurvivalEvent; patients without both are left out",
  kaplanMeier: "Kaplan–Meier per group, Greenwood SE, exponential-Greenwood 95% CI; k-group log-rank (Mantel–Haenszel) test; a feature split is at its median (high = above)",
  univariateCox: "Cox proportional hazards per feature, Efron ties, Wald 95% CI and p, Benjamini–Hochberg q over the features of the analysis",
  penalisedCox: "elastic-net Cox (lifelines objective, standardised columns); nested stratified-on-event k-fold CV: inner folds choose the penalizer by pooled Harrell C, outer folds report pooled out-of-fold Harrell C and Uno's IPCW C; final refit on all patients at the penalizer chosen by CV on all",
  combined: "nested Cox models (clinical ⊂ +genomic / +radiomic ⊂ all) on the same patients and stratified folds: pooled out-of-fold Harrell C per model, ΔC with a paired percentile bootstrap 95% CI, likelihood-ratio test of the nested full-data fits",
  proportionalHazards: "scaled Schoenfeld residuals vs Kaplan–Meier-transformed time (lifelines proportional_hazard_test, time_transform='km')",
  clinicalCoding: "age = years at diagnosis; stage = I…IV as 1…4 (letters ignored); sex = 1 for male; a covariate missing for any patient or constant is left out (noted)",
  missingValues: "a feature undefined for any patient or constant is left out (listed in params.droppedFeatures)",
  lesionPerPatient: "the patient's first segmented lesion by lesion id",
} as const;
