// A failed WADO-RS request shaped like dicomweb-client's failures: `status` (0 for a dropped connection
// or a timeout) and the request's Retry-After, so withRetry and dicomWebError treat both alike.

export function httpError(message: string, status: number, retryAfter?: string | string[]): Error {
  // getResponseHeader mirrors dicomweb-client's failed XHR, where transient-retry reads Retry-After.
  const header = Array.isArray(retryAfter) ? retryAfter[0] : retryAfter;
  return Object.assign(new Error(message), { status, request: { getResponseHeader: (name: string) => (name.toLowerCase() === "retry-after" ? (header ?? null) : null) } });
}
