// Cypher for fitted signatures: the Signature node, its USES_FEATURE links (coefficient, selection
// frequency, design column) and its cohort.
import { Cohort, Feature, Signature } from "../model/nodes.js";
import { SIGNATURE_ON_COHORT, USES_FEATURE } from "../model/relationships.js";
import type { Dialect } from "./dialect.js";
import { project } from "./node.cypher.js";
import { cypher, type CypherQuery } from "./query.js";

export function upsertSignatureFeatures(dialect: Dialect, rows: Record<string, unknown>[]): CypherQuery {
  return cypher(
    `UNWIND $rows AS r
     MATCH (s:${Signature.label} {id: r.signatureId}) MATCH (f:${Feature.label} {key: r.featureKey})
     MERGE (s)-[e:${USES_FEATURE.type}]->(f)
     SET e.coefficient = ${dialect.read("float", "r.coefficient")}, e.selectionFrequency = ${dialect.read("float", "r.selectionFrequency")}, e.designColumn = ${dialect.read("int", "r.designColumn")}`,
    { rows },
  );
}

export function linkSignatureToCohort(signatureId: string, cohortId: string): CypherQuery {
  return cypher(
    `MATCH (s:${Signature.label} {id: $signatureId}) MATCH (c:${Cohort.label} {id: $cohortId}) MERGE (s)-[:${SIGNATURE_ON_COHORT.type}]->(c)`,
    { signatureId, cohortId },
  );
}

function nonNegativeInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  return value;
}

/** One page of signatures, newest first, then by id (a total order); optionally one target's. */
export function signatures(query: { target?: string; skip: number; first: number }): CypherQuery {
  const where = query.target === undefined ? "" : "WHERE s.target = $target";
  return cypher(
    `MATCH (s:${Signature.label}) ${where} RETURN ${project(Signature, "s")}
     ORDER BY createdAt DESC, id SKIP ${nonNegativeInteger("skip", query.skip)} LIMIT ${nonNegativeInteger("first", query.first)}`,
    query.target === undefined ? {} : { target: query.target },
  );
}

/** The features of each signature, in design-column order. */
export function signatureFeatures(signatureIds: readonly string[]): CypherQuery {
  return cypher(
    `MATCH (s:${Signature.label})-[e:${USES_FEATURE.type}]->(f:${Feature.label}) WHERE s.id IN $ids
     RETURN s.id AS signatureId, ${project(Feature, "f")}, e.coefficient AS coefficient, e.selectionFrequency AS selectionFrequency, e.designColumn AS designColumn
     ORDER BY signatureId, designColumn`,
    { ids: signatureIds },
  );
}
