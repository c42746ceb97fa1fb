// A prepared survival analysis as a job: one item ("fit") that fits and saves, so a client polls
// job(id) and then reads survivalAnalysis(id) with the same id. A stored answer is a job with no
// items (it succeeds at once); the same question while its job runs gets that job (job-kinds.ts).
import type { JobDefinition } from "../jobs/job.js";
import type { PreparedSurvivalAnalysis } from "./survival-service.js";

export function survivalJob(prepared: PreparedSurvivalAnalysis): JobDefinition<string> {
  return {
    id: prepared.id,
    name: prepared.name,
    items: prepared.stored ? [] : ["fit"],
    keyOf: (item) => item,
    handle: async () => void (await prepared.run()),
  };
}
