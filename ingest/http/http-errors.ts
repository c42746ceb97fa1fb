// The typed errors an HttpClient throws once it gives up. All carry UpstreamFailureDetails so
// callers and logs can see which upstream, which path, which status and how many attempts.

import {
  NotFoundError,
  PlatformError,
  UpstreamUnavailableError,
  type ErrorCode,
} from "../../compute/errors.js";

export interface UpstreamFailureDetails {
  upstream: string;
  method: string;
  /** Full URL without the query string. */
  url: string;
  path: string;
  attempts: number;
  status?: number;
  /** Node/axios error code of a network failure, e.g. ECONNRESET. */
  networkCode?: string;
  /** The upstream's own JSON error message. */
  upstreamMessage?: string;
  /** Readable text of the error body (HTML stripped, shortened). */
  bodyExcerpt?: string;
  /** Rate limit: the wait the upstream asked for, ms. */
  retryAfterMs?: number;
}

type Details = Record<string, unknown> & UpstreamFailureDetails;

function withoutUndefined(details: UpstreamFailureDetails): Details {
  return Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined)) as Details;
}

/** 5xx, 429, network errors and timeouts that outlasted the retries (code UPSTREAM_UNAVAILABLE). */
export class UpstreamHttpUnavailableError extends UpstreamUnavailableError {
  declare readonly details: Details;
  constructor(message: string, details: UpstreamFailureDetails) {
    super(message, withoutUndefined(details));
  }
}

/** A 2xx whose body is truncated or not the JSON it claims to be (code UPSTREAM_UNAVAILABLE). */
export class UpstreamInvalidResponseError extends UpstreamHttpUnavailableError {}

/** HTTP 404 (code NOT_FOUND; `instanceof NotFoundError` holds). */
export class UpstreamNotFoundError extends NotFoundError {
  declare readonly details: Details;
  constructor(message: string, details: UpstreamFailureDetails) {
    super(`${details.upstream} resource`, details.path);
    this.message = message;
    Object.assign(this.details, withoutUndefined(details));
  }
}

/**
 * Another 4xx: the upstream refused the request as sent. Code BAD_USER_INPUT (400, 409, 422 …),
 * UNAUTHENTICATED (401) or FORBIDDEN (403). Never retried.
 */
export class UpstreamRequestRejectedError extends PlatformError {
  declare readonly details: Details;
  constructor(message: string, details: UpstreamFailureDetails) {
    super(codeForRejection(details.status), message, withoutUndefined(details));
  }
}

function codeForRejection(status: number | undefined): ErrorCode {
  if (status === 401) return "UNAUTHENTICATED";
  if (status === 403) return "FORBIDDEN";
  return "BAD_USER_INPUT";
}
