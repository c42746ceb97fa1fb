// Feature ↔ gene / pathway association for a cohort: computes the features that are missing, builds
// the patient × feature and patient × target matrices, runs Spearman with BH q-values (compute/stats),
// and stores an Analysis with its CORRELATES_WITH links and full provenance. The same question twice
// (same cohort, settings, targets and data) is answered from the graph. The plan (matrices, ids, links,
// provenance) is association-plan.ts, shared with the job that runs the tests in batches (association-job.ts).
import { currentDeadline } from "../../compute/request-deadline.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import type * as M from "../../graph-model/model/records.js";
import type { FeatureService } from "../features/feature-service.js";
import type { AssociationRequest } from "./association-request.js";
import { analysisRecordOf, linksOfCells, planAssociation, withSavedCohort } from "./association-plan.js";
import { inlineSpearmanWithQ, type SpearmanWithQRunner } from "./association-runner.js";
import { MutationAssociationService } from "./mutation-association-service.js";

export class AssociationService {
  private readonly mutations: MutationAssociationService;

  constructor(
    private readonly store: GraphStore,
    private readonly features: FeatureService,
    private readonly now: () => Date = () => new Date(),
    /** Spearman + BH; AssociationWorkerPool.runner() runs it over worker threads. */
    private readonly spearmanWithQ: SpearmanWithQRunner = inlineSpearmanWithQ,
  ) {
    this.mutations = new MutationAssociationService(store, features, now);
  }

  async run(input: AssociationRequest): Promise<M.Analysis> {
    const request = await withSavedCohort(this.store, input);
    if (request.targets === "MUTATIONS") return this.mutations.run(request);
    const planned = await planAssociation(this.store, this.features, request);
    if ("stored" in planned) return planned.stored;
    const { plan } = planned;
    // The request's deadline (or the client going away) terminates the workers' tasks.
    const signal = currentDeadline()?.signal;
    const { result, bh } = await this.spearmanWithQ(plan.featureValues, plan.targets.values, { minN: plan.minPatients, ...(signal ? { signal } : {}) });
    const links = linksOfCells(plan, result, bh.q, 0, plan.targets.keys.length);
    await this.store.saveAnalysis(analysisRecordOf(plan, links.length, this.now().toISOString()), links);
    return (await this.store.analysisById(plan.id))!;
  }
}
