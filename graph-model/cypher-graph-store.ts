// GraphStore implemented once over Cypher; the adapters differ only in their CypherExecutor.
import { BadUserInputError } from "../compute/errors.js";
import * as N from "./model/nodes.js";
import * as R from "./model/relationships.js";
import type * as M from "./model/records.js";
import type { NodeSpec } from "./nodes-and-relationships.js";
import type { CypherExecutor, Transaction } from "./cypher-executor.js";
import type { GraphCounts, GraphStore, Linkage, LinkQuery, PathwayQuery, PathwayWriteSummary, PredictionQuery, SignatureQuery, SurvivalAnalysisQuery, WriteSummary, LesionAcquisition } from "./graph-store.js";
import type { Page, PageRequest, PatientFilter } from "./patient-filter.js";
import * as nodeCypher from "./cypher/node.cypher.js";
import * as patientCypher from "./cypher/patient-filter.cypher.js";
import * as linkCypher from "./cypher/link.cypher.js";
import * as relCypher from "./cypher/relationship.cypher.js";
import type { Row } from "./cypher/query.js";
import { validateRecords } from "./validate-record.js";
import { decodeCursor, encodeCursor } from "./cursor.js";
import { CypherCohortStore } from "./cypher-cohort-store.js";
import * as cohortCypher from "./cypher/cohort.cypher.js";
import { checkPatientFilter, genesOfFilter } from "./patient-filter-criteria.js";
import * as predictions from "./prediction-store.js";
import * as correlations from "./correlation-store.js";
import * as signatureStore from "./signature-store.js";
import * as harmonisationStore from "./harmonisation-store.js";
import * as survivalStore from "./survival-store.js";
import * as stepResultStore from "./step-result-store.js";
import * as expression from "./expression-store.js";
import { chunks, compareKeys, decodeNode, decodeRelationship, groupBy, requireExisting, WRITE_BATCH } from "./store-helpers.js";

const MUTATIONS: relCypher.RelationshipRows = { relationship: R.HAS_MUTATION, from: N.Patient, to: N.Gene, createMissingTarget: true };
const LESION_FEATURES: relCypher.RelationshipRows = { relationship: R.HAS_FEATURE, from: N.Lesion, to: N.Feature };

const LINKS = {
  patientCollection: { parent: N.Collection, relationship: R.IN_COLLECTION.type, field: "collectionId", childToParent: true },
  studyPatient: { parent: N.Patient, relationship: R.HAS_STUDY.type, field: "patientId" },
  seriesStudy: { parent: N.Study, relationship: R.HAS_SERIES.type, field: "studyUid" },
  lesionSeries: { parent: N.Series, relationship: R.HAS_LESION.type, field: "seriesUid" },
} satisfies Record<string, nodeCypher.ParentLink>;

export class CypherGraphStore implements GraphStore {
  readonly kind: "embedded" | "neo4j";
  readonly location: string;
  readonly staleFilesRemoved: readonly string[];
  private readonly cohortStore: CypherCohortStore;

  constructor(private readonly executor: CypherExecutor) {
    this.kind = executor.kind;
    this.location = executor.location;
    this.staleFilesRemoved = executor.staleFilesRemoved ?? [];
    this.cohortStore = new CypherCohortStore(executor);
  }

  // ---- writes --------------------------------------------------------------------------------

  upsertCollections(records: readonly M.CollectionRecord[]): Promise<WriteSummary> {
    return this.upsertNodes(N.Collection, records);
  }

  upsertPatients(records: readonly M.PatientRecord[]): Promise<WriteSummary> {
    return this.upsertNodes(N.Patient, records, LINKS.patientCollection);
  }

  upsertStudies(records: readonly M.StudyRecord[]): Promise<WriteSummary> {
    return this.upsertNodes(N.Study, records, LINKS.studyPatient);
  }

  upsertSeries(records: readonly M.SeriesRecord[]): Promise<WriteSummary> {
    return this.upsertNodes(N.Series, records, LINKS.seriesStudy);
  }

  upsertLesions(records: readonly M.LesionRecord[]): Promise<WriteSummary> {
    return this.upsertNodes(N.Lesion, records, LINKS.lesionSeries);
  }

  upsertGenes(records: readonly M.GeneRecord[]): Promise<WriteSummary> {
    return this.upsertNodes(N.Gene, records);
  }

  async upsertPathways(records: readonly M.PathwayRecord[]): Promise<PathwayWriteSummary> {
    validateRecords(N.Pathway, records);
    const memberships = records.flatMap((pathway) => {
      if (!Array.isArray(pathway.geneSymbols)) throw new BadUserInputError(`Pathway '${pathway.id}' has no geneSymbols list`);
      return [...new Set(pathway.geneSymbols)].map((symbol) => ({ pathway: pathway.id, symbol }));
    });
    const d = this.executor.dialect;
    return this.executor.write(async (tx) => {
      for (const batch of chunks(records, WRITE_BATCH))
        await tx.run(nodeCypher.upsertNodes(N.Pathway, d, nodeCypher.encodeRows(N.Pathway, d, batch)));
      const symbols = [...new Set(memberships.map((m) => m.symbol))];
      const known = new Set<string>();
      for (const batch of chunks(symbols, WRITE_BATCH)) for (const row of await tx.run(linkCypher.knownGeneSymbols(batch))) known.add(String(row.symbol));
      await tx.run(linkCypher.clearPathwayMembers(records.map((r) => r.id)));
      for (const batch of chunks(memberships.filter((m) => known.has(m.symbol)), WRITE_BATCH)) await tx.run(linkCypher.addPathwayMembers(batch));
      return { written: records.length, unknownGeneSymbols: symbols.filter((s) => !known.has(s)).sort() };
    });
  }

  async upsertMutations(records: readonly M.MutationRecord[]): Promise<WriteSummary> {
    const rows = records.map((r, index) => {
      for (const field of ["patientId", "geneSymbol", "proteinChange"] as const)
        if (typeof r[field] !== "string" || r[field] === "") throw new BadUserInputError(`mutation #${index} has no ${field}`);
      if (r.vaf !== undefined && r.vaf !== null && !(Number.isFinite(r.vaf) && r.vaf >= 0 && r.vaf <= 1))
        throw new BadUserInputError(`mutation ${r.geneSymbol} ${r.proteinChange} of ${r.patientId}: vaf must be a fraction in [0, 1]`);
      const { patientId, geneSymbol, ...properties } = r;
      return { from: patientId, to: geneSymbol, properties };
    });
    return this.upsertRelationshipRows(MUTATIONS, rows, "patient");
  }

  async saveLesionFeatures(records: readonly M.LesionFeatureRecord[]): Promise<WriteSummary> {
    // Sorted by feature key: concurrent lesions lock the shared Feature nodes in one order, so Neo4j
    // serialises them instead of detecting deadlocks.
    const features = [...new Map(records.map((r) => [r.feature.key, r.feature])).values()].sort((a, b) => compareKeys(a.key, b.key));
    validateRecords(N.Feature, features);
    const rows = records.map((r) => {
      const defined = typeof r.value === "number" && Number.isFinite(r.value);
      if (!defined && !r.undefinedReason)
        throw new BadUserInputError(`feature ${r.feature.key} of lesion ${r.lesionId} has neither a finite value nor an undefinedReason`);
      return {
        from: r.lesionId,
        to: r.feature.key,
        properties: { value: defined ? r.value : null, undefinedReason: defined ? null : r.undefinedReason, computedAt: r.computedAt ?? null, imageSource: r.imageSource ?? null },
      };
    });
    rows.sort((a, b) => compareKeys(a.to, b.to) || compareKeys(a.from, b.from));
    await this.requireExisting(N.Lesion, [...new Set(rows.map((r) => r.from))], "lesion");
    const d = this.executor.dialect;
    return this.executor.write(async (tx) => {
      for (const batch of chunks(features, WRITE_BATCH)) await tx.run(nodeCypher.upsertNodes(N.Feature, d, nodeCypher.encodeRows(N.Feature, d, batch)));
      for (const batch of chunks(rows, WRITE_BATCH))
        await tx.run(relCypher.upsertRelationships(LESION_FEATURES, d, relCypher.encodeRelationshipRows(LESION_FEATURES, d, batch)));
      return { written: rows.length };
    });
  }

  saveAnalysis(analysis: M.AnalysisRecord, links: readonly M.CorrelationRecord[]): Promise<WriteSummary> {
    return correlations.saveAnalysis(this.executor, analysis, links);
  }

  saveAnalysisOnce(analysis: M.AnalysisRecord, links: readonly M.CorrelationRecord[], now: string): Promise<boolean> {
    return correlations.saveAnalysisOnce(this.executor, analysis, links, now);
  }

  saveCorrelationStep(markerId: string, links: readonly M.CorrelationRecord[], now: string): Promise<boolean> {
    return correlations.saveCorrelationStep(this.executor, markerId, links, now);
  }

  completeStepMarkers(prefix: string): Promise<number> {
    return correlations.completeStepMarkers(this.executor, prefix);
  }

  saveStepResult(markerId: string, result: unknown, now: string): Promise<boolean> {
    return stepResultStore.saveStepResult(this.executor, markerId, result, now);
  }

  stepResults(prefix: string): Promise<Map<string, unknown>> {
    return stepResultStore.stepResults(this.executor, prefix);
  }

  analysisById(id: string): Promise<M.Analysis | null> {
    return correlations.analysisById(this.executor, id);
  }

  correlationLinks(query: LinkQuery): Promise<M.CorrelationLink[]> {
    return correlations.correlationLinks(this.executor, query);
  }

  correlationLinkCount(query: Omit<LinkQuery, "first">): Promise<number> {
    return correlations.correlationLinkCount(this.executor, query);
  }

  savePredictionAnalysis(analysis: M.AnalysisRecord, links: readonly M.PredictionRecord[]): Promise<WriteSummary> {
    return predictions.savePredictionAnalysis(this.executor, analysis, links);
  }

  predictionLinks(query: PredictionQuery): Promise<M.PredictionLink[]> {
    return predictions.predictionLinks(this.executor, query);
  }

  saveSignature(signature: M.SignatureRecord, features: readonly M.SignatureFeatureRecord[]): Promise<WriteSummary> {
    return signatureStore.saveSignature(this.executor, signature, features);
  }

  saveSignatureOnce(signature: M.SignatureRecord, features: readonly M.SignatureFeatureRecord[], now: string): Promise<boolean> {
    return signatureStore.saveSignatureOnce(this.executor, signature, features, now);
  }

  signaturesByIds(ids: readonly string[]): Promise<M.Signature[]> {
    return signatureStore.signaturesByIds(this.executor, ids);
  }

  signatures(query: SignatureQuery): Promise<M.Signature[]> {
    return signatureStore.signatures(this.executor, query);
  }

  signatureFeatures(signatureIds: readonly string[]): Promise<Map<string, M.SignatureFeature[]>> {
    return signatureStore.signatureFeatures(this.executor, signatureIds);
  }

  saveHarmonisation(harmonisation: M.HarmonisationRecord): Promise<WriteSummary> {
    return harmonisationStore.saveHarmonisation(this.executor, harmonisation);
  }

  harmonisationsByIds(ids: readonly string[]): Promise<M.Harmonisation[]> {
    return harmonisationStore.harmonisationsByIds(this.executor, ids);
  }

  harmonisations(query: { skip: number; first: number }): Promise<M.Harmonisation[]> {
    return harmonisationStore.harmonisations(this.executor, query);
  }

  acquisitionsOfLesions(lesionIds: readonly string[]): Promise<Map<string, LesionAcquisition>> {
    return harmonisationStore.acquisitionsOfLesions(this.executor, lesionIds);
  }

  saveSurvivalAnalysis(analysis: M.SurvivalAnalysisRecord, features: readonly M.SurvivalFeatureRecord[]): Promise<WriteSummary> {
    return survivalStore.saveSurvivalAnalysis(this.executor, analysis, features);
  }

  saveSurvivalAnalysisOnce(analysis: M.SurvivalAnalysisRecord, features: readonly M.SurvivalFeatureRecord[], now: string): Promise<boolean> {
    return survivalStore.saveSurvivalAnalysisOnce(this.executor, analysis, features, now);
  }

  survivalAnalysesByIds(ids: readonly string[]): Promise<M.SurvivalAnalysis[]> {
    return survivalStore.survivalAnalysesByIds(this.executor, ids);
  }

  survivalAnalyses(query: SurvivalAnalysisQuery): Promise<M.SurvivalAnalysis[]> {
    return survivalStore.survivalAnalyses(this.executor, query);
  }

  survivalFeatures(analysisId: string, page: { skip: number; first: number }): Promise<M.SurvivalFeature[]> {
    return survivalStore.survivalFeatures(this.executor, analysisId, page);
  }

  private async upsertRelationshipRows(target: relCypher.RelationshipRows, rows: Array<{ from: string; to: string; properties: Record<string, unknown> }>, noun: string): Promise<WriteSummary> {
    if (!rows.length) return { written: 0 };
    await this.requireExisting(target.from, [...new Set(rows.map((r) => r.from))], noun);
    const d = this.executor.dialect;
    return this.executor.write(async (tx) => {
      for (const batch of chunks(rows, WRITE_BATCH)) await tx.run(relCypher.upsertRelationships(target, d, relCypher.encodeRelationshipRows(target, d, batch)));
      return { written: rows.length };
    });
  }

  replaceExpression(records: readonly M.ExpressionRecord[]): Promise<WriteSummary> {
    return expression.replaceExpression(this.executor, records);
  }

  private async upsertNodes(spec: NodeSpec, records: ReadonlyArray<object>, link?: nodeCypher.ParentLink): Promise<WriteSummary> {
    const plain = records as ReadonlyArray<Record<string, unknown>>;
    validateRecords(spec, plain, link ? [link.field] : []);
    if (!plain.length) return { written: 0 };
    const d = this.executor.dialect;
    return this.executor.write(async (tx) => {
      if (link) await this.requireParents(tx, link, plain);
      for (const batch of chunks(plain, WRITE_BATCH))
        await tx.run(nodeCypher.upsertNodes(spec, d, nodeCypher.encodeRows(spec, d, batch, link ? [link.field] : []), link));
      return { written: plain.length };
    });
  }

  private async requireParents(tx: Transaction, link: nodeCypher.ParentLink, records: ReadonlyArray<Record<string, unknown>>) {
    const wanted = [...new Set(records.map((r) => r[link.field] as string))];
    const found = new Set((await tx.run(nodeCypher.existingKeys(link.parent, wanted))).map((row) => row.key as string));
    const missing = wanted.filter((key) => !found.has(key));
    if (missing.length)
      throw new BadUserInputError(`unknown ${link.parent.label} ${link.field === "collectionId" ? "id" : link.parent.key}: ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ` and ${missing.length - 5} more` : ""}`, {
        label: link.parent.label,
        missing: missing.slice(0, 100),
      });
  }

  private requireExisting(spec: NodeSpec, keys: string[], noun: string): Promise<void> {
    return requireExisting(this.executor, spec, keys, noun);
  }

  // ---- reads ---------------------------------------------------------------------------------

  async collections(): Promise<M.Collection[]> {
    return this.decodeAll<M.Collection>(N.Collection, await this.executor.read(nodeCypher.allNodes(N.Collection)));
  }

  collectionsByIds(ids: readonly string[]): Promise<M.Collection[]> {
    return this.byKeys(N.Collection, ids);
  }

  patientsByIds(ids: readonly string[]): Promise<M.Patient[]> {
    return this.byKeys(N.Patient, ids);
  }

  genesBySymbols(symbols: readonly string[]): Promise<M.Gene[]> {
    return this.byKeys(N.Gene, symbols);
  }

  async allGenes(): Promise<M.Gene[]> {
    return this.decodeAll<M.Gene>(N.Gene, await this.executor.read(nodeCypher.allNodes(N.Gene)));
  }

  lesionsByIds(ids: readonly string[]): Promise<M.Lesion[]> {
    return this.byKeys(N.Lesion, ids);
  }

  studiesByUids(uids: readonly string[]): Promise<M.Study[]> {
    return this.byKeys(N.Study, uids);
  }

  seriesByUids(uids: readonly string[]): Promise<M.Series[]> {
    return this.byKeys(N.Series, uids);
  }

  async collectionsOfPatients(patientIds: readonly string[]): Promise<Map<string, M.Collection[]>> {
    if (!patientIds.length) return new Map();
    const rows = await this.executor.read(linkCypher.collectionsOfPatients(patientIds));
    return groupBy(rows.map((row) => ({ parentKey: row.parentKey as string, item: this.decode(N.Collection, row) as M.Collection })));
  }

  studiesOfPatients(patientIds: readonly string[]): Promise<Map<string, M.Study[]>> {
    return this.childrenOf(N.Study, LINKS.studyPatient, patientIds);
  }

  seriesOfStudies(studyUids: readonly string[]): Promise<Map<string, M.Series[]>> {
    return this.childrenOf(N.Series, LINKS.seriesStudy, studyUids);
  }

  lesionsOfSeries(seriesUids: readonly string[]): Promise<Map<string, M.Lesion[]>> {
    return this.childrenOf(N.Lesion, LINKS.lesionSeries, seriesUids);
  }

  async pathwaysOfGenes(symbols: readonly string[]): Promise<Map<string, M.Pathway[]>> {
    const rows = await this.executor.read(linkCypher.pathwaysOfGenes(symbols));
    return groupBy(rows.map((row) => ({ parentKey: row.parentKey as string, item: this.decode(N.Pathway, row) as M.Pathway })));
  }

  async genesOfPathways(pathwayIds: readonly string[]): Promise<Map<string, M.Gene[]>> {
    const rows = await this.executor.read(linkCypher.genesOfPathways(pathwayIds));
    return groupBy(rows.map((row) => ({ parentKey: row.parentKey as string, item: this.decode(N.Gene, row) as M.Gene })));
  }

  expressionOf(patientIds: readonly string[], symbols: readonly string[], source?: string): Promise<M.Expression[]> {
    return expression.expressionOf(this.executor, patientIds, symbols, source);
  }

  async mutationsOfPatients(patientIds: readonly string[]): Promise<Map<string, M.Mutation[]>> {
    if (!patientIds.length) return new Map();
    const rows = await this.executor.read(relCypher.relationshipsFrom(MUTATIONS, patientIds));
    return groupBy(rows.map((row) => ({ parentKey: row.fromKey as string, item: { patientId: row.fromKey as string, geneSymbol: row.symbol as string, ...this.decodeRelationship(R.HAS_MUTATION, row) } as M.Mutation })));
  }

  async featuresOfLesions(lesionIds: readonly string[], settingsHash?: string): Promise<Map<string, M.LesionFeature[]>> {
    if (!lesionIds.length) return new Map();
    const filter = settingsHash === undefined ? undefined : { property: "settingsHash", values: [settingsHash] };
    const rows = await this.executor.read(relCypher.relationshipsFrom(LESION_FEATURES, lesionIds, filter));
    return groupBy(
      rows.map((row) => ({
        parentKey: row.fromKey as string,
        item: { lesionId: row.fromKey as string, feature: this.decode(N.Feature, row) as M.Feature, ...this.decodeRelationship(R.HAS_FEATURE, row) } as M.LesionFeature,
      })),
    );
  }

  async patients(filter: PatientFilter, page: PageRequest): Promise<Page<M.Patient>> {
    await this.checkFilter(filter);
    const d = this.executor.dialect;
    const afterId = page.after ? decodeCursor(page.after) : null;
    const [countRows, rows] = await Promise.all([
      this.executor.read(patientCypher.countPatients(filter, d)),
      this.executor.read(patientCypher.patientPage(filter, d, afterId, page.first)),
    ]);
    const items = this.decodeAll<M.Patient>(N.Patient, rows.slice(0, page.first));
    const last = items[items.length - 1];
    return {
      items,
      totalCount: Number(countRows[0]?.n ?? 0),
      hasNextPage: rows.length > page.first,
      endCursor: last ? encodeCursor(last.id) : null,
    };
  }

  async linkage(filter: PatientFilter): Promise<Linkage> {
    await this.checkFilter(filter);
    const linkage: Linkage = { linked: [], imagingOnly: [], genomicsOnly: [], neither: [] };
    for (const row of await this.executor.read(patientCypher.patientLinkage(filter, this.executor.dialect))) {
      const group = row.imaging ? (row.genomics ? "linked" : "imagingOnly") : row.genomics ? "genomicsOnly" : "neither";
      linkage[group].push(row.id as string);
    }
    return linkage;
  }

  async lesionsOfPatients(filter: PatientFilter): Promise<Array<M.Lesion & { patientId: string }>> {
    await this.checkFilter(filter);
    const rows = await this.executor.read(patientCypher.lesionsOfMatchingPatients(filter, this.executor.dialect));
    return rows.map((row) => ({ ...(this.decode(N.Lesion, row) as M.Lesion), patientId: row.patientId as string }));
  }

  async countPatients(filter: PatientFilter): Promise<number> {
    await this.checkFilter(filter);
    return Number((await this.executor.read(patientCypher.countPatients(filter, this.executor.dialect)))[0]?.n ?? 0);
  }

  // ---- cohorts (graph-model/cypher-cohort-store.ts) ------------------------------------------

  async saveCohort(cohort: Omit<M.CohortRecord, "patientCount">, filter: PatientFilter): Promise<M.Cohort> {
    await this.checkFilter(filter);
    return this.cohortStore.save(cohort, filter);
  }

  cohorts(): Promise<M.Cohort[]> {
    return this.cohortStore.all();
  }

  cohortsByIds(ids: readonly string[]): Promise<M.Cohort[]> {
    return this.cohortStore.byIds(ids);
  }

  cohortMembers(cohortIds: readonly string[]): Promise<Map<string, string[]>> {
    return this.cohortStore.memberIds(cohortIds);
  }

  seriesOfCohorts(cohortIds: readonly string[]): Promise<Map<string, M.CohortSeries[]>> {
    return this.cohortStore.series(cohortIds);
  }

  async analysesOfCohort(cohortId: string): Promise<M.Analysis[]> {
    const rows = await this.executor.read(cohortCypher.analysesOfCohort(cohortId));
    return rows.map((row) => this.decode(N.Analysis, row) as M.Analysis);
  }

  deleteCohort(id: string): Promise<boolean> {
    return this.cohortStore.delete(id);
  }

  /** Consistent bounds, and every gene and saved cohort the filter names exists (BAD_USER_INPUT otherwise). */
  private async checkFilter(filter: PatientFilter): Promise<void> {
    checkPatientFilter(filter);
    const genes = genesOfFilter(filter);
    if (genes.length) await this.requireExisting(N.Gene, genes, "gene");
    if (filter.cohortIds?.length) await this.requireExisting(N.Cohort, [...new Set(filter.cohortIds)], "cohort");
  }

  async pathways(query: PathwayQuery): Promise<M.Pathway[]> {
    return this.decodeAll<M.Pathway>(N.Pathway, await this.executor.read(linkCypher.pathways(query)));
  }

  async counts(): Promise<GraphCounts> {
    const counts: GraphCounts = {};
    for (const spec of N.NODES) counts[spec.label] = Number((await this.executor.read(nodeCypher.countNodes(spec)))[0]?.n ?? 0);
    for (const relationship of R.RELATIONSHIPS)
      counts[relationship.type] = Number((await this.executor.read(linkCypher.countRelationships(relationship.type)))[0]?.n ?? 0);
    return counts;
  }

  saveLoadMarker(record: M.LoadMarkerRecord): Promise<WriteSummary> {
    return this.upsertNodes(N.LoadMarker, [record]);
  }

  async loadMarker(id: string): Promise<M.LoadMarkerRecord | null> {
    return (await this.byKeys<M.LoadMarkerRecord>(N.LoadMarker, [id]))[0] ?? null;
  }

  async loadMarkers(): Promise<M.LoadMarkerRecord[]> {
    return this.decodeAll<M.LoadMarkerRecord>(N.LoadMarker, await this.executor.read(nodeCypher.allNodes(N.LoadMarker)));
  }

  deleteExpressionOfCollection(collectionId: string, source: string): Promise<void> {
    return this.executor.deleteMatched(linkCypher.matchExpressionOfCollection(collectionId, source), "e");
  }

  async deleteEverything(): Promise<void> {
    for (const relationship of R.RELATIONSHIPS) await this.executor.deleteMatched(linkCypher.matchAllRelationships(relationship.type), "e");
    for (const spec of N.NODES) await this.executor.deleteMatched(linkCypher.matchAllNodes(spec), "n", true);
  }

  close(): Promise<void> {
    return this.executor.close();
  }

  // ---- decoding ------------------------------------------------------------------------------

  private async byKeys<T>(spec: NodeSpec, keys: readonly string[]): Promise<T[]> {
    if (!keys.length) return [];
    return this.decodeAll(spec, await this.executor.read(nodeCypher.nodesByKeys(spec, keys)));
  }

  private async childrenOf<T>(spec: NodeSpec, link: nodeCypher.ParentLink, parentKeys: readonly string[]): Promise<Map<string, T[]>> {
    if (!parentKeys.length) return new Map();
    const rows = await this.executor.read(nodeCypher.childrenOf(spec, link, parentKeys));
    return groupBy(rows.map((row) => ({ parentKey: row.parentKey as string, item: this.decode(spec, row) as T })));
  }

  private decodeAll<T>(spec: NodeSpec, rows: Row[]): T[] {
    return rows.map((row) => this.decode(spec, row) as T);
  }

  private decodeRelationship(spec: R.RelationshipSpec, row: Row): Record<string, unknown> {
    return decodeRelationship(this.executor.dialect, spec, row);
  }

  private decode(spec: NodeSpec, row: Row): Record<string, unknown> {
    return decodeNode(this.executor.dialect, spec, row);
  }
}
