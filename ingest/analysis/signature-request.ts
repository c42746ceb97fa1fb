// What a researcher asks of a signature fit: in this cohort, with these feature settings, which
// multivariable penalised-logistic signature predicts this clinical attribute, validated by nested CV.
import type { FeatureSettings } from "../../compute/features/settings.js";
import type { FeatureFamily } from "../../compute/features/types.js";
import type { PatientFilter } from "../../graph-model/patient-filter.js";
import type { DichotomyRequest } from "./continuous-target.js";

export interface SignatureRequest {
  cohort: PatientFilter;
  /** A saved cohort: the fit runs on exactly its members (instead of `cohort`) and records it. */
  cohortId?: string;
  settings: FeatureSettings;
  families?: FeatureFamily[];
  /** Clinical attribute (Patient field or ingested clinical attribute). */
  target: string;
  /** Class counted as positive; omitted: a binary target's second class (sorted), one-vs-rest (one signature per class) for > 2 classes. */
  positiveClass?: string;
  l1Ratio?: number;
  outerFolds?: number;
  innerFolds?: number;
  repeats?: number;
  seed: number;
  permutations?: number;
  /** Keep the top-k features by Mann–Whitney p, inside each training fold only. */
  preFilterKeep?: number;
  lambdaCount?: number;
  /** Dichotomise a continuous target (numeric attribute, `expression:<SYMBOL>`, `pathway:<id>`) at a stated threshold or the cohort median (continuous-target.ts). */
  dichotomise?: DichotomyRequest;
  /** A Harmonisation whose ComBat-adjusted values replace the raw ones (its settings hash wins; patients it left out are left out). */
  harmonisationId?: string;
}

/** The method, recorded with every signature. */
export const SIGNATURE_METHOD = {
  model: "penalised logistic regression, glmnet objective −(1/n)Σloglik + λ[(1−α)/2‖β‖² + α‖β‖₁], intercept unpenalised, columns standardised (compute/models/logistic)",
  validation: "nested stratified k-fold CV: inner folds choose λ by out-of-fold binomial deviance over a log-spaced λ path, outer folds report; pre-filter, λ path and λ choice inside each training fold only",
  auc: "pooled out-of-fold AUC (mean over repeats); 95% CI by DeLong on repeat 0",
  permutationP: "(b + 1)/(B + 1) over label permutations, each rerunning the whole nested procedure",
  multiClass: "one-vs-rest: one signature per class (class vs every other)",
  missingValues: "a feature undefined for any patient of the fit is left out (listed in params.droppedFeatures); so is a constant feature",
  lesionPerPatient: "the patient's first segmented lesion by lesion id",
  dichotomy: "a continuous target is labelled high (value > threshold) / low at the stated threshold or the median of the cohort's values (params.dichotomy); positive class high",
  coefficients: "final refit on all patients at the λ chosen by CV on all patients, original feature scale",
} as const;
