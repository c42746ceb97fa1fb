// What a researcher asks: in this cohort, which features (with these settings) track which targets.
import type { FeatureSettings } from "../../compute/features/settings.js";
import type { FeatureFamily } from "../../compute/features/types.js";
import type { PatientFilter } from "../../graph-model/patient-filter.js";

export type AssociationTargets = "PATHWAYS" | "GENES" | "MUTATIONS";

export interface AssociationRequest {
  cohort: PatientFilter;
  /** A saved cohort: the analysis runs on exactly its members (instead of `cohort`) and records it. */
  cohortId?: string;
  settings: FeatureSettings;
  families?: FeatureFamily[];
  targets: AssociationTargets;
  /** Genes to test (GENES; MUTATIONS, default: every gene mutated often enough); pathways to score (PATHWAYS, default: all in the graph). */
  targetKeys?: string[];
  /** Fewest patients with both values for a test to count (default 10). */
  minPatients?: number;
  /** MUTATIONS: fewest patients in the mutated and in the wild-type group (default 5). */
  minGroupSize?: number;
  /** Expression source to read (GDC, cBioPortal, …); needed when the graph holds several. */
  expressionSource?: string;
}

/** The method the platform uses, recorded with every analysis. */
export const ASSOCIATION_METHOD = {
  correlation: "Spearman rank correlation, two-sided p by the t approximation (n − 2 df), pairwise-complete",
  multipleTesting: "Benjamini–Hochberg over every defined test of the analysis",
  pathwayScore: "mean z-score of member genes' log2(TPM+1) across the cohort's patients",
  lesionPerPatient: "the patient's first segmented lesion by lesion id",
} as const;
