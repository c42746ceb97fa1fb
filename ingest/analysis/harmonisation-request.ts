// What a researcher asks of a harmonisation: in this cohort, with these feature settings, remove the
// batch effect of this acquisition parameter by ComBat while preserving these clinical covariates.
import type { FeatureSettings } from "../../compute/features/settings.js";
import type { FeatureFamily } from "../../compute/features/types.js";
import type { PatientFilter } from "../../graph-model/patient-filter.js";

export const BATCH_BY = ["MANUFACTURER", "MANUFACTURER_MODEL", "CONVOLUTION_KERNEL", "SLICE_THICKNESS_BINS", "COLLECTION"] as const;
export type BatchBy = (typeof BATCH_BY)[number];

export interface BatchDefinition {
  by: BatchBy;
  /** SLICE_THICKNESS_BINS only: ascending edges (mm); bin k is [edge k−1, edge k), the outer bins open-ended. */
  binEdges?: number[];
}

export interface PreservedCovariate {
  /** Clinical attribute (Patient field or ingested clinical attribute), e.g. SUBTYPE, ageAtDiagnosisYears. */
  name: string;
  kind: "CATEGORICAL" | "NUMERIC";
}

export interface HarmonisationRequest {
  name: string;
  cohort: PatientFilter;
  /** A saved cohort: the fit runs on exactly its members (instead of `cohort`) and records it. */
  cohortId?: string;
  settings: FeatureSettings;
  families?: FeatureFamily[];
  batch: BatchDefinition;
  covariates?: PreservedCovariate[];
  /** Parametric empirical Bayes (default true); false = non-parametric. */
  parametric?: boolean;
  meanOnly?: boolean;
  /** Leave out patients without a batch value (or covariate value) instead of refusing. */
  dropIncomplete?: boolean;
}

/** The method, recorded with every harmonisation (no seed: ComBat is deterministic). */
export const HARMONISATION_METHOD = {
  model: "ComBat (Johnson, Li & Rabinovic 2007) as neuroCombat 0.2.12 computes it: per feature y = α + Xβ + γ_batch + δ_batch·ε; location/scale batch effects estimated on standardised data and shrunk by empirical Bayes",
  parametric: "normal prior on γ, inverse-gamma prior on δ² (iterated to 1e-4)",
  nonParametric: "Monte-Carlo-free integration over the other features' γ̂, δ̂ (neuroCombat's int_eprior), in log space",
  meanOnly: "δ* = 1: only the location is adjusted",
  covariates: "categorical covariates one-hot (first sorted level dropped), numeric entered linearly; their effect is kept",
  diagnostics: "Kruskal–Wallis (tie-corrected, as scipy.stats.kruskal) of each feature across batches, before and after",
  lesionPerPatient: "the patient's first segmented lesion by lesion id",
  missingValues: "a feature undefined for any patient or constant is left out (params.droppedFeatures)",
} as const;
