// Parses an HTTP Retry-After header (RFC 9110 §10.2.3): either delay-seconds or an HTTP date.

/** Milliseconds to wait, or undefined when the header is absent or unreadable. Past dates give 0. */
export function parseRetryAfter(header: string | undefined, nowMs: number): number | undefined {
  if (header === undefined) return undefined;
  const value = header.trim();
  if (value === "") return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  return delayUntilHttpDate(value, nowMs);
}

/** HTTP dates always name a day or month ("Sun, 06 Nov 1994 08:49:37 GMT"); V8 would parse "-5". */
function delayUntilHttpDate(value: string, nowMs: number): number | undefined {
  if (!/[a-z]{3}/i.test(value)) return undefined;
  const when = Date.parse(value);
  if (Number.isNaN(when)) return undefined;
  return Math.max(0, when - nowMs);
}
