import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "../../../ingest/http/retry-after.js";
import { fullJitterDelay } from "../../../ingest/http/backoff.js";
import { htmlToText, summarizeErrorBody } from "../../../ingest/http/error-body.js";
import { buildQueryString, resolveUrl } from "../../../ingest/http/query-string.js";

const NOW = Date.parse("2026-11-29T12:00:00Z");

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates; past dates wait 0; garbage is ignored", () => {
    expect(parseRetryAfter("120", NOW)).toBe(120_000);
    expect(parseRetryAfter(" 0 ", NOW)).toBe(0);
    expect(parseRetryAfter("Sun, 29 Nov 2026 12:01:00 GMT", NOW)).toBe(60_000);
    expect(parseRetryAfter("Sun, 29 Nov 2026 11:00:00 GMT", NOW)).toBe(0);
    expect(parseRetryAfter("soon", NOW)).toBeUndefined();
    expect(parseRetryAfter("-5", NOW)).toBeUndefined();
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
  });
});

describe("fullJitterDelay", () => {
  const policy = { maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 1_000 };
  it("draws uniformly below base * 2^(retry-1), capped by maxDelayMs", () => {
    expect([1, 2, 3, 4, 5].map((retry) => fullJitterDelay(retry, policy, () => 0.999))).toEqual([99, 199, 399, 799, 999]);
    expect(fullJitterDelay(3, policy, () => 0)).toBe(0);
  });
});

describe("error bodies", () => {
  it("strips tags, scripts, styles and comments, decodes entities and shortens", () => {
    const html = `<!DOCTYPE html><html><head><title>Service Unavailable</title></head>
      <body><!-- hidden --><p>The server is&nbsp;down &lt;maintenance&gt; &#8212; back at 14:00</p></body></html>`;
    expect(htmlToText(html)).toBe("Service Unavailable: The server is down <maintenance> — back at 14:00");
    const long = summarizeErrorBody(`<html><body>${"x ".repeat(500)}</body></html>`, undefined);
    expect(long.isHtml).toBe(true);
    expect(long.excerpt!.length).toBeLessThanOrEqual(200);
    expect(long.excerpt!.endsWith("…")).toBe(true);
  });

  it("takes the upstream's JSON message; falls back to plain text", () => {
    expect(summarizeErrorBody('{"message":"Study not found: x"}', "application/json").upstreamMessage).toBe("Study not found: x");
    expect(summarizeErrorBody('{"code":404,"messages":["a","b"]}', "application/json").upstreamMessage).toBe("a; b");
    expect(summarizeErrorBody("plain   failure\n", "text/plain")).toEqual({
      isHtml: false,
      upstreamMessage: undefined,
      excerpt: "plain failure",
    });
  });
});

describe("query strings and URLs", () => {
  it("omits undefined values and an empty query", () => {
    expect(buildQueryString({ a: undefined })).toBe("");
    expect(buildQueryString(undefined)).toBe("");
    expect(buildQueryString({ ids: [], q: "x" })).toBe("?q=x");
  });

  it("keeps RFC 3986 query characters literal, encodes the rest", () => {
    expect(buildQueryString({ v: "a,b:c/d@e;f*g" })).toBe("?v=a,b:c/d@e;f*g");
    expect(buildQueryString({ v: "a&b=c#d+e f%g^h|i" })).toBe("?v=a%26b%3Dc%23d%2Be%20f%25g%5Eh%7Ci");
    expect(buildQueryString({ v: "é" })).toBe("?v=%C3%A9");
  });

  it("joins base URLs like axios and leaves absolute URLs alone", () => {
    expect(resolveUrl("https://www.cbioportal.org/api/", "/studies")).toBe("https://www.cbioportal.org/api/studies");
    expect(resolveUrl("https://x.org/api", "https://y.org/z")).toBe("https://y.org/z");
    expect(resolveUrl(undefined, "https://y.org/z")).toBe("https://y.org/z");
  });
});
