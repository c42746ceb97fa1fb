// A signature fit as a job of cross-validation steps, so the distributed engine spreads it over `worker`
// processes (one BullMQ task per step): for each class fitted, every outer fold of every repeat, every label
// permutation and the final refit (compute/models/logistic nestedCvStep). A step stores its result (the
// fold's model, λ choice and held-out scores) with its LoadMarker `signature-cv:<sig id>:<step>` COMPLETE in
// one transaction, once (saveStepResult: a retried step writes nothing). The step that finds every marker of
// its class COMPLETE reads them back, assembles the nested-CV result (pooled AUC, CI, permutation p, selection
// frequencies) and stores the Signature once (saveSignatureOnce, under the lock of `signature:<id>`), before
// its task settles. Each step derives its split and seeds from the request alone, so the Signature (id,
// values, params, provenance) is the one the in-process job (signature-fit-job.ts) stores for the same request.
import type { NestedCvStepResult } from "../../compute/models/logistic/index.js";
import { assembleNestedCv, checkNestedCv, nestedCvStepKeys } from "../../compute/models/logistic/index.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import type { JobDefinition } from "../jobs/job.js";
import { decodeStep, encodeStep } from "./cv-step-codec.js";
import type { ModelRunners } from "./model-runners.js";
import { signatureFitJobId } from "./signature-fit-job.js";
import type { SignatureRequest } from "./signature-request.js";
import type { ClassFit, SignatureService } from "./signature-service.js";

export interface SignatureStepItem {
  key: string;
  positiveClass?: string;
  step?: string;
  error?: unknown;
}

/** The step markers of a signature's cross-validation. */
export function signatureStepPrefix(signatureId: string): string {
  return `signature-cv:${signatureId}:`;
}

/** `runnersFor(signal)`: where a step runs (the model pool, stopped with the task's signal; inline without one). */
export function signatureCvJob(store: GraphStore, service: SignatureService, runnersFor: (signal?: AbortSignal) => Pick<ModelRunners, "nestedCvStep">, request: SignatureRequest, now: () => Date = () => new Date()): JobDefinition<SignatureStepItem> {
  let planned: Promise<ClassFit[]> | undefined;
  const fits = () => (planned ??= service.classFits(request));
  return {
    id: signatureFitJobId(request),
    name: `Fit signature of ${request.target} (one task per cross-validation step)`,
    items: (async function* () {
      let classes: ClassFit[];
      try {
        classes = await fits();
        // Folds the smaller class cannot fill fail here once, not in every step's task.
        for (const fit of classes) if (!fit.stored) checkNestedCv(fit.X, fit.y, fit.options);
      } catch (error) {
        yield { key: "plan", error }; // the item's handler rethrows it: the job's FAILED item carries its code
        return;
      }
      for (const fit of classes) for (const step of nestedCvStepKeys(fit.options)) yield { key: `class:${fit.positiveClass}:${step}`, positiveClass: fit.positiveClass, step };
    })(),
    keyOf: (item) => item.key,
    async handle(item, { signal }) {
      if (item.error) throw item.error;
      const fit = (await fits()).find((f) => f.positiveClass === item.positiveClass)!;
      if (fit.stored || (await store.signaturesByIds([fit.id])).length) return;
      const result = await runnersFor(signal).nestedCvStep(fit.X, fit.y, fit.options, item.step!);
      signal.throwIfAborted();
      const prefix = signatureStepPrefix(fit.id);
      await store.saveStepResult(`${prefix}${item.step}`, encodeStep(result), now().toISOString());
      if ((await store.completeStepMarkers(prefix)) < nestedCvStepKeys(fit.options).length) return;
      const stored = await store.stepResults(prefix);
      const results = new Map([...stored].map(([step, value]) => [step, decodeStep(value) as NestedCvStepResult]));
      await fit.save(assembleNestedCv(fit.X, fit.y, fit.options, results), true);
    },
  };
}
