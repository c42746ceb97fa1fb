// streamingGet and fetchSeriesParts against real servers: a raw TCP server sending exact bytes (each
// framing, errors, a stall, a cut), Node's own HTTP server (chunked), and the real Orthanc, whose
// whole-series answer must split into the same parts as Node's fetch + the whole-body decoder give.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { streamingGet } from "../../../ingest/dicomweb/streaming-get.js";
import { DICOM_MULTIPART, fetchSeriesParts } from "../../../ingest/dicomweb/wado-fetch.js";
import { multipartParts } from "../../../ingest/dicomweb/multipart.js";
import { DicomWebArchive } from "../../../ingest/dicomweb/dicomweb-archive.js";
import { cohort, seededOrthanc } from "./cohort-fixture.js";

const BOUNDARY = "b0undary";
const PARTS = [Buffer.from(`DICM\r\n--${BOUNDARY}\r\n in the pixels`), Buffer.alloc(70_000, 7), Buffer.from("last")];
const MULTIPART = Buffer.concat([
  ...PARTS.flatMap((p) => [Buffer.from(`--${BOUNDARY}\r\nContent-Type: application/dicom\r\nContent-Length: ${p.length}\r\n\r\n`), p, Buffer.from("\r\n")]),
  Buffer.from(`--${BOUNDARY}--\r\n`),
]);
const CONTENT_TYPE = `multipart/related; type="application/dicom"; boundary=${BOUNDARY}`;

const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))));

/** A TCP server answering every request with `answer` (after reading the request head); returns its URL and the requests seen. */
async function rawServer(answer: (socket: Socket) => void): Promise<{ url: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((socket) => {
    let head = "";
    socket.on("data", (data) => {
      head += data.toString("latin1");
      if (head.includes("\r\n\r\n")) {
        requests.push(head);
        answer(socket);
      }
    });
    socket.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/dicom-web/studies/1/series/2`, requests };
}

const head = (status: string, extra: string) => Buffer.from(`HTTP/1.1 ${status}\r\nContent-Type: ${CONTENT_TYPE}\r\n${extra}\r\n`);
const options = { headers: { Authorization: "Bearer t0ken" }, idleTimeoutMs: 2000 };

describe("fetchSeriesParts over a raw TCP server", () => {
  it("splits a close-delimited answer (Orthanc's framing) sent in small writes, and sends host, accept and the caller's headers", async () => {
    const { url, requests } = await rawServer((socket) => {
      socket.write(head("200 OK", "Connection: close\r\n"));
      for (let at = 0; at < MULTIPART.length; at += 999) socket.write(MULTIPART.subarray(at, at + 999));
      socket.end();
    });
    expect(await fetchSeriesParts(url, options)).toEqual(PARTS.map((p) => new Uint8Array(p)));
    const request = requests[0]!.toLowerCase();
    expect(request).toMatch(/^get \/dicom-web\/studies\/1\/series\/2 http\/1\.1\r\n/);
    expect(request).toContain(`\r\nhost: ${new URL(url).host}\r\n`);
    expect(request).toContain(`\r\naccept: ${DICOM_MULTIPART.toLowerCase()}\r\n`);
    expect(request).toContain("\r\nauthorization: bearer t0ken\r\n");
    expect(request).not.toContain("accept-encoding");
  });

  it("splits a Content-Length answer without waiting for the server to close", async () => {
    const { url } = await rawServer((socket) => socket.write(Buffer.concat([head("200 OK", `Content-Length: ${MULTIPART.length}\r\n`), MULTIPART]))); // never closes
    expect(await fetchSeriesParts(url, options)).toEqual(PARTS.map((p) => new Uint8Array(p)));
  });

  it("fails an error status with that status and the server's Retry-After", async () => {
    const { url } = await rawServer((socket) => socket.end("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 7\r\nContent-Length: 4\r\n\r\nbusy"));
    type Failure = { status: number; request: { getResponseHeader(name: string): string | null } };
    const error = (await fetchSeriesParts(url, options).then(() => undefined, (e: unknown) => e)) as Failure;
    expect(error.status).toBe(503);
    expect(error.request.getResponseHeader("Retry-After")).toBe("7");
  });

  it("fails with status 0 (retried as a dropped connection) when the answer stalls, is cut short (by length, or inside a part when it ends with the connection), or the port is closed", async () => {
    const stalled = await rawServer((socket) => socket.write(Buffer.concat([head("200 OK", "Connection: close\r\n"), MULTIPART.subarray(0, 100)])));
    await expect(fetchSeriesParts(stalled.url, { ...options, idleTimeoutMs: 300 })).rejects.toMatchObject({ status: 0, message: expect.stringMatching(/no answer for 300 ms/) });
    const cut = await rawServer((socket) => socket.end(Buffer.concat([head("200 OK", `Content-Length: ${MULTIPART.length}\r\n`), MULTIPART.subarray(0, 5000)])));
    await expect(fetchSeriesParts(cut.url, options)).rejects.toMatchObject({ status: 0, message: expect.stringMatching(/cut short after/) });
    const cutInsidePart = await rawServer((socket) => socket.end(Buffer.concat([head("200 OK", "Connection: close\r\n"), MULTIPART.subarray(0, 5000)])));
    await expect(fetchSeriesParts(cutInsidePart.url, options)).rejects.toMatchObject({ status: 0, message: expect.stringMatching(/cut short inside a part/) });
    const closedPort = await rawServer(() => undefined);
    servers.pop()!.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(fetchSeriesParts(closedPort.url, options)).rejects.toMatchObject({ status: 0 });
  });
});

describe("streamingGet against Node's HTTP server", () => {
  it("reads a chunked answer byte for byte", async () => {
    const server = createHttpServer((request, response) => {
      response.writeHead(200, { "content-type": "application/octet-stream" }); // no length: Node sends it chunked
      for (let at = 0; at < MULTIPART.length; at += 4321) response.write(MULTIPART.subarray(at, at + 4321));
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    servers.push(server as unknown as Server);
    const received: Buffer[] = [];
    let transferEncoding: string | undefined;
    await streamingGet(`http://127.0.0.1:${(server.address() as AddressInfo).port}/x`, options, (h) => (transferEncoding = h.headers["transfer-encoding"]), (bytes) => received.push(Buffer.from(bytes)));
    expect(transferEncoding).toBe("chunked");
    expect(Buffer.concat(received).equals(MULTIPART)).toBe(true);
  });
});

describe("streamingGet over TLS", () => {
  it("speaks TLS to an https URL and verifies the certificate: a self-signed one fails as a dropped connection (status 0)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "streaming-get-tls-"));
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost", "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem")], { stdio: "ignore" });
    const server = createHttpsServer({ key: readFileSync(join(dir, "key.pem")), cert: readFileSync(join(dir, "cert.pem")) }, (request, response) => response.end("never read"));
    rmSync(dir, { recursive: true, force: true });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    servers.push(server as unknown as Server);
    const url = `https://localhost:${(server.address() as AddressInfo).port}/x`;
    await expect(streamingGet(url, options, () => undefined, () => undefined)).rejects.toMatchObject({ status: 0, message: expect.stringMatching(/self[- ]signed certificate/i) });
  });
});

describe(`fetchSeriesParts against the real Orthanc [${process.env.ORTHANC_URL ?? "ORTHANC_URL unset"}]`, () => {
  it("gives the parts Node's fetch + the whole-body decoder give for a whole series, one per instance", async () => {
    const url = await seededOrthanc();
    const stored = (uid: string) => cohort.files.filter((file) => file.path.includes(`/${uid}/`)).length;
    const series = cohort.patients.flatMap((p) => p.studies.flatMap((s) => s.imageSeries)).find((s) => stored(s.seriesUid) > 1)!;
    const seriesUrl = new DicomWebArchive({ url }).seriesUrl({ studyUid: series.context.studyUid, seriesUid: series.seriesUid });
    const parts = await fetchSeriesParts(seriesUrl, { headers: {}, idleTimeoutMs: 10_000 });
    const response = await fetch(seriesUrl, { headers: { accept: DICOM_MULTIPART, "accept-encoding": "identity" } });
    const reference = multipartParts(new Uint8Array(await response.arrayBuffer()), response.headers.get("content-type") ?? "");
    expect(parts.length).toBe(stored(series.seriesUid));
    expect(parts.map((p) => Buffer.from(p))).toEqual(reference.map((p) => Buffer.from(p)));
  });
});
