// The CPU-heavy model fits as injected async runners, each with its compute function's own signature.
// The inline runners (default) run on the calling thread; ModelWorkerPool.runners runs them on workers.
import { nestedCrossValidatedLogistic, nestedCvStep } from "../../compute/models/logistic/index.js";
import { combinedCoxModels, nestedCoxCvStep, nestedPenalisedCoxCv, penalisedCoxCv, univariateCox } from "../../compute/models/survival/index.js";
import { combat } from "../../compute/harmonisation/index.js";

type Runner<F extends (...a: never[]) => unknown> = (...a: Parameters<F>) => Promise<ReturnType<F>>;
export type NestedLogisticRunner = Runner<typeof nestedCrossValidatedLogistic>;
export type UnivariateCoxRunner = Runner<typeof univariateCox>;
export type PenalisedCoxCvRunner = Runner<typeof penalisedCoxCv>;
export type NestedPenalisedCoxCvRunner = Runner<typeof nestedPenalisedCoxCv>;
export type CombinedCoxModelsRunner = Runner<typeof combinedCoxModels>;
export type CombatRunner = Runner<typeof combat>;
export type NestedCvStepRunner = Runner<typeof nestedCvStep>;
export type NestedCoxCvStepRunner = Runner<typeof nestedCoxCvStep>;

/** One async function per fit (what services take and RequestContext.models holds). */
export interface ModelRunners {
  nestedCrossValidatedLogistic: NestedLogisticRunner;
  univariateCox: UnivariateCoxRunner;
  penalisedCoxCv: PenalisedCoxCvRunner;
  nestedPenalisedCoxCv: NestedPenalisedCoxCvRunner;
  combinedCoxModels: CombinedCoxModelsRunner;
  combat: CombatRunner;
  /** One step of a nested-CV logistic fit (a distributed signature fit's task). */
  nestedCvStep: NestedCvStepRunner;
  /** One step of a nested penalised Cox CV (a distributed survival analysis's task). */
  nestedCoxCvStep: NestedCoxCvStepRunner;
}

/** The compute functions by name: what a worker calls, and the inline runners wrap. */
export const MODEL_FITS = { nestedCrossValidatedLogistic, univariateCox, penalisedCoxCv, nestedPenalisedCoxCv, combinedCoxModels, combat, nestedCvStep, nestedCoxCvStep } as const;
export type ModelFitName = keyof typeof MODEL_FITS;

/** The fits on the calling thread (no pool: tests, CLI one-offs). */
export const inlineModelRunners: ModelRunners = {
  nestedCrossValidatedLogistic: async (...a) => nestedCrossValidatedLogistic(...a),
  univariateCox: async (...a) => univariateCox(...a),
  penalisedCoxCv: async (...a) => penalisedCoxCv(...a),
  nestedPenalisedCoxCv: async (...a) => nestedPenalisedCoxCv(...a),
  combinedCoxModels: async (...a) => combinedCoxModels(...a),
  combat: async (...a) => combat(...a),
  nestedCvStep: async (...a) => nestedCvStep(...a),
  nestedCoxCvStep: async (...a) => nestedCoxCvStep(...a),
};
