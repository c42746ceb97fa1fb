// Cypher for harmonisations: the Harmonisation node's cohort link, the page of stored harmonisations and
// the acquisition series (and collection) each lesion's values came from (ComBat's batch labels).
import { Cohort, Collection, Harmonisation, Lesion, Patient, Series } from "../model/nodes.js";
import { HARMONISATION_ON_COHORT, HAS_LESION, HAS_SERIES, HAS_STUDY, IN_COLLECTION } from "../model/relationships.js";
import { project } from "./node.cypher.js";
import { cypher, type CypherQuery } from "./query.js";

export function linkHarmonisationToCohort(harmonisationId: string, cohortId: string): CypherQuery {
  return cypher(
    `MATCH (h:${Harmonisation.label} {id: $harmonisationId}) MATCH (c:${Cohort.label} {id: $cohortId}) MERGE (h)-[:${HARMONISATION_ON_COHORT.type}]->(c)`,
    { harmonisationId, cohortId },
  );
}

function nonNegativeInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  return value;
}

/** One page of harmonisations without their value matrix, newest first, then by id (a total order). */
export function harmonisations(query: { skip: number; first: number }): CypherQuery {
  return cypher(
    `MATCH (h:${Harmonisation.label}) RETURN h.id AS id
     ORDER BY h.createdAt DESC, id SKIP ${nonNegativeInteger("skip", query.skip)} LIMIT ${nonNegativeInteger("first", query.first)}`,
  );
}

/** Each lesion's image series (acquisition parameters) and its patient's collection. */
export function acquisitionsOfLesions(lesionIds: readonly string[]): CypherQuery {
  return cypher(
    `MATCH (p:${Patient.label})-[:${HAS_STUDY.type}]->()-[:${HAS_SERIES.type}]->(s:${Series.label})-[:${HAS_LESION.type}]->(l:${Lesion.label}) WHERE l.id IN $ids
     OPTIONAL MATCH (p)-[:${IN_COLLECTION.type}]->(c:${Collection.label})
     RETURN l.id AS lesionId, c.id AS collectionId, ${project(Series, "s")}`,
    { ids: lesionIds },
  );
}

