// Cypher for analyses and their feature ↔ gene/pathway links.
import { Analysis, Feature, Gene, LoadMarker, Pathway } from "../model/nodes.js";
import { CORRELATES_WITH } from "../model/relationships.js";
import type { LinkQuery } from "../graph-store.js";
import type { Dialect } from "./dialect.js";
import { project } from "./node.cypher.js";
import { cypher, type CypherQuery } from "./query.js";

const TARGETS = { Gene, Pathway } as const;

export function upsertCorrelations(targetKind: "Gene" | "Pathway", dialect: Dialect, rows: Record<string, unknown>[]): CypherQuery {
  const target = TARGETS[targetKind];
  const f = (name: string, kind: "float" | "int") => dialect.read(kind, `r.${name}`);
  return cypher(
    `UNWIND $rows AS r
     MATCH (f:${Feature.label} {key: r.featureKey}) MATCH (t:${target.label} {${target.key}: r.targetKey})
     MERGE (f)-[e:${CORRELATES_WITH.type} {analysisId: r.analysisId}]->(t)
     SET e.rho = ${f("rho", "float")}, e.p = ${f("p", "float")}, e.q = ${f("q", "float")}, e.n = ${f("n", "int")}`,
    { rows },
  );
}

/** The MATCH and WHERE of an analysis's links under the query's filters (q, |rho|, family, targets). */
function linkFilter(query: Omit<LinkQuery, "first">, dialect: Dialect): { text: string; params: Record<string, unknown> } {
  const target = TARGETS[query.targetKind];
  const where = ["e.analysisId = $analysisId"];
  const params: Record<string, unknown> = { analysisId: query.analysisId };
  if (query.maxQ !== undefined) {
    where.push(`e.q <= ${dialect.read("float", "$maxQ")}`);
    params.maxQ = dialect.encode("float", query.maxQ);
  }
  if (query.minAbsRho !== undefined) {
    where.push(`abs(e.rho) >= ${dialect.read("float", "$minAbsRho")}`);
    params.minAbsRho = dialect.encode("float", query.minAbsRho);
  }
  if (query.family !== undefined) {
    where.push("f.family = $family");
    params.family = query.family;
  }
  if (query.targetKeys) {
    where.push(`t.${target.key} IN $targetKeys`);
    params.targetKeys = query.targetKeys;
  }
  return { text: `MATCH (f:${Feature.label})-[e:${CORRELATES_WITH.type}]->(t:${target.label}) WHERE ${where.join(" AND ")}`, params };
}

export function correlationLinks(query: LinkQuery, dialect: Dialect): CypherQuery {
  const target = TARGETS[query.targetKind];
  const filter = linkFilter(query, dialect);
  if (!Number.isSafeInteger(query.first) || query.first < 0) throw new RangeError(`first must be a non-negative integer, got ${query.first}`);
  return cypher(
    `${filter.text}
     RETURN ${project(Feature, "f")}, t.${target.key} AS targetKey, t.name AS targetName, e.rho AS rho, e.p AS p, e.q AS q, e.n AS n
     ORDER BY q, abs(e.rho) DESC, f.key, targetKey LIMIT ${query.first}`,
    filter.params,
  );
}

/** How many links pass the same filters (what a page of correlationLinks was cut from). */
export function correlationLinkCount(query: Omit<LinkQuery, "first">, dialect: Dialect): CypherQuery {
  const filter = linkFilter(query, dialect);
  return cypher(`${filter.text} RETURN count(e) AS n`, filter.params);
}

export function analysisById(id: string): CypherQuery {
  return cypher(`MATCH (a:${Analysis.label} {id: $id}) RETURN ${project(Analysis, "a")}`, { id });
}

/**
 * Takes the write lock of a step marker (created LOADING when new) and returns its status: two writers of the
 * same step (a retried task next to a stalled one, two finishers) queue here, and the second sees the first's.
 * startedAt (the latest attempt's start) is always written: a real write takes Neo4j's exclusive node lock.
 */
export function lockStepMarker(id: string, now: string): CypherQuery {
  return cypher(
    `MERGE (m:${LoadMarker.label} {id: $id}) ON CREATE SET m.status = 'LOADING', m.startedAt = $now ON MATCH SET m.startedAt = $now
     RETURN m.status AS status`,
    { id, now },
  );
}

export function completeStepMarker(id: string, now: string): CypherQuery {
  return cypher(`MATCH (m:${LoadMarker.label} {id: $id}) SET m.status = 'COMPLETE', m.completedAt = $now`, { id, now });
}

/** Sets a step marker COMPLETE with its result (a JSON string, encoded by the dialect). */
export function completeStepMarkerWithResult(id: string, now: string, result: unknown): CypherQuery {
  return cypher(`MATCH (m:${LoadMarker.label} {id: $id}) SET m.status = 'COMPLETE', m.completedAt = $now, m.result = $result`, { id, now, result });
}

/** The COMPLETE step markers whose id starts with the prefix, with their results. */
export function stepResults(prefix: string): CypherQuery {
  return cypher(`MATCH (m:${LoadMarker.label}) WHERE m.id STARTS WITH $prefix AND m.status = 'COMPLETE' RETURN m.id AS id, m.result AS result`, { prefix });
}

/** How many step markers whose id starts with the prefix are COMPLETE. */
export function completeStepMarkers(prefix: string): CypherQuery {
  return cypher(`MATCH (m:${LoadMarker.label}) WHERE m.id STARTS WITH $prefix AND m.status = 'COMPLETE' RETURN count(m) AS n`, { prefix });
}
