// Writes a cohort's records into a store in dependency order (parents before children).
import type { GraphStore } from "../../graph-model/graph-store.js";
import type { CohortRecords } from "./demo-cohort.js";

export const COHORT_STEPS = 9;

export async function loadCohort(store: GraphStore, records: CohortRecords, onStep: (step: string) => void = () => {}): Promise<void> {
  const steps: Array<[string, () => Promise<unknown>]> = [
    ["collections", () => store.upsertCollections(records.collections)],
    ["patients", () => store.upsertPatients(records.patients)],
    ["studies", () => store.upsertStudies(records.studies)],
    ["series", () => store.upsertSeries(records.series)],
    ["lesions", () => store.upsertLesions(records.lesions)],
    ["genes", () => store.upsertGenes(records.genes)],
    ["pathways", () => store.upsertPathways(records.pathways)],
    ["expression", () => store.replaceExpression(records.expression)],
    ["mutations", () => store.upsertMutations(records.mutations)],
  ];
  for (const [name, write] of steps) {
    await write();
    onStep(name);
  }
}
