// What went wrong in one HTTP attempt, and whether that kind of failure deserves another attempt.

import type { ErrorBodySummary } from "./error-body.js";

export type AttemptFailure =
  | { kind: "status"; status: number; statusText: string; body: ErrorBodySummary; retryAfterMs?: number }
  | { kind: "network"; code: string; message: string }
  | { kind: "timeout"; timeoutMs: number }
  | { kind: "invalid-body"; status: number; reason: string };

const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

const RETRYABLE_NETWORK_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "EAI_AGAIN",
  "ERR_SOCKET_CONNECTION_TIMEOUT",
  "UND_ERR_SOCKET",
]);

/**
 * 429/502/503/504 always; 500 only for an HTML error page (a proxy's) or an idempotent GET;
 * known transient network errors; timeouts; a bad body once. Other 4xx never.
 */
export function isRetryable(failure: AttemptFailure, method: string, earlier: readonly AttemptFailure[]): boolean {
  switch (failure.kind) {
    case "status":
      if (RETRYABLE_STATUSES.has(failure.status)) return true;
      return failure.status === 500 && (failure.body.isHtml || method === "GET");
    case "network":
      return RETRYABLE_NETWORK_CODES.has(failure.code);
    case "timeout":
      return true;
    case "invalid-body":
      return !earlier.some((f) => f.kind === "invalid-body");
  }
}

/** Node reports "socket hang up" as ECONNRESET; undici nests the code in `cause`. */
export function networkCodeOf(error: unknown): string {
  const own = codeProperty(error);
  if (own !== undefined && own !== "ERR_NETWORK" && own !== "ERR_BAD_RESPONSE") return own;
  const cause = error instanceof Error ? codeProperty(error.cause) : undefined;
  if (cause !== undefined) return cause;
  if (error instanceof Error && /socket hang up/i.test(error.message)) return "ECONNRESET";
  return own ?? "UNKNOWN";
}

function codeProperty(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === "string" ? code : undefined;
}
