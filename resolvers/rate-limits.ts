// Per-caller rate limits: each API key (or, for anonymous callers, each IP address) has a budget of
// points per window; a read costs 1 point, a mutation or an operation that computes (Lesion.features,
// runAssociation, …) costs more. Over budget: HTTP 429, Retry-After and the RATE_LIMITED code.
import { Kind, visit, type DocumentNode, type OperationDefinitionNode } from "graphql";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { BadUserInputError, RateLimitedError } from "../compute/errors.js";
import type { RequestContext } from "./context.js";
import { COMPUTE_FIELD_COST } from "./query-limits.js";

export interface RateLimits {
  /** Points per caller per window; 0 switches rate limiting off (env RG_RATE_LIMIT_POINTS). */
  points: number;
  /** The window, in seconds (env RG_RATE_LIMIT_WINDOW_S). */
  windowSeconds: number;
  /** Points a mutation or computing operation costs (env RG_RATE_LIMIT_COMPUTE_POINTS). */
  computePoints: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { points: 600, windowSeconds: 60, computePoints: 20 };

/** Points one operation costs: computePoints when it mutates or selects a computing field, else 1. */
export function operationPoints(document: DocumentNode, operation: OperationDefinitionNode | undefined, limits: RateLimits): number {
  if (operation?.operation === "mutation") return limits.computePoints;
  let computes = false;
  visit(document, { [Kind.FIELD]: (field) => void (computes ||= field.name.value in COMPUTE_FIELD_COST) });
  return computes ? limits.computePoints : 1;
}

export class RateLimiter {
  private readonly limiter: RateLimiterMemory;

  constructor(readonly limits: RateLimits) {
    if (limits.points > 0 && !(limits.windowSeconds > 0 && limits.computePoints >= 1 && limits.computePoints <= limits.points))
      throw new BadUserInputError("rate limits: RG_RATE_LIMIT_WINDOW_S must be positive and RG_RATE_LIMIT_COMPUTE_POINTS between 1 and RG_RATE_LIMIT_POINTS");
    this.limiter = new RateLimiterMemory({ points: Math.max(1, limits.points), duration: limits.windowSeconds });
  }

  /** Takes the points from the caller's budget, or throws RATE_LIMITED saying when to retry. */
  async consume(caller: string, points: number): Promise<void> {
    if (this.limits.points <= 0) return;
    try {
      await this.limiter.consume(caller, points);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      const { points: budget, windowSeconds } = this.limits;
      throw new RateLimitedError(
        `rate limit exceeded for ${caller.startsWith("key:") ? `API key ${caller.slice(4)}` : `address ${caller.slice(3)}`}: ${budget} points per ${windowSeconds} s, this operation costs ${points}; retry after ${retryAfter} s, or ask the operator to raise RG_RATE_LIMIT_POINTS`,
        retryAfter,
      );
    }
  }
}

/** Who pays: a valid API key's id, else the caller's address (so made-up keys do not buy new budgets). */
export function rateLimitCaller(context: RequestContext): string {
  let key;
  try {
    key = context.authority.caller();
  } catch {
    key = undefined;
  }
  return key?.id ? `key:${key.id}` : `ip:${context.clientIp ?? "unknown"}`;
}
