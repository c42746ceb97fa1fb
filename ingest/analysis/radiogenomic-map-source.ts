// Reads a radiogenomic map from the graph: the analyses asked for (each must exist) and their stored
// links, filtered by q and |effect|. Which edges an analysis contributes depends on its kind; a new
// kind (MUTATIONS → PREDICTS with AUC) is one more entry in EDGE_LOADERS, and a cohort argument one
// more way to choose the analyses (analysesOf).
import { BadUserInputError, NotFoundError } from "../../compute/errors.js";
import { buildRadiogenomicMap, type MapLink, type RadiogenomicMap } from "../../compute/export/radiogenomic-map.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import type * as M from "../../graph-model/model/records.js";

export interface MapQuery {
  analysisIds: readonly string[];
  /** Also every analysis that ran on this saved cohort. */
  cohortId?: string;
  /** Only links with q at most this. */
  maxQ?: number;
  /** Only links with |rho| (or, for AUC edges, |AUC − 0.5|·2) at least this. */
  minAbsRho?: number;
}

export interface LoadedMap {
  analyses: M.Analysis[];
  map: RadiogenomicMap;
}

/** Links one analysis may contribute; more than this asks the caller to filter. */
export const MAX_LINKS_PER_ANALYSIS = 100_000;

type EdgeLoader = (store: GraphStore, analysis: M.Analysis, query: MapQuery) => Promise<MapLink[]>;

/** At most MAX_LINKS_PER_ANALYSIS rows (the store is asked for one more, to tell when there are too many). */
function capped<T>(rows: T[], analysis: M.Analysis): T[] {
  if (rows.length > MAX_LINKS_PER_ANALYSIS)
    throw new BadUserInputError(`analysis '${analysis.id}' has more than ${MAX_LINKS_PER_ANALYSIS} links under these filters: lower maxQ or raise minAbsRho`);
  return rows;
}

function featureRef(key: string, feature: M.Feature): MapLink["feature"] {
  return { key, name: feature.name, family: feature.family, ibsiCode: feature.ibsiCode, settingsHash: feature.settingsHash };
}

function correlations(targetKind: "Gene" | "Pathway"): EdgeLoader {
  return async (store, analysis, query) => {
    const rows = await store.correlationLinks({ analysisId: analysis.id, targetKind, maxQ: query.maxQ, minAbsRho: query.minAbsRho, first: MAX_LINKS_PER_ANALYSIS + 1 });
    return capped(rows, analysis).map((r) => ({
      kind: "CORRELATES_WITH", measure: "rho", effect: r.rho,
      feature: featureRef(r.featureKey, r.feature),
      target: { kind: targetKind === "Gene" ? "GENE" : "PATHWAY", key: r.targetKey, name: r.targetName },
      p: r.p, q: r.q, n: r.n, analysisId: r.analysisId,
    }));
  };
}

// PREDICTS: a feature → mutated gene link; minAbsRho applies to 2·|AUC − 0.5| (0 = chance, 1 = perfect).
const predictions: EdgeLoader = async (store, analysis, query) => {
  const minAbsAucDeviation = query.minAbsRho === undefined ? undefined : query.minAbsRho / 2;
  const rows = await store.predictionLinks({ analysisId: analysis.id, maxQ: query.maxQ, minAbsAucDeviation, skip: 0, first: MAX_LINKS_PER_ANALYSIS + 1 });
  return capped(rows, analysis).map((r) => ({
    kind: "PREDICTS", measure: "auc", effect: r.auc,
    feature: featureRef(r.featureKey, r.feature),
    target: { kind: "GENE", key: r.geneSymbol, name: r.geneName },
    p: r.p, q: r.q, n: r.n, analysisId: r.analysisId,
  }));
};

/** Analysis kind → the edges it stored. */
export const EDGE_LOADERS: Record<string, EdgeLoader> = {
  PATHWAYS: correlations("Pathway"),
  GENES: correlations("Gene"),
  MUTATIONS: predictions,
};

async function analysesOf(store: GraphStore, query: MapQuery): Promise<M.Analysis[]> {
  const ids = [...new Set(query.analysisIds)];
  const ofCohort = query.cohortId === undefined ? [] : await analysesOfCohort(store, query.cohortId);
  const named = ids.filter((id) => !ofCohort.some((a) => a.id === id));
  if (!named.length && !ofCohort.length)
    throw new BadUserInputError(query.cohortId === undefined ? "name at least one analysis (analysisIds) or a saved cohort (cohortId)" : `no analysis has run on cohort '${query.cohortId}' yet: runAssociation(cohortId: …) first`);
  return [...ofCohort, ...(await namedAnalyses(store, named))];
}

async function analysesOfCohort(store: GraphStore, cohortId: string): Promise<M.Analysis[]> {
  if (!(await store.cohortsByIds([cohortId])).length) throw new NotFoundError("Cohort", cohortId);
  return store.analysesOfCohort(cohortId);
}

function namedAnalyses(store: GraphStore, ids: readonly string[]): Promise<M.Analysis[]> {
  return Promise.all(
    ids.map(async (id) => {
      const analysis = await store.analysisById(id);
      if (!analysis) throw new NotFoundError("Analysis", id);
      return analysis;
    }),
  );
}

export async function loadRadiogenomicMap(store: GraphStore, query: MapQuery): Promise<LoadedMap> {
  for (const [name, value] of [["maxQ", query.maxQ], ["minAbsRho", query.minAbsRho]] as const)
    if (value !== undefined && !(value >= 0 && value <= 1)) throw new BadUserInputError(`${name} must be a number from 0 to 1, got ${value}`);
  const analyses = await analysesOf(store, query);
  const links = await Promise.all(
    analyses.map((analysis) => {
      const loader = EDGE_LOADERS[analysis.kind ?? ""];
      if (!loader) throw new BadUserInputError(`analysis '${analysis.id}' is of kind ${analysis.kind ?? "unknown"}, which the map does not show yet`);
      return loader(store, analysis, query);
    }),
  );
  return { analyses, map: buildRadiogenomicMap(links.flat()) };
}
