export type { HttpClient, HttpClientOptions, HttpRequest, HttpResponse, RetryPolicy } from "./http-client.js";
export { AxiosHttpClient, DEFAULT_RETRY_POLICY, DEFAULT_TIMEOUT_MS, type AxiosHttpClientOptions } from "./axios-http-client.js";
export {
  UpstreamHttpUnavailableError,
  UpstreamInvalidResponseError,
  UpstreamNotFoundError,
  UpstreamRequestRejectedError,
  type UpstreamFailureDetails,
} from "./http-errors.js";
export type { Sleep } from "./sleep.js";
export type { RandomSource } from "./backoff.js";
export type { UpstreamError } from "./failure-to-error.js";
