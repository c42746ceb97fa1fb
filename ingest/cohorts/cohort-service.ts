// Cohorts a researcher builds from the cross-modal patient filter: a preview that counts each criterion
// alone (which one empties the cohort?), and saved cohorts whose membership is fixed when saved.
import { randomUUID } from "node:crypto";
import { BadUserInputError } from "../../compute/errors.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import type * as M from "../../graph-model/model/records.js";
import type { Page, PatientFilter } from "../../graph-model/patient-filter.js";
import { filterCriteria } from "../../graph-model/patient-filter-criteria.js";
import { platformVersion } from "./platform-version.js";

export interface CriterionCount {
  /** The filter field (or gene / threshold) counted, e.g. "collectionIds", "mutatedGenes[EGFR]". */
  name: string;
  /** The criterion alone, as a filter. */
  filter: PatientFilter;
  /** Patients matching this criterion alone. */
  matching: number;
}

export interface CohortPreview {
  criteria: CriterionCount[];
  /** The first page of patients matching every criterion; its totalCount is the cohort's size. */
  page: Page<M.Patient>;
}

export interface SaveCohortRequest {
  name: string;
  filter: PatientFilter;
  description?: string | null;
}

const MAX_NAME = 200;

export class CohortService {
  constructor(
    private readonly store: GraphStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async preview(filter: PatientFilter, first: number): Promise<CohortPreview> {
    const page = await this.store.patients(filter, { first });
    const criteria = await Promise.all(filterCriteria(filter).map(async (c) => ({ ...c, matching: await this.store.countPatients(c.filter) })));
    return { criteria, page };
  }

  async save(request: SaveCohortRequest): Promise<M.Cohort> {
    const name = request.name.trim();
    if (!name) throw new BadUserInputError("a cohort needs a name");
    if (name.length > MAX_NAME) throw new BadUserInputError(`a cohort name has at most ${MAX_NAME} characters`);
    const filter = plain(request.filter);
    return this.store.saveCohort(
      { id: `cohort-${randomUUID()}`, name, description: request.description?.trim() || null, filter, createdAt: this.now().toISOString(), platformVersion: platformVersion() },
      filter,
    );
  }
}

/** The filter as plain JSON data (GraphQL input objects are class instances), without unset fields. */
function plain(filter: PatientFilter): PatientFilter {
  return JSON.parse(JSON.stringify(filter)) as PatientFilter;
}
