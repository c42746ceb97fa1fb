// The port every other layer talks to: domain operations on the radiogenomic graph. Two adapters
// implement it (embedded Ladybug, Neo4j) and one contract suite (test/graph-model) runs against both.
import type * as M from "./model/records.js";
import type { Page, PageRequest, PatientFilter } from "./patient-filter.js";

export interface WriteSummary {
  /** Records written (created or updated). */
  readonly written: number;
}

export interface PathwayWriteSummary extends WriteSummary {
  /** Member symbols with no Gene in the graph, sorted: not linked, not created (ingest genes first). */
  readonly unknownGeneSymbols: readonly string[];
}

export interface PathwayQuery {
  ids?: string[];
  source?: string;
  /** Pathways containing this gene. */
  geneSymbol?: string;
}

export type GraphCounts = Record<string, number>;

export interface Linkage {
  /** Patients with imaging and genomics: the ones radiogenomic analyses can use. */
  linked: string[];
  imagingOnly: string[];
  genomicsOnly: string[];
  /** Neither (e.g. clinical records only). */
  neither: string[];
}

export interface LinkQuery {
  analysisId: string;
  targetKind: "Gene" | "Pathway";
  maxQ?: number;
  minAbsRho?: number;
  /** Only links of features of this IBSI family, or to these targets. */
  family?: string;
  targetKeys?: string[];
  first: number;
}

/** Where a lesion's values came from: its image series and its patient's collection (harmonisation batches). */
export interface LesionAcquisition {
  lesionId: string;
  collectionId: string | null;
  series: M.Series;
}

/** One page of stored survival analyses (newest first), optionally one kind's. */
export interface SurvivalAnalysisQuery {
  kind?: string;
  skip: number;
  first: number;
}

/** One page of stored signatures (newest first), optionally one target's. */
export interface SignatureQuery {
  target?: string;
  skip: number;
  first: number;
}

export interface PredictionQuery {
  analysisId: string;
  maxQ?: number;
  /** Only links with |AUC − 0.5| at least this. */
  minAbsAucDeviation?: number;
  /** A feature's name, IBSI code or key. */
  feature?: string;
  family?: string;
  geneSymbols?: string[];
  /** Links to pass over (the page's offset in the sorted list) and the page size. */
  skip: number;
  first: number;
}

export interface GraphStore {
  /** "embedded" (Ladybug on disk) or "neo4j". */
  readonly kind: "embedded" | "neo4j";
  /** Where the data lives, for logs and the health endpoint. */
  readonly location: string;
  /** Temporary files a killed process left, removed when the store was opened (for the start-up log). */
  readonly staleFilesRemoved: readonly string[];

  // Writes: batched, idempotent (natural keys), all-or-nothing per call.
  upsertCollections(records: readonly M.CollectionRecord[]): Promise<WriteSummary>;
  upsertPatients(records: readonly M.PatientRecord[]): Promise<WriteSummary>;
  upsertStudies(records: readonly M.StudyRecord[]): Promise<WriteSummary>;
  upsertSeries(records: readonly M.SeriesRecord[]): Promise<WriteSummary>;
  upsertLesions(records: readonly M.LesionRecord[]): Promise<WriteSummary>;
  upsertGenes(records: readonly M.GeneRecord[]): Promise<WriteSummary>;
  /**
   * Upserts pathways and makes each one's membership exactly its `geneSymbols` that the graph knows as
   * genes; unknown symbols are returned, never created.
   */
  upsertPathways(records: readonly M.PathwayRecord[]): Promise<PathwayWriteSummary>;
  /** Somatic mutations, keyed by (patient, gene, protein change); a gene not yet in the graph is created. */
  upsertMutations(records: readonly M.MutationRecord[]): Promise<WriteSummary>;
  /** Feature values of lesions with the features' definitions and settings (provenance). */
  saveLesionFeatures(records: readonly M.LesionFeatureRecord[]): Promise<WriteSummary>;
  /** An analysis and its tested links, written together (a failed write leaves neither). */
  saveAnalysis(analysis: M.AnalysisRecord, links: readonly M.CorrelationRecord[]): Promise<WriteSummary>;
  /** The same, unless the Analysis already exists (checked under a lock, so two finishers write it once); true when written. */
  saveAnalysisOnce(analysis: M.AnalysisRecord, links: readonly M.CorrelationRecord[], now: string): Promise<boolean>;
  /**
   * One step of an analysis (a batch of its tests): its links, written once with its LoadMarker `markerId`
   * set COMPLETE in the same transaction; a step already COMPLETE writes nothing (false).
   */
  saveCorrelationStep(markerId: string, links: readonly M.CorrelationRecord[], now: string): Promise<boolean>;
  /** How many COMPLETE LoadMarkers have an id starting with the prefix (an analysis's finished steps). */
  completeStepMarkers(prefix: string): Promise<number>;
  /**
   * One step of a distributed fit with its own result (JSON; a cross-validation fold), written once with its
   * LoadMarker `markerId` set COMPLETE in the same transaction; a step already COMPLETE writes nothing (false).
   */
  saveStepResult(markerId: string, result: unknown, now: string): Promise<boolean>;
  /** The results of the COMPLETE steps whose marker id starts with the prefix, keyed by the rest of the id. */
  stepResults(prefix: string): Promise<Map<string, unknown>>;
  /** A mutation-status analysis and its PREDICTS links, written together (a failed write leaves neither). */
  savePredictionAnalysis(analysis: M.AnalysisRecord, links: readonly M.PredictionRecord[]): Promise<WriteSummary>;
  /** Bulk path: replaces the expression values of the given (patient, gene) pairs from the records'
   * source(s); values of other sources stay (each record must name its source). */
  replaceExpression(records: readonly M.ExpressionRecord[]): Promise<WriteSummary>;

  // Reads by key lists (what DataLoaders call); results come in no particular order.
  collections(): Promise<M.Collection[]>;
  collectionsByIds(ids: readonly string[]): Promise<M.Collection[]>;
  patientsByIds(ids: readonly string[]): Promise<M.Patient[]>;
  genesBySymbols(symbols: readonly string[]): Promise<M.Gene[]>;
  lesionsByIds(ids: readonly string[]): Promise<M.Lesion[]>;
  studiesByUids(uids: readonly string[]): Promise<M.Study[]>;
  seriesByUids(uids: readonly string[]): Promise<M.Series[]>;
  /** Every gene, by symbol (for id mapping, e.g. Entrez → HGNC). */
  allGenes(): Promise<M.Gene[]>;

  // Neighbourhoods, keyed by the parent's natural key.
  collectionsOfPatients(patientIds: readonly string[]): Promise<Map<string, M.Collection[]>>;
  studiesOfPatients(patientIds: readonly string[]): Promise<Map<string, M.Study[]>>;
  seriesOfStudies(studyUids: readonly string[]): Promise<Map<string, M.Series[]>>;
  lesionsOfSeries(seriesUids: readonly string[]): Promise<Map<string, M.Lesion[]>>;
  pathwaysOfGenes(symbols: readonly string[]): Promise<Map<string, M.Pathway[]>>;
  genesOfPathways(pathwayIds: readonly string[]): Promise<Map<string, M.Gene[]>>;
  /** Expression values by patient, gene and source; only `source`'s when given, else every source's. */
  expressionOf(patientIds: readonly string[], symbols: readonly string[], source?: string): Promise<M.Expression[]>;
  mutationsOfPatients(patientIds: readonly string[]): Promise<Map<string, M.Mutation[]>>;
  /** Stored feature values of lesions, for one settings hash (or all settings when omitted). */
  featuresOfLesions(lesionIds: readonly string[], settingsHash?: string): Promise<Map<string, M.LesionFeature[]>>;

  // Queries.
  patients(filter: PatientFilter, page: PageRequest): Promise<Page<M.Patient>>;
  /** Which patients of the filter have imaging, genomics, both or neither (the archives' join). */
  linkage(filter: PatientFilter): Promise<Linkage>;
  /** Segmented lesions of the patients matching the filter (a cohort's work list). */
  lesionsOfPatients(filter: PatientFilter): Promise<Array<M.Lesion & { patientId: string }>>;
  pathways(query: PathwayQuery): Promise<M.Pathway[]>;
  /** How many patients match the filter (previewCohort counts each criterion alone). */
  countPatients(filter: PatientFilter): Promise<number>;

  // Saved cohorts: membership fixed when saved (a later ingest does not change it).
  /** Saves the cohort with INCLUDES edges to the patients matching `filter` now; none match: BAD_USER_INPUT, nothing stored. */
  saveCohort(cohort: Omit<M.CohortRecord, "patientCount">, filter: PatientFilter): Promise<M.Cohort>;
  /** Every saved cohort, newest first. */
  cohorts(): Promise<M.Cohort[]>;
  cohortsByIds(ids: readonly string[]): Promise<M.Cohort[]>;
  /** Member barcodes of each cohort, in barcode order. */
  cohortMembers(cohortIds: readonly string[]): Promise<Map<string, string[]>>;
  /** Image series of each cohort's members (for download manifests). */
  seriesOfCohorts(cohortIds: readonly string[]): Promise<Map<string, M.CohortSeries[]>>;
  /** Analyses that ran on a saved cohort (ON_COHORT), oldest first. */
  analysesOfCohort(cohortId: string): Promise<M.Analysis[]>;
  /** Deletes a cohort and its edges (patients stay); false when there was none. */
  deleteCohort(id: string): Promise<boolean>;

  analysisById(id: string): Promise<M.Analysis | null>;
  /** Links of an analysis, strongest evidence first (q, then |rho|). */
  correlationLinks(query: LinkQuery): Promise<M.CorrelationLink[]>;
  /** How many CORRELATES_WITH links pass the query's filters (the total a page was cut from). */
  correlationLinkCount(query: Omit<LinkQuery, "first">): Promise<number>;
  /** PREDICTS links of an analysis: q ascending, then |AUC − 0.5| descending. */
  predictionLinks(query: PredictionQuery): Promise<M.PredictionLink[]>;
  /** A fitted signature and its USES_FEATURE links, written together (a failed write leaves neither). */
  saveSignature(signature: M.SignatureRecord, features: readonly M.SignatureFeatureRecord[]): Promise<WriteSummary>;
  /** The same, unless the Signature already exists (checked under a lock, so two finishers write it once); true when written. */
  saveSignatureOnce(signature: M.SignatureRecord, features: readonly M.SignatureFeatureRecord[], now: string): Promise<boolean>;
  signaturesByIds(ids: readonly string[]): Promise<M.Signature[]>;
  signatures(query: SignatureQuery): Promise<M.Signature[]>;
  /** Features of each signature with coefficient and selection frequency, in design-column order. */
  signatureFeatures(signatureIds: readonly string[]): Promise<Map<string, M.SignatureFeature[]>>;
  /** A harmonisation (estimates, diagnostics, value matrix) and its cohort link, written together. */
  saveHarmonisation(harmonisation: M.HarmonisationRecord): Promise<WriteSummary>;
  harmonisationsByIds(ids: readonly string[]): Promise<M.Harmonisation[]>;
  /** One page of stored harmonisations, newest first. */
  harmonisations(query: { skip: number; first: number }): Promise<M.Harmonisation[]>;
  /** Each lesion's image series (acquisition parameters) and its patient's collection; lesions without one are absent. */
  acquisitionsOfLesions(lesionIds: readonly string[]): Promise<Map<string, LesionAcquisition>>;
  /** A survival analysis and its SURVIVAL_USES_FEATURE links, written together (a failed write leaves neither). */
  saveSurvivalAnalysis(analysis: M.SurvivalAnalysisRecord, features: readonly M.SurvivalFeatureRecord[]): Promise<WriteSummary>;
  /** The same, unless the SurvivalAnalysis already exists (checked under a lock, so two finishers write it once); true when written. */
  saveSurvivalAnalysisOnce(analysis: M.SurvivalAnalysisRecord, features: readonly M.SurvivalFeatureRecord[], now: string): Promise<boolean>;
  survivalAnalysesByIds(ids: readonly string[]): Promise<M.SurvivalAnalysis[]>;
  survivalAnalyses(query: SurvivalAnalysisQuery): Promise<M.SurvivalAnalysis[]>;
  /** One page of an analysis' features, in report order. */
  survivalFeatures(analysisId: string, page: { skip: number; first: number }): Promise<M.SurvivalFeature[]>;
  counts(): Promise<GraphCounts>;

  // Load markers (crash safety): a load writes its marker LOADING first and COMPLETE last.
  saveLoadMarker(record: M.LoadMarkerRecord): Promise<WriteSummary>;
  loadMarker(id: string): Promise<M.LoadMarkerRecord | null>;
  /** Every load marker (few: one per demo load and per bulk expression load). */
  loadMarkers(): Promise<M.LoadMarkerRecord[]>;
  /** Deletes one source's expression values of a collection's patients (undoing a partial bulk load). */
  deleteExpressionOfCollection(collectionId: string, source: string): Promise<void>;

  /** Removes every node and relationship (tests, demo reset). */
  deleteEverything(): Promise<void>;
  close(): Promise<void>;
}
