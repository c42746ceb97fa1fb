// A harmonisation as a job: the request is checked and its id computed first (a refusal stores
// nothing and starts no job); the one item runs ComBat and saves. A stored answer is a job with no items.
import type { GraphStore } from "../../graph-model/graph-store.js";
import type { JobDefinition } from "../jobs/job.js";
import type { HarmonisationRequest } from "./harmonisation-request.js";
import { HarmonisationService } from "./harmonisation-service.js";
import type { CombatRunner } from "./model-runners.js";

/** `runner`: where ComBat runs (the model worker pool on a server, inline by default). */
export async function harmonisationJob(store: GraphStore, runner: CombatRunner | undefined, request: HarmonisationRequest): Promise<JobDefinition<string>> {
  const prepared = await new HarmonisationService(store, undefined, runner).prepare(request);
  return {
    id: prepared.id,
    name: `Harmonise ${request.name} (${request.batch.by}, ${prepared.patients} patients × ${prepared.features} features)`,
    items: prepared.stored ? [] : [prepared.id],
    keyOf: (key: string) => key,
    handle: async () => void (await prepared.run()),
  };
}
