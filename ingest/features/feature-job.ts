// A cohort's features as a job: one item per lesion of the patients matching a filter, computed
// (or found in the graph) by the FeatureService. The job id names the cohort and the settings, so
// running the same request again resumes it instead of starting over.
import { createHash } from "node:crypto";
import type { FeatureSettings } from "../../compute/features/settings.js";
import type { FeatureFamily } from "../../compute/features/types.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import type { PatientFilter } from "../../graph-model/patient-filter.js";
import { underItemSignal } from "../jobs/item-signal-deadline.js";
import type { JobDefinition } from "../jobs/job.js";
import type { FeatureService } from "./feature-service.js";
import { settingsKey } from "./feature-settings-key.js";

export interface CohortFeatureRequest {
  filter: PatientFilter;
  settings: FeatureSettings;
  families?: FeatureFamily[];
}

export async function cohortFeatureJob(store: GraphStore, features: FeatureService, request: CohortFeatureRequest): Promise<JobDefinition<string>> {
  const lesions = await store.lesionsOfPatients(request.filter);
  const cohortHash = createHash("sha256").update(JSON.stringify(request.filter)).update(JSON.stringify([...(request.families ?? [])].sort())).digest("hex").slice(0, 12);
  const settingsHash = settingsKey(request.settings).hash;
  return {
    id: `features-${cohortHash}-${settingsHash}`,
    name: `Radiomic features of ${lesions.length} lesions (settings ${settingsHash})`,
    items: lesions.map((l) => l.id),
    keyOf: (lesionId) => lesionId,
    // A cancelled job stops its lesions mid-computation (the pool task ends, nothing is written).
    handle: async (lesionId, { signal }) => {
      await underItemSignal(signal, () => features.featuresOf({ lesionId, settings: request.settings, families: request.families }));
    },
  };
}
