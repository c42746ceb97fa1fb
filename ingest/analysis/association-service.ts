// Feature ↔ gene / pathway association for a cohort: computes the features that are missing, builds
// the patient × feature and patient × target matrices, runs Spearman with BH q-values (compute/stats),
// and stores an Analysis with its CORRELATES_WITH links and full provenance. The same question twice
// (same cohort, settings, targets and data) is answered from the graph.
import { createHash } from "node:crypto";
import { BadUserInputError, NotFoundError } from "../../compute/errors.js";
import { currentDeadline } from "../../compute/request-deadline.js";
import { matrix, zScorePathwayScores, type Matrix } from "../../compute/stats/index.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import type * as M from "../../graph-model/model/records.js";
import type { FeatureService } from "../features/feature-service.js";
import { settingsKey } from "../features/feature-settings-key.js";
import { ASSOCIATION_METHOD, type AssociationRequest } from "./association-request.js";
import { inlineSpearmanWithQ, type SpearmanWithQRunner } from "./association-runner.js";
import { featureMatrix, firstLesionPerPatient } from "./lesion-feature-matrix.js";
import { MutationAssociationService } from "./mutation-association-service.js";
import { expressionProvenance, valuesOfOneSource } from "./expression-source-choice.js";

interface Targets {
  kind: "Gene" | "Pathway";
  keys: string[];
  values: Matrix;
  /** Data the targets were computed from (provenance and cache key). */
  dataVersion: Record<string, unknown>;
}

const MIN_PATIENTS = 10;

export class AssociationService {
  private readonly mutations: MutationAssociationService;

  constructor(
    private readonly store: GraphStore,
    private readonly features: FeatureService,
    private readonly now: () => Date = () => new Date(),
    /** Spearman + BH; AssociationWorkerPool.runner() runs it over worker threads. */
    private readonly spearmanWithQ: SpearmanWithQRunner = inlineSpearmanWithQ,
  ) {
    this.mutations = new MutationAssociationService(store, features, now);
  }

  async run(input: AssociationRequest): Promise<M.Analysis> {
    const request = await this.withSavedCohort(input);
    if (request.targets === "MUTATIONS") return this.mutations.run(request);
    const minPatients = request.minPatients ?? MIN_PATIENTS;
    const lesions = firstLesionPerPatient(await this.store.lesionsOfPatients(request.cohort));
    if (lesions.length < minPatients)
      throw new BadUserInputError(`the cohort has ${lesions.length} patients with a segmented lesion; the analysis needs at least ${minPatients}`, { patients: lesions.length });
    const patientIds = lesions.map((l) => l.patientId);
    const targets = request.targets === "GENES" ? await this.geneTargets(patientIds, request) : await this.pathwayTargets(patientIds, request);
    const settings = settingsKey(request.settings);
    const id = analysisId(request, settings.hash, patientIds, targets.dataVersion);
    const cached = await this.store.analysisById(id);
    if (cached) return cached;

    const featureLists = await this.features.featuresOfLesions(lesions.map((l) => l.id), request.settings, request.families);
    const { keys: featureKeys, values: featureValues } = featureMatrix(featureLists);
    // The request's deadline (or the client going away) terminates the workers' tasks.
    const signal = currentDeadline()?.signal;
    const { result, bh } = await this.spearmanWithQ(featureValues, targets.values, { minN: minPatients, ...(signal ? { signal } : {}) });
    const { q } = bh;
    const links: M.CorrelationRecord[] = [];
    for (let i = 0; i < featureKeys.length; i++)
      for (let j = 0; j < targets.keys.length; j++) {
        const cell = i * targets.keys.length + j;
        if (result.status[cell] !== 0) continue;
        links.push({ featureKey: featureKeys[i]!, targetKind: targets.kind, targetKey: targets.keys[j]!, analysisId: id, rho: result.rho[cell]!, p: result.p[cell]!, q: q[cell]!, n: result.n[cell]! });
      }
    const analysis: M.AnalysisRecord = {
      id,
      kind: request.targets,
      ...(request.cohortId ? { cohortId: request.cohortId } : {}),
      params: { cohort: request.cohort, settings: settings.canonical, settingsHash: settings.hash, families: request.families ?? "all", targetKeys: targets.keys, minPatients, method: ASSOCIATION_METHOD, patients: patientIds.length, features: featureKeys.length, tests: links.length },
      dataVersion: targets.dataVersion,
      createdAt: this.now().toISOString(),
    };
    await this.store.saveAnalysis(analysis, links);
    return (await this.store.analysisById(id))!;
  }

  /** A saved cohort stands for exactly its members (params.cohort = { cohortIds: [id] }); NOT_FOUND when it does not exist. */
  private async withSavedCohort(request: AssociationRequest): Promise<AssociationRequest> {
    if (request.cohortId === undefined) return request;
    if (Object.values(request.cohort).some((v) => v !== undefined)) throw new BadUserInputError("give either a cohort filter or a saved cohortId, not both");
    if (!(await this.store.cohortsByIds([request.cohortId])).length) throw new NotFoundError("Cohort", request.cohortId);
    return { ...request, cohort: { cohortIds: [request.cohortId] } };
  }

  private async expressionOf(patientIds: string[], genes: string[], request: AssociationRequest): Promise<M.Expression[]> {
    return valuesOfOneSource(await this.store.expressionOf(patientIds, genes, request.expressionSource), request.expressionSource);
  }

  private async geneTargets(patientIds: string[], request: AssociationRequest): Promise<Targets> {
    const symbols = request.targetKeys;
    if (!symbols?.length) throw new BadUserInputError("targets GENES needs the gene symbols to test (targetKeys)");
    const known = new Set((await this.store.genesBySymbols(symbols)).map((g) => g.symbol));
    const unknown = symbols.filter((s) => !known.has(s));
    if (unknown.length) throw new BadUserInputError(`unknown gene symbols: ${unknown.slice(0, 10).join(", ")}`, { unknown });
    const keys = [...new Set(symbols)].sort();
    const expression = await this.expressionOf(patientIds, keys, request);
    return { kind: "Gene", keys, values: expressionMatrix(expression, keys, patientIds), dataVersion: expressionVersion(expression) };
  }

  private async pathwayTargets(patientIds: string[], request: AssociationRequest): Promise<Targets> {
    const ids = request.targetKeys;
    const pathways = await this.store.pathways(ids?.length ? { ids } : {});
    if (ids?.length) {
      const found = new Set(pathways.map((p) => p.id));
      const unknown = ids.filter((id) => !found.has(id));
      if (unknown.length) throw new BadUserInputError(`unknown pathways: ${unknown.slice(0, 10).join(", ")}`, { unknown });
    }
    if (!pathways.length) throw new BadUserInputError("the graph has no pathways; ingest gene sets first");
    const members = await this.store.genesOfPathways(pathways.map((p) => p.id));
    const genes = [...new Set([...members.values()].flat().map((g) => g.symbol))].sort();
    const expression = await this.expressionOf(patientIds, genes, request);
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
