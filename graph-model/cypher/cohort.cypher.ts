// Cypher for saved cohorts: membership edges written once, reads of members and their image series,
// and the analysis → cohort provenance edge.
import { Analysis, Cohort, Collection, Patient, Series, Study } from "../model/nodes.js";
import { HAS_SERIES, HAS_STUDY, INCLUDES, IN_COLLECTION, ON_COHORT } from "../model/relationships.js";
import { project } from "./node.cypher.js";
import { cypher, type CypherQuery } from "./query.js";

/** INCLUDES edges from one cohort to the given patients (CREATE: a cohort's membership is written once). */
export function addCohortMembers(cohortId: string, patientIds: readonly string[]): CypherQuery {
  return cypher(
    `MATCH (c:${Cohort.label} {id: $cohortId}) UNWIND $patientIds AS pid MATCH (p:${Patient.label} {id: pid}) CREATE (c)-[:${INCLUDES.type}]->(p)`,
    { cohortId, patientIds },
  );
}

/** Every cohort, newest first. */
export function allCohorts(): CypherQuery {
  return cypher(`MATCH (n:${Cohort.label}) RETURN ${project(Cohort, "n")} ORDER BY n.createdAt DESC, n.id`);
}

export function cohortMemberIds(cohortIds: readonly string[]): CypherQuery {
  return cypher(
    `MATCH (c:${Cohort.label})-[:${INCLUDES.type}]->(p:${Patient.label}) WHERE c.id IN $keys RETURN c.id AS cohortId, p.id AS patientId ORDER BY cohortId, patientId`,
    { keys: cohortIds },
  );
}

/** The image series of the cohorts' members with their collection, in patient, study, series order. */
export function seriesOfCohorts(cohortIds: readonly string[]): CypherQuery {
  return cypher(
    `MATCH (c:${Cohort.label})-[:${INCLUDES.type}]->(p:${Patient.label})-[:${HAS_STUDY.type}]->(st:${Study.label})-[:${HAS_SERIES.type}]->(s:${Series.label})
     WHERE c.id IN $keys
     OPTIONAL MATCH (p)-[:${IN_COLLECTION.type}]->(col:${Collection.label})
     RETURN c.id AS cohortId, col.id AS collectionId, p.id AS patientId, st.uid AS studyUid, s.uid AS seriesUid, s.modality AS modality, s.retrieveUrl AS retrieveUrl
     ORDER BY cohortId, patientId, studyUid, seriesUid`,
    { keys: cohortIds },
  );
}

/** Binds `n` to one cohort (for deleteMatched with detach: its INCLUDES and ON_COHORT edges go too). */
export function matchCohort(id: string): CypherQuery {
  return cypher(`MATCH (n:${Cohort.label}) WHERE n.id = $id`, { id });
}

/** The analyses that ran on a saved cohort, oldest first. */
export function analysesOfCohort(cohortId: string): CypherQuery {
  return cypher(
    `MATCH (n:${Analysis.label})-[:${ON_COHORT.type}]->(c:${Cohort.label} {id: $cohortId}) RETURN ${project(Analysis, "n")} ORDER BY n.createdAt, n.id`,
    { cohortId },
  );
}

/** Links an analysis to the saved cohort it ran on. */
export function linkAnalysisToCohort(analysisId: string, cohortId: string): CypherQuery {
  return cypher(
    `MATCH (a:${Analysis.label} {id: $analysisId}) MATCH (c:${Cohort.label} {id: $cohortId}) MERGE (a)-[:${ON_COHORT.type}]->(c)`,
    { analysisId, cohortId },
  );
}
