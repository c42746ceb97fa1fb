// The CPU-heavy model fits as injected async runners, each with its compute function's own signature.
// The inline runners (default) run on the calling thread; ModelWorkerPool.runners runs them on workers.
import { nestedCrossValidatedLogistic } from "../../compute/models/logistic/index.js";
import { combinedCoxModels, nestedPenalisedCoxCv, penalisedCoxCv, univariateCox } from "../../compute/models/survival/index.js";
import { combat } from "../../compute/harmonisation/index.js";

type Runner<F extends (...a: never[]) => unknown> = (...a: Parameters<F>) => Promise<ReturnType<F>>;
export type NestedLogisticRunner = Runner<typeof nestedCrossValidatedLogistic>;
export type UnivariateCoxRunner = Runner<typeof univariateCox>;
export type PenalisedCoxCvRunner = Runner<typeof penalisedCoxCv>;
export type NestedPenalisedCoxCvRunner = Runner<typeof nestedPenalisedCoxCv>;
export type CombinedCoxModelsRunner = Runner<typeof combinedCoxModels>;
export type CombatRunner = Runner<typeof combat>;

/** One async function per fit (what services take and RequestContext.models holds). */
export interface ModelRunners {
  nestedCrossValidatedLogistic: NestedLogisticRunner;
  univariateCox: UnivariateCoxRunner;
  penalisedCoxCv: PenalisedCoxCvRunner;
  nestedPenalisedCoxCv: NestedPenalisedCoxCvRunner;
  combinedCoxModels: CombinedCoxModelsRunner;
  combat: CombatRunner;
}

/** The compute functions by name: what a worker calls, and the inline runners wrap. */
export const MODEL_FITS = { nestedCrossValidatedLogistic, univariateCox, penalisedCoxCv, nestedPenalisedCoxCv, combinedCoxModels, combat } as const;
export type ModelFitName = keyof typeof MODEL_FITS;

/** The fits on the calling thread (no pool: tests, CLI one-offs). */
export const inlineModelRunners: ModelRunners = {
  nestedCrossValidatedLogistic: async (...a) => nestedCrossValidatedLogistic(...a),
  univariateCox: async (...a) => univariateCox(...a),
  penalisedCoxCv: async (...a) => penalisedCoxCv(...a),
  nestedPenalisedCoxCv: async (...a) => nestedPenalisedCoxCv(...a),
  combinedCoxModels: async (...a) => combinedCoxModels(...a),
  combat: async (...a) => combat(...a),
};
