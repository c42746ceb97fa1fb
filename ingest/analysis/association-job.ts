// A feature ↔ gene / pathway association as a job of batches of tests, so the distributed engine spreads it
// over `worker` processes (one BullMQ task per batch) and in-process it runs on the JobRunner: every feature
// × a contiguous range of target rows per item. A batch writes its links (rho, p, n; q not yet) and its step
// marker in one transaction, once (a retried batch finds its marker COMPLETE and writes nothing); the batch
// that finds every marker of the split COMPLETE reads the analysis's p-values back, runs Benjamini–Hochberg
// once over all of them and writes q with the Analysis node (saveAnalysisOnce: two finishers write it once).
// Spearman per cell does not depend on the split (ranks are per row) and BH's q of a p-value depends only on
// the set of p-values, so the links, q-values and provenance are runAssociation's (association-service.ts).
// A batch that fails for good leaves the job PARTIAL and no Analysis node (its links keep q unset); running the
// same request again runs only the batches whose marker is not COMPLETE and then finishes.
import { benjaminiHochberg, spearmanMatrix } from "../../compute/stats/index.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import type * as M from "../../graph-model/model/records.js";
import type { FeatureService } from "../features/feature-service.js";
import type { JobDefinition } from "../jobs/job.js";
import { analysisRecordOf, linksOfCells, planAssociation, targetRows, withSavedCohort, type AssociationPlan } from "./association-plan.js";
import type { AssociationRequest } from "./association-request.js";

/** Tests (feature × target cells) per batch by default: RG_ASSOCIATION_BATCH_TESTS, else 100,000. */
export function defaultBatchTests(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.RG_ASSOCIATION_BATCH_TESTS);
  return Number.isInteger(value) && value > 0 ? value : 100_000;
}

export interface AssociationJobRequest extends AssociationRequest {
  /** Tests per batch (at least one target row per batch: a batch is every feature × whole target rows). */
  batchTests: number;
}

/** One item: target rows [from, to). */
export interface TestBatch {
  from: number;
  to: number;
}

export async function associationJob(store: GraphStore, features: FeatureService, input: AssociationJobRequest, now: () => Date = () => new Date()): Promise<JobDefinition<TestBatch>> {
  const planned = await planAssociation(store, features, await withSavedCohort(store, input));
  if ("stored" in planned) return { id: `association-${planned.stored.id}`, name: `Association ${planned.stored.id} (stored)`, items: [], keyOf: keyOf, handle: async () => undefined };
  const { plan } = planned;
  const batches = batchesOf(plan, input.batchTests);
  const rows = batches[0] ? batches[0].to - batches[0].from : 1;
  // The split is in the prefix: markers of another batch size never count towards this one.
  const prefix = `association:${plan.id}:rows${rows}:`;
  return {
    id: `association-${plan.id}`,
    name: `Association ${plan.id}: ${plan.featureKeys.length} features × ${plan.targets.keys.length} ${plan.targets.kind === "Gene" ? "genes" : "pathways"} in ${batches.length} batches`,
    items: batches,
    keyOf,
    handle: async (batch, { signal }) => {
      const result = spearmanMatrix(plan.featureValues, targetRows(plan.targets.values, batch.from, batch.to), { minN: plan.minPatients });
      signal.throwIfAborted();
      await store.saveCorrelationStep(`${prefix}${keyOf(batch)}`, linksOfCells(plan, result, null, batch.from, batch.to), now().toISOString());
      if ((await store.completeStepMarkers(prefix)) >= batches.length) await finish(store, plan, now);
    },
  };
}

function keyOf(batch: TestBatch): string {
  return `${batch.from}-${batch.to}`;
}

/** Contiguous ranges of whole target rows holding about `tests` cells each. */
function batchesOf(plan: AssociationPlan, tests: number): TestBatch[] {
  const targets = plan.targets.keys.length;
  const rows = Math.max(1, Math.floor(tests / Math.max(1, plan.featureKeys.length)));
  const batches: TestBatch[] = [];
  for (let from = 0; from < targets; from += rows) batches.push({ from, to: Math.min(targets, from + rows) });
  return batches;
}

/** BH once over every p-value the batches wrote, then the links' q with the Analysis node. */
async function finish(store: GraphStore, plan: AssociationPlan, now: () => Date): Promise<void> {
  const stored = await store.correlationLinks({ analysisId: plan.id, targetKind: plan.targets.kind, first: Number.MAX_SAFE_INTEGER });
  const { q } = benjaminiHochberg(stored.map((link) => link.p ?? Number.NaN));
  const links: M.CorrelationRecord[] = stored.map((link, i) => ({ featureKey: link.featureKey, targetKind: plan.targets.kind, targetKey: link.targetKey, analysisId: plan.id, rho: link.rho, p: link.p, q: q[i]!, n: link.n }));
  const at = now().toISOString();
  await store.saveAnalysisOnce(analysisRecordOf(plan, links.length, at), links, at);
}
