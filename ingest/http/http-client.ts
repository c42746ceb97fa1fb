// The one way ingest code talks HTTP to public APIs (GDC, cBioPortal, Reactome, DICOMweb where
// dicomweb-client does not serve): timeouts, retries with backoff and jitter for 429/5xx/timeouts,
// Retry-After honoured, HTML error bodies turned into typed errors. Implemented in axios-http-client.ts.

export interface HttpRequest {
  /** Absolute URL, or a path relative to the client's base URL. */
  url: string;
  method?: "GET" | "POST";
  /** Query parameters; arrays repeat the key. */
  query?: Record<string, string | number | boolean | ReadonlyArray<string | number> | undefined>;
  /** JSON body for POST. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Overrides the client's timeout for this request, ms. */
  timeoutMs?: number;
  /** Cancels the request and any pending retry (e.g. the job was cancelled); rejects with its reason. */
  signal?: AbortSignal;
}

export interface HttpResponse<T> {
  status: number;
  headers: Record<string, string>;
  data: T;
}

export interface HttpClient {
  json<T = unknown>(request: HttpRequest): Promise<HttpResponse<T>>;
  text(request: HttpRequest): Promise<HttpResponse<string>>;
  bytes(request: HttpRequest): Promise<HttpResponse<Uint8Array>>;
  /** Streams the body (large TSV/MAF files) without holding it whole in memory. */
  stream(request: HttpRequest): Promise<HttpResponse<NodeJS.ReadableStream>>;
}

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** First backoff, ms; doubles each retry, with full jitter. */
  baseDelayMs: number;
  /** Cap on one wait, ms (Retry-After above it is refused as too long). */
  maxDelayMs: number;
}

export interface HttpClientOptions {
  baseUrl?: string;
  /** Per-request timeout, ms. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  headers?: Record<string, string>;
  /** Names the upstream in error messages, e.g. "GDC API". */
  upstreamName: string;
}
