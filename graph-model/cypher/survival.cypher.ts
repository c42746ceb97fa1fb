// Cypher for stored survival analyses: the SurvivalAnalysis node, its SURVIVAL_USES_FEATURE links
// (per-feature Cox results or coefficients) and its cohort. User values only as parameters.
import { Cohort, Feature, SurvivalAnalysis } from "../model/nodes.js";
import { SURVIVAL_ON_COHORT, SURVIVAL_USES_FEATURE } from "../model/relationships.js";
import type { Dialect } from "./dialect.js";
import { project } from "./node.cypher.js";
import { cypher, type CypherQuery } from "./query.js";

const FLOATS = ["coefficient", "standardError", "hazardRatio", "hrLower", "hrUpper", "p", "q", "concordance", "phP"] as const;
const INTS = ["rank", "designColumn"] as const;
export const SURVIVAL_FEATURE_PROPERTIES = [...INTS, ...FLOATS] as const;

export function upsertSurvivalFeatures(dialect: Dialect, rows: Record<string, unknown>[]): CypherQuery {
  const set = [...INTS.map((k) => `e.${k} = ${dialect.read("int", `r.${k}`)}`), ...FLOATS.map((k) => `e.${k} = ${dialect.read("float", `r.${k}`)}`)].join(", ");
  return cypher(
    `UNWIND $rows AS r
     MATCH (s:${SurvivalAnalysis.label} {id: r.analysisId}) MATCH (f:${Feature.label} {key: r.featureKey})
     MERGE (s)-[e:${SURVIVAL_USES_FEATURE.type}]->(f)
     SET ${set}`,
    { rows },
  );
}

export function linkSurvivalToCohort(analysisId: string, cohortId: string): CypherQuery {
  return cypher(
    `MATCH (s:${SurvivalAnalysis.label} {id: $analysisId}) MATCH (c:${Cohort.label} {id: $cohortId}) MERGE (s)-[:${SURVIVAL_ON_COHORT.type}]->(c)`,
    { analysisId, cohortId },
  );
}

function nonNegativeInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  return value;
}

/** One page of survival analyses, newest first, then by id (a total order); optionally one kind's. */
export function survivalAnalyses(query: { kind?: string; skip: number; first: number }): CypherQuery {
  const where = query.kind === undefined ? "" : "WHERE s.kind = $kind";
  return cypher(
    `MATCH (s:${SurvivalAnalysis.label}) ${where} RETURN ${project(SurvivalAnalysis, "s")}
     ORDER BY createdAt DESC, id SKIP ${nonNegativeInteger("skip", query.skip)} LIMIT ${nonNegativeInteger("first", query.first)}`,
    query.kind === undefined ? {} : { kind: query.kind },
  );
}

/** One page of an analysis' features in report order (rank). */
export function survivalFeatures(analysisId: string, page: { skip: number; first: number }): CypherQuery {
  return cypher(
    `MATCH (s:${SurvivalAnalysis.label} {id: $analysisId})-[e:${SURVIVAL_USES_FEATURE.type}]->(f:${Feature.label})
     RETURN ${project(Feature, "f")}, ${SURVIVAL_FEATURE_PROPERTIES.map((k) => `e.${k} AS ${k}`).join(", ")}
     ORDER BY rank, key SKIP ${nonNegativeInteger("skip", page.skip)} LIMIT ${nonNegativeInteger("first", page.first)}`,
    { analysisId },
  );
}
