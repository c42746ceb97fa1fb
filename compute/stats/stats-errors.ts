// Typed errors and typed "undefined result" reasons of the statistics engine.
import { BadUserInputError, PlatformError } from "../errors.js";

/** Input the statistics engine cannot use (shape mismatch, p-value outside [0, 1], bad option). */
export class StatsInputError extends BadUserInputError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, details);
  }
}

/** A numerical routine failed to converge: a bug or an extreme input, never silently NaN. */
export class StatsNumericalError extends PlatformError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super("INTERNAL", message, details);
  }
}

/**
 * Why a statistic is undefined. Results never carry a bare NaN: wherever a value is NaN, a reason
 * from this list says why.
 * - too-few-observations: fewer complete observations than the method needs (e.g. n < 3 for Spearman)
 * - constant-feature / constant-target: zero variance, so a correlation is undefined
 * - group-too-small: a Mann–Whitney group is below the minimum size
 * - all-values-tied: every observation is tied, so a rank test has no information
 * - missing-p-value: a p-value given to Benjamini–Hochberg was NaN
 * - no-usable-genes: a pathway has no member gene with usable expression
 * - no-variation: every score is equal, so a range normalisation is undefined
 * - set-covers-all-genes: an ssGSEA gene set holds every gene, so there is no "outside" walk
 */
export type UndefinedReason =
  | "too-few-observations"
  | "constant-feature"
  | "constant-target"
  | "group-too-small"
  | "all-values-tied"
  | "missing-p-value"
  | "no-usable-genes"
  | "no-variation"
  | "set-covers-all-genes";

/** A statistic that could not be computed, and why. */
export interface Undefined {
  readonly ok: false;
  readonly reason: UndefinedReason;
  readonly details?: Record<string, number>;
}

export function undefinedResult(reason: UndefinedReason, details?: Record<string, number>): Undefined {
  return details === undefined ? { ok: false, reason } : { ok: false, reason, details };
}
