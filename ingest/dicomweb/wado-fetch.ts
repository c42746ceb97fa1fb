// WADO-RS retrieval of Part-10 instances over node:http(s). dicomweb-client goes through xhr2, which
// ran at about a tenth of curl's rate on instance bytes here, and Node's fetch at about half of
// node:http's (bench/ingest), so pixels take this path; searches and metadata stay on dicomweb-client.
// Failures carry `status` as dicomweb-client's do (0 for a dropped connection or a timeout), so
// withRetry and dicomWebError treat both alike.
import http from "node:http";
import https from "node:https";
import { multipartParts } from "./multipart.js";

export const DICOM_MULTIPART = 'multipart/related; type="application/dicom"';

export interface WadoFetchOptions {
  readonly headers: Record<string, string>;
  /** Accept header; default multipart Part-10 in the stored transfer syntax (as dicomweb-client asks). */
  readonly accept?: string;
  /** The request fails (status 0) when no byte arrives for this long, ms. */
  readonly idleTimeoutMs: number;
}

const agents = { "http:": new http.Agent({ keepAlive: true }), "https:": new https.Agent({ keepAlive: true }) };

/** The parts of a multipart/related answer. */
export function fetchDicomParts(url: string, options: WadoFetchOptions): Promise<Uint8Array[]> {
  const target = new URL(url);
  const client = target.protocol === "https:" ? https : http;
  // No Accept-Encoding: a server that gzips (Orthanc does when asked) spends its CPU deflating pixels.
  const headers = { ...options.headers, accept: options.accept ?? DICOM_MULTIPART };
  return new Promise((resolve, reject) => {
    const request = client.get(target, { headers, agent: agents[target.protocol as "http:" | "https:"] }, (response) => {
      const status = response.statusCode ?? 0;
      if (status !== 200 && status !== 206) {
        response.resume();
        reject(httpError(`HTTP ${status} for ${url}`, status, response.headers["retry-after"]));
        return;
      }
      readBody(response).then((body) => resolve(multipartParts(body, response.headers["content-type"] ?? "")), reject);
    });
    request.setTimeout(options.idleTimeoutMs, () => request.destroy(httpError(`no answer for ${options.idleTimeoutMs} ms (${url})`, 0)));
    request.on("error", (error) => reject((error as { status?: number }).status !== undefined ? error : httpError(`${error.message} (${url})`, 0)));
  });
}

// Into one buffer sized by Content-Length when the server sends it (no chunk list, no second copy).
function readBody(response: http.IncomingMessage): Promise<Uint8Array> {
  const expected = Number(response.headers["content-length"]);
  const sized = Number.isSafeInteger(expected) && expected > 0;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const body = sized ? Buffer.allocUnsafe(expected) : undefined;
    let received = 0;
    response.on("data", (chunk: Buffer) => {
      if (body && received + chunk.length <= expected) chunk.copy(body, received);
      else chunks.push(chunk);
      received += chunk.length;
    });
    response.on("error", (error) => reject(httpError(`${error.message} while reading the answer`, 0)));
    response.on("end", () => {
      if (!response.complete || (sized && received !== expected)) reject(httpError(`answer cut short: ${received} of ${sized ? expected : "?"} bytes`, 0));
      else resolve(plain(body ?? Buffer.concat(chunks)));
    });
  });
}

// A plain Uint8Array view: Buffer's own slice() shares memory, which readers that copy with slice() do not expect.
function plain(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

function httpError(message: string, status: number, retryAfter?: string | string[]): Error {
  // getResponseHeader mirrors dicomweb-client's failed XHR, where transient-retry reads Retry-After.
  const header = Array.isArray(retryAfter) ? retryAfter[0] : retryAfter;
  return Object.assign(new Error(message), { status, request: { getResponseHeader: (name: string) => (name.toLowerCase() === "retry-after" ? (header ?? null) : null) } });
}
