// A prepared survival analysis as a job for the distributed engine. PENALISED_COX is one task per step of its
// nested penalised Cox CV (each outer fold, and penalisedCoxCv on all rows: compute/models/survival
// nestedCoxCvStep): a step stores its result with its LoadMarker `survival-cv:<id>:<step>` COMPLETE in one
// transaction, once (saveStepResult); the step that finds every marker COMPLETE reads them back, assembles
// the nested CV and runs the rest of the analysis (Uno C, PH test, links) as the in-process job does, saving
// the SurvivalAnalysis once (saveSurvivalAnalysisOnce, under the lock of `survival:<id>`). The other kinds have
// no independent parts: one task ("fit") that fits and saves once. Same id, values and provenance as survival-job.ts.
import { assembleNestedCoxCv, nestedCoxCvStepKeys, type NestedCoxCvStepResult } from "../../compute/models/survival/index.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import type { JobDefinition } from "../jobs/job.js";
import { decodeStep, encodeStep } from "./cv-step-codec.js";
import type { ModelRunners } from "./model-runners.js";
import type { PreparedSurvivalAnalysis } from "./survival-service.js";

export function survivalStepPrefix(analysisId: string): string {
  return `survival-cv:${analysisId}:`;
}

/** `runnersFor(signal)`: where a step runs (the model pool, stopped with the task's signal). */
export function survivalCvJob(store: GraphStore, prepared: PreparedSurvivalAnalysis, runnersFor: (signal?: AbortSignal) => Pick<ModelRunners, "nestedCoxCvStep">, now: () => Date = () => new Date()): JobDefinition<string> {
  const cv = prepared.cv;
  const steps = cv ? nestedCoxCvStepKeys(cv.options) : ["fit"];
  return {
    id: prepared.id,
    name: cv ? `${prepared.name} (one task per cross-validation step)` : prepared.name,
    items: prepared.stored ? [] : steps,
    keyOf: (item) => item,
    async handle(step, { signal }) {
      if (!cv) return void (await prepared.run(undefined, true));
      if ((await store.survivalAnalysesByIds([prepared.id])).length) return;
      const result = await runnersFor(signal).nestedCoxCvStep(cv.X, cv.data, cv.options, step);
      signal.throwIfAborted();
      const prefix = survivalStepPrefix(prepared.id);
      await store.saveStepResult(`${prefix}${step}`, encodeStep(result), now().toISOString());
      if ((await store.completeStepMarkers(prefix)) < steps.length) return;
      const stored = await store.stepResults(prefix);
      const results = new Map([...stored].map(([key, value]) => [key, decodeStep(value) as NestedCoxCvStepResult]));
      await prepared.run(assembleNestedCoxCv(cv.X, cv.data, cv.options, results), true);
    },
  };
}
