// Multivariable radiomic signatures of a clinical target: nested cross-validated penalised logistic
// regression over a cohort's stored feature values (compute/models/logistic), stored as a Signature
// linked to its features (coefficient, selection frequency) with folds, λ path, AUC + CI, permutation p
// and provenance. The same question twice (same patients, labels, settings and options) is answered
// from the graph; bad input (unknown attribute, a single class, too few patients) stores nothing.
import { createHash } from "node:crypto";
import { BadUserInputError, NotFoundError } from "../../compute/errors.js";
import { applySignature as applyFit, nestedCrossValidatedLogistic, oneVsRest, type LogisticFit, type NestedCvOptions, type NestedCvResult } from "../../compute/models/logistic/index.js";
import { matrix, type Matrix } from "../../compute/stats/index.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import type * as M from "../../graph-model/model/records.js";
import { settingsKey } from "../features/feature-settings-key.js";
import { clinicalTarget, type ClinicalTarget } from "./clinical-target.js";
import { dichotomisedTarget, type Dichotomy } from "./continuous-target.js";
import { harmonisedFeatureValues } from "./harmonised-feature-values.js";
import { firstLesionPerPatient } from "./lesion-feature-matrix.js";
import { SIGNATURE_METHOD, type SignatureRequest } from "./signature-request.js";

const MIN_PATIENTS = 10;

interface Design {
  patientIds: string[];
  featureKeys: string[];
  /** patients × features. */
  X: Matrix;
  dropped: string[];
  featureDigest: string;
}

/** One class's nested-CV fit as data (SignatureService.classFits). */
export interface ClassFit {
  /** The signature id (`sig-<16 hex>`). */
  id: string;
  positiveClass: string;
  /** patients × features, and the 1/0 labels of the class. */
  X: Matrix;
  y: Uint8Array;
  options: NestedCvOptions;
  stored: M.Signature | null;
  /** Stores the signature of this result; `once`: under a lock, unless it exists (two finishers of a distributed fit). */
  save(result: NestedCvResult, once?: boolean): Promise<M.Signature>;
}

/** Runs the CPU-heavy fit; the default runs inline, a worker-pool runner can be passed instead. */
export type NestedCvRunner = (X: Matrix, y: Uint8Array, options: Parameters<typeof nestedCrossValidatedLogistic>[2]) => Promise<NestedCvResult>;
const inline: NestedCvRunner = async (X, y, options) => nestedCrossValidatedLogistic(X, y, options);

export class SignatureService {
  constructor(
    private readonly store: GraphStore,
    private readonly now: () => Date = () => new Date(),
    private readonly runner: NestedCvRunner = inline,
  ) {}

  /** One signature for a binary target (or the positive class asked for), one per class otherwise. */
  async fit(request: SignatureRequest, onProgress?: (done: number, total: number) => void): Promise<M.Signature[]> {
    const fits = await this.classFits(request);
    const out: M.Signature[] = [];
    for (const [k, one] of fits.entries()) {
      out.push(one.stored ?? (await one.save(await this.runner(one.X, one.y, one.options))));
      onProgress?.(k + 1, fits.length);
    }
    return out;
  }

  /**
   * Each class's fit as data (what a distributed job splits into one task per cross-validation step): its
   * signature id, design, labels and options, the stored signature if there is one, and how a nested-CV
   * result of it is stored (with the same record and provenance as `fit`). Bad input throws.
   */
  async classFits(request: SignatureRequest): Promise<ClassFit[]> {
    const plan = await this.plan(request);
    const out: ClassFit[] = [];
    for (const positive of plan.positives) out.push(await this.classFit(request, plan.design, plan.labels, positive, plan.classes, plan.sources, plan.settings, plan.dichotomy));
    return out;
  }

  /** The classes a fit of this request makes one signature for (what a signature-fit job's items are); bad input throws. */
  async positiveClasses(request: SignatureRequest): Promise<string[]> {
    return (await this.plan(request)).positives;
  }

  /** Checks the request and builds the design; the positive classes, one signature each. */
  private async plan(request: SignatureRequest) {
    const filter = request.cohortId ? { cohortIds: [request.cohortId] } : request.cohort;
    const lesions = firstLesionPerPatient(await this.store.lesionsOfPatients(filter));
    if (!lesions.length) throw new BadUserInputError("the cohort has 0 patients with a segmented lesion", { patients: 0 });
    const patients = await this.store.patientsByIds(lesions.map((l) => l.patientId));
    const target: ClinicalTarget & { dichotomy?: Dichotomy } = request.dichotomise
      ? await dichotomisedTarget(this.store, patients, request.target, request.dichotomise)
      : clinicalTarget(patients, request.target);
    const labelled = lesions.filter((l) => target.labels.has(l.patientId));
    const classes = [...new Set(labelled.map((l) => target.labels.get(l.patientId)!))].sort();
    if (classes.length < 2) throw new BadUserInputError(`target '${request.target}' has a single class in this cohort ('${classes[0] ?? ""}'); a signature needs at least two`, { target: request.target, classes });
    if (request.positiveClass !== undefined && !classes.includes(request.positiveClass))
      throw new BadUserInputError(`class '${request.positiveClass}' of '${request.target}' does not occur in this cohort; classes: ${classes.join(", ")}`, { classes });
    if (labelled.length < MIN_PATIENTS) throw new BadUserInputError(`${labelled.length} patients have a lesion and a '${request.target}' value; a signature needs at least ${MIN_PATIENTS}`, { patients: labelled.length });
    const harmonised = request.harmonisationId ? await harmonisedFeatureValues(this.store, request.harmonisationId, labelled.map((l) => l.id)) : null;
    const settings = harmonised ? { ...settingsKey(request.settings), hash: harmonised.settingsHash } : settingsKey(request.settings);
    const design = await this.design(harmonised ? labelled.filter((l) => harmonised.values.has(l.id)) : labelled, settings.hash, request.families, harmonised?.values);
    const labels = design.patientIds.map((p) => target.labels.get(p)!);
    const positives = request.positiveClass !== undefined ? [request.positiveClass] : target.dichotomy ? ["high"] : classes.length === 2 ? [classes[1]!] : oneVsRest(labels).classes;
    return { design, labels, positives, classes, sources: target.sources, settings, dichotomy: target.dichotomy };
  }

  private async classFit(request: SignatureRequest, design: Design, labels: string[], positive: string, classes: string[], sources: string[], settings: ReturnType<typeof settingsKey>, dichotomy?: Dichotomy): Promise<ClassFit> {
    const y = Uint8Array.from(labels, (l) => (l === positive ? 1 : 0));
    const options = {
      seed: request.seed, l1Ratio: request.l1Ratio ?? 1, outerFolds: request.outerFolds ?? 5, innerFolds: request.innerFolds ?? 5,
      repeats: request.repeats ?? 1, permutations: request.permutations ?? 0, lambdaCount: request.lambdaCount ?? 50,
      ...(request.preFilterKeep ? { preFilter: { keep: request.preFilterKeep } } : {}),
    };
    const targetName = `${request.target}=${positive}`;
    const labelDigest = digest(design.patientIds.map((p, i) => `${p}|${labels[i]}`).join("\n"));
    const id = `sig-${digest(JSON.stringify({ cohortId: request.cohortId ?? null, ...(request.harmonisationId ? { harmonisationId: request.harmonisationId } : {}), targetName, settingsHash: settings.hash, families: [...(request.families ?? [])].sort(), patients: design.patientIds, labelDigest, featureDigest: design.featureDigest, options, ...(dichotomy ? { dichotomy } : {}) }))}`;
    const [cached] = await this.store.signaturesByIds([id]);

    const save = async (result: NestedCvResult, once = false): Promise<M.Signature> => {
      const coefficient = new Float64Array(design.featureKeys.length);
      result.finalFeatures.forEach((column, j) => (coefficient[column] = result.finalModel.coefficients[j]!));
      const createdAt = this.now().toISOString();
      const record: M.SignatureRecord = {
        id,
        target: targetName,
        params: {
          cohort: request.cohort, settings: settings.canonical, settingsHash: settings.hash, families: request.families ?? "all",
          attribute: request.target, positiveClass: positive, classes, options: result.settings, method: SIGNATURE_METHOD,
          patientIds: design.patientIds, outcome: Array.from(y), positives: y.reduce((a, b) => a + b, 0), negatives: y.length - y.reduce((a, b) => a + b, 0),
          features: design.featureKeys.length, droppedFeatures: design.dropped, harmonisation: request.harmonisationId ?? null, ...(dichotomy ? { dichotomy } : {}),
        },
        result: resultJson(result),
        dataVersion: { labelSources: sources, labelDigest, featureDigest: design.featureDigest },
        createdAt,
        ...(request.cohortId ? { cohortId: request.cohortId } : {}),
      };
      const links: M.SignatureFeatureRecord[] = design.featureKeys.map((featureKey, column) => ({
        signatureId: id, featureKey, designColumn: column, coefficient: coefficient[column]!, selectionFrequency: result.selectionFrequency[column]!,
      }));
      if (once) await this.store.saveSignatureOnce(record, links, createdAt);
      else await this.store.saveSignature(record, links);
      return (await this.store.signaturesByIds([id]))[0]!;
    };
    return { id, positiveClass: positive, X: design.X, y, options, stored: cached ?? null, save };
  }

  /** Stored feature values of the patients' lesions, patients × features; incomplete or constant features left out. */
  private async design(lesions: Array<M.Lesion & { patientId: string }>, settingsHash: string, families?: string[], harmonised?: Map<string, M.LesionFeature[]>): Promise<Design> {
    const stored = harmonised ?? (await this.store.featuresOfLesions(lesions.map((l) => l.id), settingsHash));
    const wanted = families ? new Set(families.map((f) => f.toLowerCase())) : null;
    const lists = lesions.map((l) => (stored.get(l.id) ?? []).filter((f) => !wanted || wanted.has((f.feature.family ?? "").toLowerCase())));
    const keys = [...new Set(lists.flat().map((f) => f.feature.key))].sort();
    if (!keys.length) throw new BadUserInputError("no stored feature values for these lesions and settings; run computeFeatures first", { settingsHash });
    const byKey = lists.map((list) => new Map(list.map((f) => [f.feature.key, f.value])));
    const kept: string[] = [];
    const dropped: string[] = [];
    const columns: number[][] = [];
    for (const key of keys) {
      const column = byKey.map((m) => m.get(key) ?? Number.NaN);
      if (column.some((v) => !Number.isFinite(v)) || column.every((v) => v === column[0])) dropped.push(key);
      else (kept.push(key), columns.push(column));
    }
    if (!kept.length) throw new BadUserInputError("every feature is undefined for some patient or constant; nothing to fit", { dropped: dropped.length });
    const n = lesions.length;
    const data = new Float64Array(n * kept.length);
    columns.forEach((column, j) => column.forEach((v, i) => (data[i * kept.length + j] = v)));
    const featureDigest = digest(lesions.map((l, i) => `${l.id}|${kept.map((_, j) => data[i * kept.length + j]).join(",")}`).join("\n"));
    return { patientIds: lesions.map((l) => l.patientId), featureKeys: kept, X: matrix(n, kept.length, data), dropped, featureDigest };
  }

  /** Applies a stored signature to another cohort; with the target known there, reports its AUC and CI (external validation). */
  async apply(signatureId: string, cohort: SignatureRequest["cohort"]): Promise<{ signatureId: string; patients: number; auc: number | null; ci95: [number, number] | null; positives: number; negatives: number }> {
    const [signature] = await this.store.signaturesByIds([signatureId]);
    if (!signature) throw new NotFoundError("Signature", signatureId);
    // Only the features with a non-zero coefficient enter the score, so only they must be present there.
    const features = ((await this.store.signatureFeatures([signatureId])).get(signatureId) ?? []).filter((f) => (f.coefficient ?? 0) !== 0);
    const params = signature.params as { settingsHash: string; attribute: string; positiveClass: string };
    const result = signature.result as { finalModel: { intercept: number; lambda: number; l1Ratio: number } };
    const lesions = firstLesionPerPatient(await this.store.lesionsOfPatients(cohort));
    const stored = await this.store.featuresOfLesions(lesions.map((l) => l.id), params.settingsHash);
    const valuesOf = (lesionId: string) => new Map((stored.get(lesionId) ?? []).map((f) => [f.feature.key, f.value ?? Number.NaN]));
    const complete = lesions.filter((l) => { const m = valuesOf(l.id); return features.every((f) => Number.isFinite(m.get(f.featureKey) ?? Number.NaN)); });
    if (complete.length < 2) throw new BadUserInputError(`${complete.length} patients of the cohort have every feature of signature '${signatureId}'`, { patients: complete.length });
    const data = new Float64Array(complete.length * features.length);
    complete.forEach((l, i) => { const m = valuesOf(l.id); features.forEach((f, j) => (data[i * features.length + j] = m.get(f.featureKey)!)); });
    const patients = await this.store.patientsByIds(complete.map((l) => l.patientId));
    const y = externalLabels(patients, complete.map((l) => l.patientId), params.attribute, params.positiveClass);
    const fit: LogisticFit = {
      intercept: result.finalModel.intercept, coefficients: Float64Array.from(features, (f) => f.coefficient ?? 0), lambda: result.finalModel.lambda, l1Ratio: result.finalModel.l1Ratio,
      iterations: 0, converged: true, featureMeans: new Float64Array(features.length), featureScales: new Float64Array(features.length).fill(1),
    };
    const applied = applyFit(fit, matrix(complete.length, features.length, data), y);
    return { signatureId, patients: complete.length, auc: applied.auc, ci95: applied.ci95, positives: applied.positives, negatives: applied.negatives };
  }
}

/** The other cohort's labels when every patient has one and both classes occur; else none (scores only). */
function externalLabels(patients: M.Patient[], order: string[], attribute: string, positiveClass: string): Uint8Array | undefined {
  let target;
  try {
    target = clinicalTarget(patients, attribute);
  } catch {
    return undefined; // the other cohort lacks the attribute
  }
  if (!order.every((p) => target.labels.has(p))) return undefined;
  const y = Uint8Array.from(order, (p) => (target.labels.get(p) === positiveClass ? 1 : 0));
  return y.includes(1) && y.includes(0) ? y : undefined;
}

function digest(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/** The fit as plain JSON: typed arrays as arrays, every fold with its split, λ and coefficients. */
function resultJson(r: NestedCvResult): Record<string, unknown> {
  const list = (a: ArrayLike<number>) => Array.from(a);
  return {
    auc: r.auc, ci95: r.ci95, ciMethod: r.ciMethod, permutationP: r.permutationP, permutations: r.permutations, repeatAucs: list(r.repeatAucs),
    lambdaPath: list(r.lambdaPath), finalLambda: r.finalLambda, finalFeatures: list(r.finalFeatures),
    finalModel: { intercept: r.finalModel.intercept, lambda: r.finalModel.lambda, l1Ratio: r.finalModel.l1Ratio, converged: r.finalModel.converged, featureMeans: list(r.finalModel.featureMeans), featureScales: list(r.finalModel.featureScales), coefficients: list(r.finalModel.coefficients) },
    outOfFoldScores: list(r.outOfFoldScores),
    folds: r.folds.map((f) => ({ repeat: f.repeat, fold: f.fold, testIndices: list(f.testIndices), chosenLambda: f.chosenLambda, selectedFeatures: list(f.selectedFeatures), intercept: f.intercept, coefficients: list(f.coefficients), converged: f.converged, auc: f.auc })),
  };
}
