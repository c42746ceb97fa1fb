// A harmonisation as a job: the request is checked and its id computed first (a refusal stores
// nothing and starts no job); the one item runs ComBat and saves. A stored answer is a job with no items.
// ComBat is one fit over the whole cohort (no independent parts): on the distributed engine it is one task,
// so every instance sees it and can cancel it; the item's signal stops the fit (its pool thread is ended).
import type { GraphStore } from "../../graph-model/graph-store.js";
import type { JobDefinition } from "../jobs/job.js";
import type { HarmonisationRequest } from "./harmonisation-request.js";
import { HarmonisationService } from "./harmonisation-service.js";
import type { CombatRunner } from "./model-runners.js";

/** `runnerFor(signal)`: where ComBat runs (the model worker pool on a server, stopped with the signal; inline by default). */
export async function harmonisationJob(store: GraphStore, runnerFor: ((signal?: AbortSignal) => CombatRunner) | undefined, request: HarmonisationRequest): Promise<JobDefinition<string>> {
  let signal: AbortSignal | undefined;
  const runner: CombatRunner | undefined = runnerFor && ((...a) => runnerFor(signal)(...a));
  const prepared = await new HarmonisationService(store, undefined, runner).prepare(request);
  return {
    id: prepared.id,
    name: `Harmonise ${request.name} (${request.batch.by}, ${prepared.patients} patients × ${prepared.features} features)`,
    items: prepared.stored ? [] : [prepared.id],
    keyOf: (key: string) => key,
    handle: async (_key, context) => {
      signal = context.signal;
      await prepared.run();
    },
  };
}
