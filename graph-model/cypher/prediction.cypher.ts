// Cypher for mutation-status analyses: PREDICTS links (feature → gene) with AUC, U, p, q, group sizes.
import { Feature, Gene } from "../model/nodes.js";
import { PREDICTS } from "../model/relationships.js";
import type { PredictionQuery } from "../graph-store.js";
import type { Dialect } from "./dialect.js";
import { project } from "./node.cypher.js";
import { cypher, type CypherQuery } from "./query.js";

export function upsertPredictions(dialect: Dialect, rows: Record<string, unknown>[]): CypherQuery {
  const f = (name: string, kind: "float" | "int") => `e.${name} = ${dialect.read(kind, `r.${name}`)}`;
  return cypher(
    `UNWIND $rows AS r
     MATCH (f:${Feature.label} {key: r.featureKey}) MATCH (g:${Gene.label} {${Gene.key}: r.geneSymbol})
     MERGE (f)-[e:${PREDICTS.type} {analysisId: r.analysisId}]->(g)
     SET ${[f("auc", "float"), f("u", "float"), f("p", "float"), f("q", "float"), f("n", "int"), f("nMutated", "int"), f("nWildType", "int")].join(", ")}`,
    { rows },
  );
}

function nonNegativeInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  return value;
}

/** One page of an analysis's links, by q, then |AUC − 0.5| descending, then feature key and gene (a total order). */
export function predictionLinks(query: PredictionQuery, dialect: Dialect): CypherQuery {
  const where = ["e.analysisId = $analysisId"];
  const params: Record<string, unknown> = { analysisId: query.analysisId };
  if (query.maxQ !== undefined) {
    where.push(`e.q <= ${dialect.read("float", "$maxQ")}`);
    params.maxQ = dialect.encode("float", query.maxQ);
  }
  if (query.minAbsAucDeviation !== undefined) {
    where.push(`abs(e.auc - 0.5) >= ${dialect.read("float", "$minDeviation")}`);
    params.minDeviation = dialect.encode("float", query.minAbsAucDeviation);
  }
  if (query.feature !== undefined) {
    where.push("(f.name = $feature OR f.ibsiCode = $feature OR f.key = $feature)");
    params.feature = query.feature;
  }
  if (query.family !== undefined) {
    where.push("f.family = $family");
    params.family = query.family;
  }
  if (query.geneSymbols) {
    where.push(`g.${Gene.key} IN $genes`);
    params.genes = query.geneSymbols;
  }
  const skip = nonNegativeInteger("skip", query.skip);
  const limit = nonNegativeInteger("first", query.first);
  return cypher(
    `MATCH (f:${Feature.label})-[e:${PREDICTS.type}]->(g:${Gene.label}) WHERE ${where.join(" AND ")}
     RETURN ${project(Feature, "f")}, g.${Gene.key} AS geneSymbol, g.name AS geneName,
            e.auc AS auc, e.u AS u, e.p AS p, e.q AS q, e.n AS n, e.nMutated AS nMutated, e.nWildType AS nWildType
     ORDER BY q, abs(auc - 0.5) DESC, f.key, geneSymbol SKIP ${skip} LIMIT ${limit}`,
    params,
  );
}
