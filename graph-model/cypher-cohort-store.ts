// The cohort part of CypherGraphStore: saving a cohort with its members as they match now, reading
// cohorts, their members and image series, deleting them. Internal to graph-model.
import { BadUserInputError } from "../compute/errors.js";
import * as N from "./model/nodes.js";
import type * as M from "./model/records.js";
import type { CypherExecutor } from "./cypher-executor.js";
import type { PatientFilter } from "./patient-filter.js";
import * as cohortCypher from "./cypher/cohort.cypher.js";
import * as nodeCypher from "./cypher/node.cypher.js";
import * as patientCypher from "./cypher/patient-filter.cypher.js";
import type { Row } from "./cypher/query.js";
import { validateRecords } from "./validate-record.js";

const MEMBER_BATCH = 5_000;

export class CypherCohortStore {
  constructor(private readonly executor: CypherExecutor) {}

  async matchingPatientIds(filter: PatientFilter): Promise<string[]> {
    return (await this.executor.read(patientCypher.matchingPatientIds(filter, this.executor.dialect))).map((row) => row.id as string);
  }

  /** The cohort node and one INCLUDES edge per matching patient, in one transaction; none match: nothing stored. */
  async save(cohort: Omit<M.CohortRecord, "patientCount">, filter: PatientFilter): Promise<M.Cohort> {
    const memberIds = await this.matchingPatientIds(filter);
    if (!memberIds.length) throw new BadUserInputError(`no patient matches the filter of cohort '${cohort.name ?? cohort.id}'; an empty cohort is not saved`);
    const record: M.CohortRecord = { ...cohort, patientCount: memberIds.length };
    validateRecords(N.Cohort, [record]);
    const d = this.executor.dialect;
    await this.executor.write(async (tx) => {
      await tx.run(nodeCypher.upsertNodes(N.Cohort, d, nodeCypher.encodeRows(N.Cohort, d, [record])));
      for (let i = 0; i < memberIds.length; i += MEMBER_BATCH) await tx.run(cohortCypher.addCohortMembers(record.id, memberIds.slice(i, i + MEMBER_BATCH)));
    });
    return (await this.byIds([record.id]))[0]!;
  }

  async all(): Promise<M.Cohort[]> {
    return (await this.executor.read(cohortCypher.allCohorts())).map((row) => this.decode(row));
  }

  async byIds(ids: readonly string[]): Promise<M.Cohort[]> {
    if (!ids.length) return [];
    return (await this.executor.read(nodeCypher.nodesByKeys(N.Cohort, ids))).map((row) => this.decode(row));
  }

  async memberIds(cohortIds: readonly string[]): Promise<Map<string, string[]>> {
    const members = new Map<string, string[]>();
    if (!cohortIds.length) return members;
    for (const row of await this.executor.read(cohortCypher.cohortMemberIds(cohortIds))) {
      const list = members.get(row.cohortId as string);
      if (list) list.push(row.patientId as string);
      else members.set(row.cohortId as string, [row.patientId as string]);
    }
    return members;
  }

  async series(cohortIds: readonly string[]): Promise<Map<string, M.CohortSeries[]>> {
    const out = new Map<string, M.CohortSeries[]>();
    if (!cohortIds.length) return out;
    for (const row of await this.executor.read(cohortCypher.seriesOfCohorts(cohortIds))) {
      const series: M.CohortSeries = {
        collectionId: (row.collectionId as string | null) ?? null, patientId: row.patientId as string, studyUid: row.studyUid as string,
        seriesUid: row.seriesUid as string, modality: (row.modality as string | null) ?? null, retrieveUrl: (row.retrieveUrl as string | null) ?? null,
      };
      const list = out.get(row.cohortId as string);
      if (list) list.push(series);
      else out.set(row.cohortId as string, [series]);
    }
    return out;
  }

  /** True when the cohort existed; its membership edges and analysis links go with it, the patients stay. */
  async delete(id: string): Promise<boolean> {
    if (!(await this.byIds([id])).length) return false;
    await this.executor.deleteMatched(cohortCypher.matchCohort(id), "n", true);
    return true;
  }

  private decode(row: Row): M.Cohort {
    const out: Record<string, unknown> = {};
    for (const [name, property] of Object.entries(N.Cohort.properties)) out[name] = this.executor.dialect.decode(property.kind, row[name]);
    return out as M.Cohort;
  }
}
