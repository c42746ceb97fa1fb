// PatientFilter → a WHERE clause over `p:Patient` and its parameters.
import { Cohort, Gene, Lesion, Patient } from "../model/nodes.js";
import { EXPRESSES, HAS_MUTATION, INCLUDES } from "../model/relationships.js";
import type { ExpressionMeasure, PatientFilter } from "../patient-filter.js";
import type { Dialect } from "./dialect.js";
import { project } from "./node.cypher.js";
import { cypher, type CypherQuery } from "./query.js";

interface Clause {
  readonly text: string;
  readonly params: Record<string, unknown>;
}

const SERIES_OF_PATIENT = "(p)-[:HAS_STUDY]->(:Study)-[:HAS_SERIES]->(s:Series)";

function filterClauses(filter: PatientFilter, dialect: Dialect): Clause[] {
  const clauses: Clause[] = [];
  if (filter.ids) clauses.push({ text: "p.id IN $ids", params: { ids: filter.ids } });
  if (filter.collectionIds)
    clauses.push({
      text: "EXISTS { MATCH (p)-[:IN_COLLECTION]->(c:Collection) WHERE c.id IN $collectionIds }",
      params: { collectionIds: filter.collectionIds },
    });
  if (filter.modalities)
    clauses.push({ text: `EXISTS { MATCH ${SERIES_OF_PATIENT} WHERE s.modality IN $modalities }`, params: { modalities: filter.modalities } });
  if (filter.hasSegmentation !== undefined) {
    const exists = `EXISTS { MATCH ${SERIES_OF_PATIENT}-[:HAS_LESION]->(:Lesion) }`;
    clauses.push({ text: filter.hasSegmentation ? exists : `NOT ${exists}`, params: {} });
  }
  if (filter.sex !== undefined) clauses.push({ text: "lower(p.sex) = lower($sex)", params: { sex: filter.sex } });
  if (filter.vitalStatus !== undefined)
    clauses.push({ text: "lower(p.vitalStatus) = lower($vitalStatus)", params: { vitalStatus: filter.vitalStatus } });
  if (filter.minAgeYears !== undefined)
    clauses.push({
      text: `p.ageAtDiagnosisYears >= ${dialect.read("float", "$minAgeYears")}`,
      params: { minAgeYears: dialect.encode("float", filter.minAgeYears) },
    });
  if (filter.maxAgeYears !== undefined)
    clauses.push({
      text: `p.ageAtDiagnosisYears <= ${dialect.read("float", "$maxAgeYears")}`,
      params: { maxAgeYears: dialect.encode("float", filter.maxAgeYears) },
    });
  return [...clauses, ...crossModalClauses(filter, dialect)];
}

const lowered = (values: readonly string[]) => values.map((v) => v.toLowerCase());

/** Stored relationship property of each expression measure (names from the model, never from the user). */
const MEASURE_PROPERTY: Record<ExpressionMeasure, keyof typeof EXPRESSES.properties> = { log2TpmPlus1: "value", zScore: "z" };

const HAS_GENOMICS = `(EXISTS { MATCH (p)-[:${HAS_MUTATION.type}]->(:${Gene.label}) } OR EXISTS { MATCH (p)-[:${EXPRESSES.type}]->(:${Gene.label}) })`;

/** Stage, saved cohorts, acquisition (one series), mutation status and expression thresholds. */
function crossModalClauses(filter: PatientFilter, dialect: Dialect): Clause[] {
  const clauses: Clause[] = [];
  const float = (name: string) => dialect.read("float", `$${name}`);
  if (filter.stages) clauses.push({ text: "lower(p.stage) IN $stages", params: { stages: lowered(filter.stages) } });
  if (filter.cohortIds)
    clauses.push({ text: `EXISTS { MATCH (c:${Cohort.label})-[:${INCLUDES.type}]->(p) WHERE c.id IN $cohortIds }`, params: { cohortIds: filter.cohortIds } });
  const series: Clause[] = [];
  if (filter.minSliceThicknessMm !== undefined)
    series.push({ text: `s.sliceThickness >= ${float("minSliceThicknessMm")}`, params: { minSliceThicknessMm: dialect.encode("float", filter.minSliceThicknessMm) } });
  if (filter.maxSliceThicknessMm !== undefined)
    series.push({ text: `s.sliceThickness <= ${float("maxSliceThicknessMm")}`, params: { maxSliceThicknessMm: dialect.encode("float", filter.maxSliceThicknessMm) } });
  if (filter.convolutionKernels) series.push({ text: "lower(s.convolutionKernel) IN $kernels", params: { kernels: lowered(filter.convolutionKernels) } });
  if (filter.manufacturers) series.push({ text: "lower(s.manufacturer) IN $manufacturers", params: { manufacturers: lowered(filter.manufacturers) } });
  if (series.length) {
    const w = where(series);
    clauses.push({ text: `EXISTS { MATCH ${SERIES_OF_PATIENT} ${w.text} }`, params: w.params });
  }
  (filter.mutatedGenes ?? []).forEach((gene, i) =>
    clauses.push({ text: `EXISTS { MATCH (p)-[:${HAS_MUTATION.type}]->(g:${Gene.label}) WHERE g.symbol = $mutated${i} }`, params: { [`mutated${i}`]: gene } }),
  );
  if (filter.wildTypeGenes)
    clauses.push({
      text: `NOT EXISTS { MATCH (p)-[:${HAS_MUTATION.type}]->(g:${Gene.label}) WHERE g.symbol IN $wildTypeGenes } AND ${HAS_GENOMICS}`,
      params: { wildTypeGenes: filter.wildTypeGenes },
    });
  (filter.expression ?? []).forEach((t, i) => {
    const property = `e.${MEASURE_PROPERTY[t.measure]}`;
    const bounds: Clause[] = [{ text: `g.symbol = $exprGene${i}`, params: { [`exprGene${i}`]: t.gene } }];
    if (t.min !== undefined) bounds.push({ text: `${property} >= ${float(`exprMin${i}`)}`, params: { [`exprMin${i}`]: dialect.encode("float", t.min) } });
    if (t.max !== undefined) bounds.push({ text: `${property} <= ${float(`exprMax${i}`)}`, params: { [`exprMax${i}`]: dialect.encode("float", t.max) } });
    const w = where(bounds);
    clauses.push({ text: `EXISTS { MATCH (p)-[e:${EXPRESSES.type}]->(g:${Gene.label}) ${w.text} }`, params: w.params });
  });
  return clauses;
}

function where(clauses: Clause[]): { text: string; params: Record<string, unknown> } {
  if (!clauses.length) return { text: "", params: {} };
  return { text: `WHERE ${clauses.map((c) => c.text).join(" AND ")}`, params: Object.assign({}, ...clauses.map((c) => c.params)) };
}

export function countPatients(filter: PatientFilter, dialect: Dialect): CypherQuery {
  const w = where(filterClauses(filter, dialect));
  return cypher(`MATCH (p:Patient) ${w.text} RETURN count(p) AS n`, w.params);
}

/** Barcodes of every patient matching the filter, in barcode order (a cohort's membership). */
export function matchingPatientIds(filter: PatientFilter, dialect: Dialect): CypherQuery {
  const w = where(filterClauses(filter, dialect));
  return cypher(`MATCH (p:Patient) ${w.text} RETURN p.id AS id ORDER BY id`, w.params);
}

/** One page in barcode order; asks for one more row than `limit` so the caller knows whether more follow. */
export function patientPage(filter: PatientFilter, dialect: Dialect, afterId: string | null, limit: number): CypherQuery {
  if (!Number.isSafeInteger(limit) || limit < 0) throw new RangeError(`page size must be a non-negative integer, got ${limit}`);
  const clauses = filterClauses(filter, dialect);
  if (afterId !== null) clauses.push({ text: "p.id > $afterId", params: { afterId } });
  const w = where(clauses);
  return cypher(`MATCH (p:Patient) ${w.text} RETURN ${project(Patient, "p")} ORDER BY p.id LIMIT ${limit + 1}`, w.params);
}

/** Every segmented lesion of the patients matching the filter, tagged with its patient. */
export function lesionsOfMatchingPatients(filter: PatientFilter, dialect: Dialect): CypherQuery {
  const w = where(filterClauses(filter, dialect));
  return cypher(
    `MATCH (p:Patient) ${w.text} MATCH (p)-[:HAS_STUDY]->(:Study)-[:HAS_SERIES]->(:Series)-[:HAS_LESION]->(l:Lesion)
     RETURN p.id AS patientId, ${project(Lesion, "l")} ORDER BY l.id`,
    w.params,
  );
}

/** Patients of the filter with whether they have imaging (a study) and genomics (expression or a mutation). */
export function patientLinkage(filter: PatientFilter, dialect: Dialect): CypherQuery {
  const w = where(filterClauses(filter, dialect));
  return cypher(
    `MATCH (p:Patient) ${w.text}
     RETURN p.id AS id,
            EXISTS { MATCH (p)-[:HAS_STUDY]->(:Study) } AS imaging,
            (EXISTS { MATCH (p)-[:EXPRESSES]->(:Gene) } OR EXISTS { MATCH (p)-[:HAS_MUTATION]->(:Gene) }) AS genomics
     ORDER BY id`,
    w.params,
  );
}
