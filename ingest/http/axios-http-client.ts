// HttpClient over one axios instance: per-request deadline, retries with full-jitter backoff and
// Retry-After, typed errors at the end (see failure-to-error.ts). Bodies are read as bytes and
// decoded here, so invalid JSON and HTML error pages are ours to judge, not axios's.

import axios, { type AxiosInstance, type AxiosResponse } from "axios";
import type { Logger } from "pino";
import type { Readable } from "node:stream";
import type { HttpClient, HttpClientOptions, HttpRequest, HttpResponse, RetryPolicy } from "./http-client.js";
import { isRetryable, networkCodeOf, type AttemptFailure } from "./attempt-failure.js";
import { fullJitterDelay, type RandomSource } from "./backoff.js";
import { htmlToText, looksLikeHtml, shorten, summarizeErrorBody } from "./error-body.js";
import { withTypedErrors } from "./typed-stream.js";
import { failureToError, retryAfterTooLongError, type RequestContext } from "./failure-to-error.js";
import { buildQueryString, resolveUrl } from "./query-string.js";
import { parseRetryAfter } from "./retry-after.js";
import { realSleep, type Sleep } from "./sleep.js";
import { reportUpstreamWait } from "./upstream-wait-report.js";

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 30_000 };
export const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_ERROR_BODY_BYTES = 64 * 1024;

export interface AxiosHttpClientOptions extends HttpClientOptions {
  /** Extra characters sent unencoded in query values, e.g. "^" for DICOM person names on Orthanc. */
  queryLiteralChars?: string;
  /** Logs each retry at warn level. */
  logger?: Pick<Logger, "warn">;
  /** Waits between retries; tests inject one that records the delays. */
  sleep?: Sleep;
  /** Jitter source in [0, 1). */
  random?: RandomSource;
  /** Clock for Retry-After dates, ms since epoch. */
  now?: () => number;
}

type BodyKind = "json" | "text" | "bytes" | "stream";
type Outcome<T> = { ok: true; response: HttpResponse<T> } | { ok: false; failure: AttemptFailure };

interface PreparedRequest {
  request: HttpRequest;
  method: "GET" | "POST";
  fullUrl: string;
  context: Omit<RequestContext, "attempts">;
  timeoutMs: number;
}

export class AxiosHttpClient implements HttpClient {
  private readonly axios: AxiosInstance;
  private readonly policy: RetryPolicy;
  private readonly sleep: Sleep;
  private readonly random: RandomSource;
  private readonly now: () => number;

  constructor(private readonly options: AxiosHttpClientOptions) {
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
    this.axios = axios.create({
      // Node's http adapter, always: axios would pick its XHR adapter whenever a global XMLHttpRequest
      // exists (dicomweb-client needs the xhr2 polyfill), and XHR gives no streams, timeouts or sockets.
      adapter: "http",
      headers: options.headers,
      validateStatus: () => true,
      maxRedirects: 5,
    });
  }

  json<T = unknown>(request: HttpRequest): Promise<HttpResponse<T>> {
    return this.send(request, "json", (bytes) => parseJsonBody<T>(bytes));
  }

  text(request: HttpRequest): Promise<HttpResponse<string>> {
    return this.send(request, "text", (bytes) => ({ ok: true, value: bytes.toString("utf8") }));
  }

  bytes(request: HttpRequest): Promise<HttpResponse<Uint8Array>> {
    return this.send(request, "bytes", (bytes) => ({ ok: true, value: new Uint8Array(bytes) }));
  }

  stream(request: HttpRequest): Promise<HttpResponse<NodeJS.ReadableStream>> {
    return this.send<NodeJS.ReadableStream>(request, "stream", () => {
      throw new Error("unreachable: streams are not decoded");
    });
  }

  private async send<T>(request: HttpRequest, kind: BodyKind, decode: Decoder<T>): Promise<HttpResponse<T>> {
    const prepared = this.prepare(request);
    const failures: AttemptFailure[] = [];
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt(prepared, attempt, kind, decode);
      if (outcome.ok) return outcome.response;
      const context: RequestContext = { ...prepared.context, attempts: attempt };
      const retryable = isRetryable(outcome.failure, prepared.method, failures);
      failures.push(outcome.failure);
      if (!retryable || attempt >= this.policy.maxAttempts) {
        this.reportRateLimited(outcome.failure, prepared, 0);
        throw failureToError(outcome.failure, context);
      }
      let delayMs: number;
      try {
        delayMs = this.delayBeforeRetry(outcome.failure, attempt, context);
      } catch (error) {
        this.reportRateLimited(outcome.failure, prepared, 0);
        throw error;
      }
      this.reportRateLimited(outcome.failure, prepared, delayMs);
      this.logRetry(outcome.failure, context, delayMs);
      await this.sleep(delayMs, request.signal);
    }
  }

  private prepare(request: HttpRequest): PreparedRequest {
    const url = resolveUrl(this.options.baseUrl, request.url);
    const parsed = new URL(url);
    return {
      request,
      method: request.method ?? "GET",
      fullUrl: url + buildQueryString(request.query, this.options.queryLiteralChars),
      context: {
        upstream: this.options.upstreamName,
        method: request.method ?? "GET",
        url: `${parsed.origin}${parsed.pathname}`,
        path: parsed.pathname,
      },
      timeoutMs: request.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    };
  }

  private delayBeforeRetry(failure: AttemptFailure, attempt: number, context: RequestContext): number {
    const asked = failure.kind === "status" ? failure.retryAfterMs : undefined;
    if (asked === undefined) return fullJitterDelay(attempt, this.policy, this.random);
    if (asked > this.policy.maxDelayMs && failure.kind === "status") {
      throw retryAfterTooLongError(failure, context, asked, this.policy.maxDelayMs, this.now());
    }
    return asked;
  }

  /** A 429 is the upstream's quota: the job item this request runs for hears of it and of the wait (0: not waited for). */
  private reportRateLimited(failure: AttemptFailure, prepared: PreparedRequest, waitMs: number): void {
    if (failure.kind !== "status" || failure.status !== 429) return;
    const host = new URL(prepared.context.url).host;
    reportUpstreamWait({ upstream: this.options.upstreamName, host, waitMs, rateLimited: true, ...(failure.retryAfterMs !== undefined ? { retryAfterMs: failure.retryAfterMs } : {}) });
  }

  private logRetry(failure: AttemptFailure, context: RequestContext, delayMs: number): void {
    this.options.logger?.warn(
      { ...context, failure: describeFailure(failure), delayMs, maxAttempts: this.policy.maxAttempts },
      `${context.upstream}: retrying ${context.method} ${context.path} in ${delayMs} ms`,
    );
  }

  /** One HTTP exchange under its own deadline; never throws except when the caller aborts. */
  private async attempt<T>(
    prepared: PreparedRequest,
    attempt: number,
    kind: BodyKind,
    decode: Decoder<T>,
  ): Promise<Outcome<T>> {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), prepared.timeoutMs);
    const callerSignal = prepared.request.signal;
    const signal = callerSignal ? AbortSignal.any([deadline.signal, callerSignal]) : deadline.signal;
    try {
      const response = await this.axios.request<Buffer | Readable>({
        url: prepared.fullUrl,
        method: prepared.method,
        data: prepared.request.body,
        headers: { ...defaultAccept(kind), ...prepared.request.headers },
        responseType: kind === "stream" ? "stream" : "arraybuffer",
        // streams: the deadline covers the headers, typed-stream.ts the body's idleness
        timeout: kind === "stream" ? 0 : prepared.timeoutMs,
        signal,
      });
      return await this.readResponse(prepared, attempt, response, kind, decode);
    } catch (error) {
      if (callerSignal?.aborted) throw callerSignal.reason;
      if (!axios.isAxiosError(error)) throw error;
      if (deadline.signal.aborted || isAxiosTimeout(error)) {
        return { ok: false, failure: { kind: "timeout", timeoutMs: prepared.timeoutMs } };
      }
      return { ok: false, failure: failureOfThrown(error) };
    } finally {
      clearTimeout(timer);
    }
  }

  private async readResponse<T>(
    prepared: PreparedRequest,
    attempt: number,
    response: AxiosResponse<Buffer | Readable>,
    kind: BodyKind,
    decode: Decoder<T>,
  ): Promise<Outcome<T>> {
    const headers = flattenHeaders(response.headers);
    const isSuccess = response.status >= 200 && response.status < 300;
    if (isSuccess && kind === "stream") {
      const context = { ...prepared.context, attempts: attempt };
      const data = withTypedErrors(response.data as Readable, context, prepared.timeoutMs, response.status);
      return { ok: true, response: { status: response.status, headers, data: data as T } };
    }
    const bytes = Buffer.isBuffer(response.data) ? response.data : await readLimited(response.data);
    if (!isSuccess) return { ok: false, failure: statusFailure(response, headers, bytes, this.now()) };
    const decoded = decode(bytes);
    if (!decoded.ok) return { ok: false, failure: { kind: "invalid-body", status: response.status, reason: decoded.reason } };
    return { ok: true, response: { status: response.status, headers, data: decoded.value } };
  }
}

type Decoded<T> = { ok: true; value: T } | { ok: false; reason: string };
type Decoder<T> = (bytes: Buffer) => Decoded<T>;

/** An empty body (204, cBioPortal's projection=META) is null; anything else must parse. */
function parseJsonBody<T>(bytes: Buffer): Decoded<T> {
  const text = bytes.toString("utf8");
  if (text.trim() === "") return { ok: true, value: null as T };
  try {
    return { ok: true, value: JSON.parse(text) as T };
  } catch (error) {
    if (looksLikeHtml(text, undefined)) {
      return { ok: false, reason: `an HTML page instead of JSON: "${shorten(htmlToText(text))}"` };
    }
    return { ok: false, reason: `invalid or truncated JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function statusFailure(
  response: AxiosResponse,
  headers: Record<string, string>,
  bytes: Buffer,
  nowMs: number,
): AttemptFailure {
  return {
    kind: "status",
    status: response.status,
    statusText: response.statusText ?? "",
    body: summarizeErrorBody(bytes.toString("utf8"), headers["content-type"]),
    retryAfterMs: parseRetryAfter(headers["retry-after"], nowMs),
  };
}

/** A failure thrown by axios: a body cut short (it had a response) or a network error. */
function failureOfThrown(error: unknown): AttemptFailure {
  const response = axios.isAxiosError(error) ? error.response : undefined;
  if (response !== undefined) {
    return { kind: "invalid-body", status: response.status, reason: "connection closed before the body was complete" };
  }
  return { kind: "network", code: networkCodeOf(error), message: error instanceof Error ? error.message : String(error) };
}

function isAxiosTimeout(error: unknown): boolean {
  return axios.isAxiosError(error) && (error.code === "ECONNABORTED" || error.code === "ETIMEDOUT") && !error.response;
}

function defaultAccept(kind: BodyKind): Record<string, string> {
  return kind === "json" ? { Accept: "application/json" } : {};
}

function flattenHeaders(headers: AxiosResponse["headers"]): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
  }
  return flat;
}

/** Reads at most MAX_ERROR_BODY_BYTES of an error response's stream, then drops the rest. */
async function readLimited(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
      chunks.push(buffer);
      size += buffer.length;
      if (size >= MAX_ERROR_BODY_BYTES) break;
    }
  } catch {
    // a cut error body still says what it can
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, MAX_ERROR_BODY_BYTES);
}

function describeFailure(failure: AttemptFailure): Record<string, unknown> {
  switch (failure.kind) {
    case "status":
      return { kind: failure.kind, status: failure.status, excerpt: failure.body.excerpt };
    case "network":
      return { kind: failure.kind, code: failure.code };
    case "timeout":
      return { kind: failure.kind, timeoutMs: failure.timeoutMs };
    case "invalid-body":
      return { kind: failure.kind, status: failure.status, reason: failure.reason };
  }
}
