// Turns the last failed attempt into the typed error the caller sees, with a message a researcher
// can act on: upstream, method and path, status, attempts, and the upstream's own words.

import type { AttemptFailure } from "./attempt-failure.js";
import {
  UpstreamHttpUnavailableError,
  UpstreamInvalidResponseError,
  UpstreamNotFoundError,
  UpstreamRequestRejectedError,
  type UpstreamFailureDetails,
} from "./http-errors.js";

export interface RequestContext {
  upstream: string;
  method: string;
  url: string;
  path: string;
  attempts: number;
}

export type UpstreamError =
  | UpstreamHttpUnavailableError
  | UpstreamNotFoundError
  | UpstreamRequestRejectedError;

export function failureToError(failure: AttemptFailure, context: RequestContext): UpstreamError {
  const details: UpstreamFailureDetails = { ...context };
  const where = `${context.method} ${context.path}`;
  const tries = attemptsText(context.attempts);
  switch (failure.kind) {
    case "timeout":
      return new UpstreamHttpUnavailableError(
        `${context.upstream} did not answer ${where} within ${failure.timeoutMs} ms (${tries}). Try again later.`,
        details,
      );
    case "network":
      return new UpstreamHttpUnavailableError(
        `${context.upstream} could not be reached: ${where} failed with ${failure.code} (${tries}). ` +
          `Check the network and the service's status, then try again.`,
        { ...details, networkCode: failure.code },
      );
    case "invalid-body":
      return new UpstreamInvalidResponseError(
        `${context.upstream} sent an unreadable response to ${where} (HTTP ${failure.status}, ${failure.reason}; ${tries}). ` +
          `Try again later.`,
        { ...details, status: failure.status },
      );
    case "status":
      return statusToError(failure, context, details);
  }
}

function statusToError(
  failure: Extract<AttemptFailure, { kind: "status" }>,
  context: RequestContext,
  details: UpstreamFailureDetails,
): UpstreamError {
  const full: UpstreamFailureDetails = {
    ...details,
    status: failure.status,
    upstreamMessage: failure.body.upstreamMessage,
    bodyExcerpt: failure.body.excerpt,
    retryAfterMs: failure.retryAfterMs,
  };
  const where = `${context.method} ${context.path}`;
  const said = failure.body.upstreamMessage ?? failure.body.excerpt;
  const status = `HTTP ${failure.status}${failure.statusText ? ` ${failure.statusText}` : ""}`;
  if (failure.status === 404) {
    return new UpstreamNotFoundError(
      `${context.upstream}: ${said ?? "not found"} (${status} on ${where})`,
      full,
    );
  }
  if (failure.status >= 400 && failure.status < 500 && failure.status !== 429) {
    return new UpstreamRequestRejectedError(
      `${context.upstream} rejected ${where} with ${status}${said ? `: ${said}` : ""}`,
      full,
    );
  }
  return new UpstreamHttpUnavailableError(
    `${context.upstream} is unavailable: ${where} answered ${status} (${attemptsText(context.attempts)})` +
      `${said ? `: "${said}"` : ""}. Try again later.`,
    full,
  );
}

/** A 429/503 asked us to wait longer than the client's maxDelayMs: give up and say until when. */
export function retryAfterTooLongError(
  failure: Extract<AttemptFailure, { kind: "status" }>,
  context: RequestContext,
  retryAfterMs: number,
  maxDelayMs: number,
  nowMs: number,
): UpstreamHttpUnavailableError {
  const until = new Date(nowMs + retryAfterMs).toISOString();
  return new UpstreamHttpUnavailableError(
    `${context.upstream} is rate-limiting ${context.method} ${context.path} (HTTP ${failure.status}) and asked to wait ` +
      `${Math.ceil(retryAfterMs / 1000)} s, longer than the ${Math.ceil(maxDelayMs / 1000)} s this client waits ` +
      `(${attemptsText(context.attempts)}). Try again after ${until}.`,
    {
      ...context,
      status: failure.status,
      retryAfterMs,
      upstreamMessage: failure.body.upstreamMessage,
      bodyExcerpt: failure.body.excerpt,
    },
  );
}

function attemptsText(attempts: number): string {
  return attempts === 1 ? "1 attempt" : `${attempts} attempts`;
}
