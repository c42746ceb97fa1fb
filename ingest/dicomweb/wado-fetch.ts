// WADO-RS retrieval of Part-10 instances: one instance over node:http(s) (keep-alive), a whole series
// over streaming-get (node:http's parser cost more CPU than the transfer itself, bench/ingest).
// dicomweb-client goes through xhr2, which ran at about a tenth of curl's rate on instance bytes here,
// and Node's fetch at about half of node:http's, so pixels take this path; searches and metadata stay
// on dicomweb-client.
// Failures carry `status` as dicomweb-client's do (0 for a dropped connection or a timeout), so
// withRetry and dicomWebError treat both alike.
import http from "node:http";
import https from "node:https";
import { httpError } from "./http-error.js";
import { MultipartSplitter } from "./multipart-stream.js";
import { streamingGet } from "./streaming-get.js";

export const DICOM_MULTIPART = 'multipart/related; type="application/dicom"';

export interface WadoFetchOptions {
  readonly headers: Record<string, string>;
  /** Accept header; default multipart Part-10 in the stored transfer syntax (as dicomweb-client asks). */
  readonly accept?: string;
  /** The request fails (status 0) when no byte arrives for this long, ms. */
  readonly idleTimeoutMs: number;
}

const agents = { "http:": new http.Agent({ keepAlive: true }), "https:": new https.Agent({ keepAlive: true }) };

/** The parts of a whole-series answer, on a connection of its own read in large blocks (streaming-get). */
export async function fetchSeriesParts(url: string, options: WadoFetchOptions): Promise<Uint8Array[]> {
  let splitter: MultipartSplitter | undefined;
  const onHead = ({ status, headers }: { status: number; headers: Record<string, string> }) => {
    if (status !== 200 && status !== 206) throw httpError(`HTTP ${status} for ${url}`, status, headers["retry-after"]);
    splitter = new MultipartSplitter(headers["content-type"] ?? "");
  };
  const bodyTarget = () => splitter?.readTarget(); // part bytes read from the socket into their own buffer
  await streamingGet(url, { headers: requestHeaders(options), idleTimeoutMs: options.idleTimeoutMs, bodyTarget }, onHead, (bytes) => splitter!.push(bytes));
  // Orthanc's series answers end with the connection, so a dropped one looks whole to HTTP: a part left unfilled tells.
  if (splitter!.insidePart) throw httpError(`answer cut short inside a part (${url})`, 0);
  return splitter!.end().map(plain);
}

/** The parts of a multipart/related answer (node:http, keep-alive: instance requests are many and small). */
export function fetchDicomParts(url: string, options: WadoFetchOptions): Promise<Uint8Array[]> {
  const target = new URL(url);
  const client = target.protocol === "https:" ? https : http;
  const headers = requestHeaders(options);
  return new Promise((resolve, reject) => {
    const request = client.get(target, { headers, agent: agents[target.protocol as "http:" | "https:"] }, (response) => {
      const status = response.statusCode ?? 0;
      if (status !== 200 && status !== 206) {
        response.resume();
        reject(httpError(`HTTP ${status} for ${url}`, status, response.headers["retry-after"]));
        return;
      }
      readParts(response).then(resolve, reject);
    });
    request.setTimeout(options.idleTimeoutMs, () => request.destroy(httpError(`no answer for ${options.idleTimeoutMs} ms (${url})`, 0)));
    request.on("error", (error) => reject((error as { status?: number }).status !== undefined ? error : httpError(`${error.message} (${url})`, 0)));
  });
}

// No Accept-Encoding: a server that gzips (Orthanc does when asked) spends its CPU deflating pixels.
function requestHeaders(options: WadoFetchOptions): Record<string, string> {
  return { ...options.headers, accept: options.accept ?? DICOM_MULTIPART };
}

// Split while streaming (each part copied once); a single-part answer is collected whole.
function readParts(response: http.IncomingMessage): Promise<Uint8Array[]> {
  const splitter = new MultipartSplitter(response.headers["content-type"] ?? "");
  return new Promise((resolve, reject) => {
    let received = 0;
    response.on("data", (chunk: Buffer) => {
      received += chunk.length;
      splitter.push(chunk);
    });
    response.on("error", (error) => reject(httpError(`${error.message} while reading the answer`, 0)));
    response.on("end", () => {
      if (!response.complete) reject(httpError(`answer cut short after ${received} bytes`, 0));
      else resolve(splitter.end().map(plain));
    });
  });
}

// A plain Uint8Array view: Buffer's own slice() shares memory, which readers that copy with slice() do not expect.
function plain(buffer: Uint8Array): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
