import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Writable } from "node:stream";
import pino from "pino";
import { AxiosHttpClient, type AxiosHttpClientOptions } from "../../../ingest/http/axios-http-client.js";
import {
  UpstreamHttpUnavailableError,
  UpstreamInvalidResponseError,
  UpstreamNotFoundError,
  UpstreamRequestRejectedError,
} from "../../../ingest/http/http-errors.js";
import { NotFoundError, PlatformError, UpstreamUnavailableError } from "../../../compute/errors.js";
import { startFaultServer, type FaultServer } from "./fault-server.js";

const NGINX_504 = `<html>
<head><title>504 Gateway Time-out</title><style>body{color:red}</style></head>
<body><center><h1>504 Gateway Time-out</h1></center><script>track()</script>
<hr><center>nginx/1.18.0 &amp; friends</center></body></html>`;

let server: FaultServer;
let delays: number[];

beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  delays = [];
});

function client(overrides: Partial<AxiosHttpClientOptions> = {}): AxiosHttpClient {
  return new AxiosHttpClient({
    baseUrl: `${server.baseUrl}/api`,
    upstreamName: "Test API",
    timeoutMs: 2_000,
    retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 10_000 },
    sleep: async (ms) => {
      delays.push(ms);
    },
    random: () => 0.5,
    now: () => Date.parse("2026-11-29T12:00:00Z"),
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<PlatformError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PlatformError) return error;
    throw error;
  }
  throw new Error("expected the request to fail");
}

describe("AxiosHttpClient against a real local server", () => {
  it("returns parsed JSON, status and lower-case headers", async () => {
    server.script("/api/ok", [{ json: { hello: "world" }, headers: { "X-Total": "7" } }]);
    const response = await client().json<{ hello: string }>({ url: "/ok" });
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ hello: "world" });
    expect(response.headers["x-total"]).toBe("7");
    expect(delays).toEqual([]);
  });

  it("honours Retry-After in seconds on 429, then succeeds", async () => {
    server.script("/api/rate-seconds", [
      { status: 429, headers: { "Retry-After": "3" }, body: "slow down" },
      { json: [1, 2] },
    ]);
    const response = await client().json<number[]>({ url: "/rate-seconds" });
    expect(response.data).toEqual([1, 2]);
    expect(server.requests("/api/rate-seconds")).toHaveLength(2);
    expect(delays).toEqual([3_000]);
  });

  it("honours Retry-After as an HTTP date on 429", async () => {
    server.script("/api/rate-date", [
      { status: 429, headers: { "Retry-After": "Sun, 29 Nov 2026 12:00:05 GMT" } },
      { json: { ok: true } },
    ]);
    await client().json({ url: "/rate-date" });
    expect(delays).toEqual([5_000]);
  });

  it("refuses a Retry-After longer than maxDelayMs with an actionable UPSTREAM_UNAVAILABLE", async () => {
    server.script("/api/rate-long", [{ status: 429, headers: { "Retry-After": "3600" } }]);
    const error = await failure(client().json({ url: "/rate-long" }));
    expect(error).toBeInstanceOf(UpstreamHttpUnavailableError);
    expect(error.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(error.message).toContain("asked to wait 3600 s");
    expect(error.message).toContain("Try again after 2026-11-29T13:00:00.000Z");
    expect(server.requests("/api/rate-long")).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it("retries 503 with full-jitter exponential backoff, then succeeds", async () => {
    server.script("/api/flaky", [{ status: 503 }, { status: 503 }, { json: { ok: 1 } }]);
    const response = await client().json({ url: "/flaky" });
    expect(response.data).toEqual({ ok: 1 });
    expect(server.requests("/api/flaky")).toHaveLength(3);
    // random() = 0.5 of min(cap, 100 * 2^(retry-1))
    expect(delays).toEqual([50, 100]);
  });

  it("gives up after maxAttempts on a 504 HTML page, quoting its text but no HTML", async () => {
    server.script("/api/gateway", [{ status: 504, html: NGINX_504 }]);
    const error = await failure(client().json({ url: "/gateway", query: { size: 10 } }));
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(server.requests("/api/gateway")).toHaveLength(4);
    expect(delays).toHaveLength(3);
    expect(error.message).toContain("Test API");
    expect(error.message).toContain("GET /api/gateway");
    expect(error.message).toContain("HTTP 504");
    expect(error.message).toContain("4 attempts");
    expect(error.message).toContain("504 Gateway Time-out nginx/1.18.0 & friends");
    expect(error.message).not.toMatch(/[<>]|track\(\)|color:red/);
    expect(error.details).toMatchObject({ status: 504, attempts: 4, path: "/api/gateway" });
  });

  it("retries a 500 HTML error page even on POST", async () => {
    server.script("/api/post-html", [
      { status: 500, html: "<!DOCTYPE html><html><body><h1>Internal Server Error</h1></body></html>" },
      { json: { created: true } },
    ]);
    const response = await client().json({ url: "/post-html", method: "POST", body: { q: 1 } });
    expect(response.data).toEqual({ created: true });
    expect(server.requests("/api/post-html")).toHaveLength(2);
  });

  it("retries a JSON 500 on GET but not on POST", async () => {
    server.script("/api/get-500", [{ status: 500, json: { message: "boom" } }, { json: "fine" }]);
    expect((await client().json({ url: "/get-500" })).data).toBe("fine");
    server.script("/api/post-500", [{ status: 500, json: { message: "query failed" } }]);
    const error = await failure(client().json({ url: "/post-500", method: "POST", body: {} }));
    expect(error.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(error.message).toContain('"query failed"');
    expect(server.requests("/api/post-500")).toHaveLength(1);
  });

  it("turns a slow response beyond the timeout into retries, then a timeout error", async () => {
    server.script("/api/slow", [{ delayMs: 1_000, then: { json: "late" } }]);
    const error = await failure(
      client({ retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 100 } }).json({ url: "/slow", timeoutMs: 100 }),
    );
    expect(error).toBeInstanceOf(UpstreamHttpUnavailableError);
    expect(error.message).toContain("did not answer GET /api/slow within 100 ms (2 attempts)");
    expect(server.requests("/api/slow")).toHaveLength(2);
    expect(delays).toHaveLength(1);
  });

  it("recovers when only the first response is slow", async () => {
    server.script("/api/slow-once", [{ delayMs: 1_000, then: { json: "late" } }, { json: "quick" }]);
    const response = await client().json({ url: "/slow-once", timeoutMs: 100 });
    expect(response.data).toBe("quick");
  });

  it("retries invalid JSON exactly once, then raises a typed invalid-response error", async () => {
    server.script("/api/bad-json", [{ status: 200, body: '{"cases": [1, 2', headers: { "content-type": "application/json" } }]);
    const error = await failure(client().json({ url: "/bad-json" }));
    expect(error).toBeInstanceOf(UpstreamInvalidResponseError);
    expect(error.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(error.message).toContain("invalid or truncated JSON");
    expect(server.requests("/api/bad-json")).toHaveLength(2);
  });

  it("reports an HTML page served with 200 to a JSON request by its text, never its markup", async () => {
    server.script("/api/login-page", [{ html: "<html><body><h1>Please sign in</h1><form></form></body></html>", status: 200 }]);
    const error = await failure(client().json({ url: "/login-page" }));
    expect(error).toBeInstanceOf(UpstreamInvalidResponseError);
    expect(error.message).toContain('an HTML page instead of JSON: "Please sign in"');
    expect(error.message).not.toMatch(/[<>]/);
    expect(server.requests("/api/login-page")).toHaveLength(2);
  });

  it("errors a stream that stalls mid-body past the timeout", async () => {
    server.script("/api/stall.tsv", [{ truncate: "gene\tvalue\n", declaredLength: 1_000_000, stallMs: 2_000 }]);
    const response = await client().stream({ url: "/stall.tsv", timeoutMs: 150 });
    const read = async (): Promise<string> => {
      let text = "";
      for await (const chunk of response.data) text += String(chunk);
      return text;
    };
    await expect(read()).rejects.toMatchObject({
      code: "UPSTREAM_UNAVAILABLE",
      message: expect.stringContaining("did not answer GET /api/stall.tsv within 150 ms"),
    });
  });

  it("does not time out a stream whose reader is slow (backpressure is not idleness)", async () => {
    const big = "x".repeat(128 * 1024);
    server.script("/api/big.tsv", [{ status: 200, body: big }]);
    const response = await client().stream({ url: "/big.tsv", timeoutMs: 50 });
    let length = 0;
    for await (const chunk of response.data) {
      length += String(chunk).length;
      await new Promise((resolve) => setTimeout(resolve, 80)); // longer than the 50 ms idle timeout
    }
    expect(length).toBe(big.length);
  });

  it("types a stream cut off by the upstream", async () => {
    server.script("/api/cut.tsv", [{ truncate: "gene\tvalue\n", declaredLength: 1_000_000, stallMs: 20 }]);
    const response = await client().stream({ url: "/cut.tsv" });
    const read = async (): Promise<void> => {
      for await (const _chunk of response.data) void _chunk;
    };
    await expect(read()).rejects.toBeInstanceOf(UpstreamInvalidResponseError);
  });

  it("treats a body cut short by the connection as a truncated response, retried once", async () => {
    server.script("/api/cut", [{ truncate: '{"hits": [', declaredLength: 1_000 }]);
    const error = await failure(client().json({ url: "/cut" }));
    expect(error).toBeInstanceOf(UpstreamInvalidResponseError);
    expect(error.message).toContain("connection closed before the body was complete");
    expect(server.requests("/api/cut")).toHaveLength(2);
    server.script("/api/cut-once", [{ truncate: '{"hits": [', declaredLength: 1_000 }, { json: { hits: [] } }]);
    expect((await client().json({ url: "/cut-once" })).data).toEqual({ hits: [] });
  });

  it("retries ECONNRESET (socket destroyed) and reports the network code when it persists", async () => {
    server.script("/api/reset-once", [{ destroy: true }, { json: "after reset" }]);
    expect((await client().json({ url: "/reset-once" })).data).toBe("after reset");
    server.script("/api/reset", [{ destroy: true }]);
    const error = await failure(client().json({ url: "/reset" }));
    expect(error.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(error.details).toMatchObject({ networkCode: "ECONNRESET", attempts: 4 });
    expect(error.message).toContain("could not be reached: GET /api/reset failed with ECONNRESET (4 attempts)");
    expect(server.requests("/api/reset")).toHaveLength(4);
  });

  it("retries ECONNREFUSED", async () => {
    const dead = await startFaultServer();
    const deadUrl = dead.baseUrl;
    await dead.close();
    const error = await failure(client({ baseUrl: deadUrl, retry: { maxAttempts: 2 } }).json({ url: "/x" }));
    expect(error.details).toMatchObject({ networkCode: "ECONNREFUSED", attempts: 2 });
  });

  it("maps 404 with a cBioPortal JSON message to a NOT_FOUND error, without retrying", async () => {
    server.script("/api/studies/xyz", [{ status: 404, json: { message: "Study not found: xyz" } }]);
    const error = await failure(client().json({ url: "/studies/xyz" }));
    expect(error).toBeInstanceOf(UpstreamNotFoundError);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toBe("Test API: Study not found: xyz (HTTP 404 Not Found on GET /api/studies/xyz)");
    expect(error.details).toMatchObject({ upstreamMessage: "Study not found: xyz", status: 404 });
    expect(server.requests("/api/studies/xyz")).toHaveLength(1);
  });

  it("maps 400 to a client error carrying the upstream's message, never retried", async () => {
    server.script("/api/cases", [{ status: 400, json: { error: "bad filters", message: "Invalid filter field 'foo'" } }]);
    const error = await failure(client().json({ url: "/cases", method: "POST", body: { filters: {} } }));
    expect(error).toBeInstanceOf(UpstreamRequestRejectedError);
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(error.message).toBe("Test API rejected POST /api/cases with HTTP 400 Bad Request: Invalid filter field 'foo'");
    expect(server.requests("/api/cases")).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it("maps 401/403 to UNAUTHENTICATED/FORBIDDEN and Reactome's messages[] to the message", async () => {
    server.script("/api/secret", [{ status: 403, json: { code: 403, reason: "Forbidden", messages: ["token expired"] } }]);
    const error = await failure(client().json({ url: "/secret" }));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toContain("Forbidden");
    server.script("/api/login", [{ status: 401, body: "" }]);
    expect((await failure(client().json({ url: "/login" }))).code).toBe("UNAUTHENTICATED");
  });

  it("repeats array keys and keeps commas (and opted-in carets) literal in query values", async () => {
    server.script("/api/dicom-web/instances", [{ json: [] }]);
    await client({ queryLiteralChars: "^" }).json({
      url: "/dicom-web/instances",
      query: {
        includefield: ["00200032", "00280030"],
        fields: "a,b",
        PatientName: "DOE^JOHN",
        PatientID: "TCGA*",
        filters: '{"op":"=","x":"a b&c=d+e"}',
        skip: undefined,
        limit: 5,
        flag: true,
      },
    });
    expect(server.requests("/api/dicom-web/instances")[0]).toBe(
      "/api/dicom-web/instances?includefield=00200032&includefield=00280030&fields=a,b&PatientName=DOE^JOHN" +
        "&PatientID=TCGA*&filters=%7B%22op%22:%22%3D%22,%22x%22:%22a%20b%26c%3Dd%2Be%22%7D&limit=5&flag=true",
    );
  });

  it("returns text, bytes and streams", async () => {
    server.script("/api/file.tsv", [{ status: 200, body: "gene\tvalue\nTP53\t1\n" }]);
    expect((await client().text({ url: "/file.tsv" })).data).toBe("gene\tvalue\nTP53\t1\n");
    const bytes = await client().bytes({ url: "/file.tsv" });
    expect(bytes.data).toBeInstanceOf(Uint8Array);
    expect(bytes.data.length).toBe(18);
    const streamed = await client().stream({ url: "/file.tsv" });
    let text = "";
    for await (const chunk of streamed.data) text += String(chunk);
    expect(text).toBe("gene\tvalue\nTP53\t1\n");
  });

  it("reads an error body from a stream request into a typed error", async () => {
    server.script("/api/missing.maf", [{ status: 404, json: { message: "File not found" } }]);
    const error = await failure(client().stream({ url: "/missing.maf" }));
    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toContain("File not found");
  });

  it("stops retrying at once when the caller's signal aborts", async () => {
    server.script("/api/abort", [{ status: 503 }]);
    const controller = new AbortController();
    const aborting = client({
      sleep: async () => {
        controller.abort(new Error("job cancelled"));
        throw controller.signal.reason;
      },
    });
    await expect(aborting.json({ url: "/abort", signal: controller.signal })).rejects.toThrow("job cancelled");
    expect(server.requests("/api/abort")).toHaveLength(1);
  });

  it("logs each retry through a pino logger", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    server.script("/api/logged", [{ status: 502 }, { json: 1 }]);
    await client({ logger: pino({ level: "warn" }, sink) }).json({ url: "/logged" });
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(entry).toMatchObject({ level: 40, upstream: "Test API", path: "/api/logged", attempts: 1, delayMs: 50 });
    expect(entry["failure"]).toMatchObject({ kind: "status", status: 502 });
  });
});
