// What a feature ↔ gene / pathway association tests, worked out once for both engines: the cohort's first
// lesion per patient, the targets (expression or pathway scores) as a patients' matrix, the analysis id (a
// digest of the question and the data), the features × patients matrix (missing features computed first), and
// how a block of Spearman cells becomes CORRELATES_WITH links and the Analysis record with its provenance.
// The in-process service (association-service.ts) runs all cells at once; the job (association-job.ts) runs
// them in batches of target rows, one task each, and BH once at the end: the same links either way.
import { createHash } from "node:crypto";
import { BadUserInputError, NotFoundError } from "../../compute/errors.js";
import { matrix, zScorePathwayScores, type Matrix, type SpearmanMatrixResult } from "../../compute/stats/index.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import type * as M from "../../graph-model/model/records.js";
import type { FeatureService } from "../features/feature-service.js";
import { settingsKey, type SettingsKey } from "../features/feature-settings-key.js";
import { ASSOCIATION_METHOD, type AssociationRequest } from "./association-request.js";
import { expressionProvenance, valuesOfOneSource } from "./expression-source-choice.js";
import { featureMatrix, firstLesionPerPatient } from "./lesion-feature-matrix.js";

export interface AssociationTargetMatrix {
  kind: "Gene" | "Pathway";
  keys: string[];
  values: Matrix;
  /** Data the targets were computed from (provenance and cache key). */
  dataVersion: Record<string, unknown>;
}

export interface AssociationPlan {
  readonly id: string;
  readonly request: AssociationRequest;
  readonly minPatients: number;
  readonly patientIds: string[];
  readonly settings: SettingsKey;
  readonly targets: AssociationTargetMatrix;
  readonly featureKeys: string[];
  readonly featureValues: Matrix;
}

export const MIN_PATIENTS = 10;

/** A saved cohort stands for exactly its members (params.cohort = { cohortIds: [id] }); NOT_FOUND when it does not exist. */
export async function withSavedCohort(store: GraphStore, request: AssociationRequest): Promise<AssociationRequest> {
  if (request.cohortId === undefined) return request;
  if (Object.values(request.cohort).some((v) => v !== undefined)) throw new BadUserInputError("give either a cohort filter or a saved cohortId, not both");
  if (!(await store.cohortsByIds([request.cohortId])).length) throw new NotFoundError("Cohort", request.cohortId);
  return { ...request, cohort: { cohortIds: [request.cohortId] } };
}

/**
 * The plan of a GENES / PATHWAYS request (saved cohort already resolved), or the stored analysis when the
 * graph answers the same question already (then no feature is computed).
 */
export async function planAssociation(store: GraphStore, features: FeatureService, request: AssociationRequest): Promise<{ plan: AssociationPlan } | { stored: M.Analysis }> {
  if (request.targets === "MUTATIONS") throw new BadUserInputError("targets MUTATIONS is a Mann–Whitney analysis: run it with runAssociation");
  const minPatients = request.minPatients ?? MIN_PATIENTS;
  const lesions = firstLesionPerPatient(await store.lesionsOfPatients(request.cohort));
  if (lesions.length < minPatients)
    throw new BadUserInputError(`the cohort has ${lesions.length} patients with a segmented lesion; the analysis needs at least ${minPatients}`, { patients: lesions.length });
  const patientIds = lesions.map((l) => l.patientId);
  const targets = request.targets === "GENES" ? await geneTargets(store, patientIds, request) : await pathwayTargets(store, patientIds, request);
  const settings = settingsKey(request.settings);
  const id = analysisId(request, settings.hash, patientIds, targets.dataVersion);
  const stored = await store.analysisById(id);
  if (stored) return { stored };
  const featureLists = await features.featuresOfLesions(lesions.map((l) => l.id), request.settings, request.families);
  const { keys: featureKeys, values: featureValues } = featureMatrix(featureLists);
  return { plan: { id, request, minPatients, patientIds, settings, targets, featureKeys, featureValues } };
}

/** Target rows [from, to) of the targets matrix (a batch of tests: every feature × these targets). */
export function targetRows(targets: Matrix, from: number, to: number): Matrix {
  return matrix(to - from, targets.cols, targets.data.subarray(from * targets.cols, to * targets.cols));
}

/**
 * The defined cells of a Spearman result over every feature × target rows [from, to) as links; `q` is the
 * BH q of each cell (same layout), or null while the analysis's other batches are still running.
 */
export function linksOfCells(plan: AssociationPlan, result: SpearmanMatrixResult, q: ArrayLike<number> | null, from: number, to: number): M.CorrelationRecord[] {
  const width = to - from;
  const links: M.CorrelationRecord[] = [];
  for (let i = 0; i < plan.featureKeys.length; i++)
    for (let j = 0; j < width; j++) {
      const cell = i * width + j;
      if (result.status[cell] !== 0) continue;
      links.push({ featureKey: plan.featureKeys[i]!, targetKind: plan.targets.kind, targetKey: plan.targets.keys[from + j]!, analysisId: plan.id, rho: result.rho[cell]!, p: result.p[cell]!, q: q === null ? null : q[cell]!, n: result.n[cell]! });
    }
  return links;
}

/** The Analysis node: the question, the method and the data it read (provenance), with its count of defined tests. */
export function analysisRecordOf(plan: AssociationPlan, tests: number, createdAt: string): M.AnalysisRecord {
  const { request, settings } = plan;
  return {
    id: plan.id,
    kind: request.targets,
    ...(request.cohortId ? { cohortId: request.cohortId } : {}),
    params: { cohort: request.cohort, settings: settings.canonical, settingsHash: settings.hash, families: request.families ?? "all", targetKeys: plan.targets.keys, minPatients: plan.minPatients, method: ASSOCIATION_METHOD, patients: plan.patientIds.length, features: plan.featureKeys.length, tests },
    dataVersion: plan.targets.dataVersion,
    createdAt,
  };
}

async function expressionOf(store: GraphStore, patientIds: string[], genes: string[], request: AssociationRequest): Promise<M.Expression[]> {
  return valuesOfOneSource(await store.expressionOf(patientIds, genes, request.expressionSource), request.expressionSource);
}

async function geneTargets(store: GraphStore, patientIds: string[], request: AssociationRequest): Promise<AssociationTargetMatrix> {
  const symbols = request.targetKeys;
  if (!symbols?.length) throw new BadUserInputError("targets GENES needs the gene symbols to test (targetKeys)");
  const known = new Set((await store.genesBySymbols(symbols)).map((g) => g.symbol));
  const unknown = symbols.filter((s) => !known.has(s));
  if (unknown.length) throw new BadUserInputError(`unknown gene symbols: ${unknown.slice(0, 10).join(", ")}`, { unknown });
  const keys = [...new Set(symbols)].sort();
  const expression = await expressionOf(store, patientIds, keys, request);
  return { kind: "Gene", keys, values: expressionMatrix(expression, keys, patientIds), dataVersion: expressionVersion(expression) };
}

async function pathwayTargets(store: GraphStore, patientIds: string[], request: AssociationRequest): Promise<AssociationTargetMatrix> {
  const ids = request.targetKeys;
  const pathways = await store.pathways(ids?.length ? { ids } : {});
  if (ids?.length) {
    const found = new Set(pathways.map((p) => p.id));
    const unknown = ids.filter((id) => !found.has(id));
    if (unknown.length) throw new BadUserInputError(`unknown pathways: ${unknown.slice(0, 10).join(", ")}`, { unknown });
  }
  if (!pathways.length) throw new BadUserInputError("the graph has no pathways; ingest gene sets first");
  const members = await store.genesOfPathways(pathways.map((p) => p.id));
  const genes = [...new Set([...members.values()].flat().map((g) => g.symbol))].sort();
  const expression = await expressionOf(store, patientIds, genes, request);
  const row = new Map(genes.map((g, i) => [g, i]));
  const sets = pathways.map((p) => (members.get(p.id) ?? []).map((g) => row.get(g.symbol)!));
  const scores = zScorePathwayScores(expressionMatrix(expression, genes, patientIds), sets).scores;
  return {
    kind: "Pathway",
    keys: pathways.map((p) => p.id),
    values: scores,
    dataVersion: { ...expressionVersion(expression), pathways: pathways.map((p) => `${p.id}@${p.dataRelease ?? "?"}`) },
  };
}

function expressionMatrix(expression: M.Expression[], genes: string[], patientIds: string[]): Matrix {
  const row = new Map(genes.map((g, i) => [g, i]));
  const col = new Map(patientIds.map((p, i) => [p, i]));
  const data = new Float64Array(genes.length * patientIds.length).fill(Number.NaN);
  for (const e of expression) if (e.value !== null) data[row.get(e.geneSymbol)! * patientIds.length + col.get(e.patientId)!] = e.value;
  return matrix(genes.length, patientIds.length, data);
}

function expressionVersion(expression: M.Expression[]): Record<string, unknown> {
  const digest = createHash("sha256");
  for (const e of expression) digest.update(`${e.patientId}|${e.geneSymbol}|${e.value}|${e.source}|${e.dataRelease}\n`);
  return expressionProvenance(expression, digest.digest("hex").slice(0, 16));
}

function analysisId(request: AssociationRequest, settingsHash: string, patientIds: string[], dataVersion: Record<string, unknown>): string {
  const text = JSON.stringify({ ...(request.cohortId ? { cohortId: request.cohortId } : {}), targets: request.targets, keys: request.targetKeys ?? null, families: [...(request.families ?? [])].sort(), settingsHash, patientIds, dataVersion, minPatients: request.minPatients ?? MIN_PATIENTS });
  return `assoc-${createHash("sha256").update(text).digest("hex").slice(0, 16)}`;
}
