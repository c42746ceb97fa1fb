// The streaming HTTP/1.1 response reader against hand-written responses (RFC 9112 framing: Content-Length,
// chunked with extensions and trailers, close-delimited), fed in every chunk size and from one reused
// buffer, as streaming-get's socket does.
import { describe, expect, it } from "vitest";
import { HttpResponseReader, type ResponseHead } from "../../../ingest/dicomweb/http-response-reader.js";

const BODY = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 7) % 256));

function response(framing: "length" | "chunked" | "close"): Buffer {
  const head = "HTTP/1.1 200 OK\r\nContent-Type: multipart/related; boundary=x\r\nX-Twice: a\r\nX-Twice: b\r\n";
  if (framing === "length") return Buffer.concat([Buffer.from(`${head}Content-Length: ${BODY.length}\r\n\r\n`), BODY]);
  if (framing === "close") return Buffer.concat([Buffer.from(`${head}Connection: close\r\n\r\n`), BODY]);
  const chunks = [BODY.subarray(0, 1), BODY.subarray(1, 300), BODY.subarray(300)];
  const coded = chunks.flatMap((chunk, i) => [Buffer.from(`${chunk.length.toString(16)}${i === 1 ? ";ext=1" : ""}\r\n`), chunk, Buffer.from("\r\n")]);
  return Buffer.concat([Buffer.from(`${head}Transfer-Encoding: chunked\r\n\r\n`), ...coded, Buffer.from("0\r\nX-Trailer: t\r\n\r\n")]);
}

/** Feeds `bytes` through one buffer of `chunkSize` bytes that is overwritten after every push. */
function read(bytes: Buffer, chunkSize: number, endConnection = true): { head?: ResponseHead; body: Buffer; complete: boolean } {
  let head: ResponseHead | undefined;
  const body: Buffer[] = [];
  const reader = new HttpResponseReader((h) => (head = h), (view) => body.push(Buffer.from(view)));
  const reused = Buffer.alloc(chunkSize);
  for (let at = 0; at < bytes.length; at += chunkSize) {
    const length = bytes.copy(reused, 0, at, at + chunkSize);
    reader.push(reused.subarray(0, length));
    reused.fill(0xee);
  }
  if (endConnection) reader.end();
  return { head, body: Buffer.concat(body), complete: reader.complete };
}

describe("HttpResponseReader", () => {
  it.each([
    ["length", 1],
    ["length", 5],
    ["length", 4096],
    ["chunked", 1],
    ["chunked", 3],
    ["chunked", 17],
    ["chunked", 4096],
    ["close", 1],
    ["close", 64],
  ] as const)("reads a %s-framed body byte for byte, pushed %i bytes at a time from a reused buffer", (framing, chunkSize) => {
    const { head, body, complete } = read(response(framing), chunkSize);
    expect(head?.status).toBe(200);
    expect(head?.headers["content-type"]).toBe("multipart/related; boundary=x");
    expect(head?.headers["x-twice"]).toBe("a, b");
    expect(body.equals(BODY)).toBe(true);
    expect(complete).toBe(true);
  });

  it("knows a Content-Length or chunked body is whole before the connection ends, a close-delimited one only at the end", () => {
    expect(read(response("length"), 100, false).complete).toBe(true);
    expect(read(response("chunked"), 100, false).complete).toBe(true);
    expect(read(response("close"), 100, false).complete).toBe(false);
  });

  it("reports a body cut short as incomplete", () => {
    for (const framing of ["length", "chunked"] as const) {
      const whole = response(framing);
      const { body, complete } = read(whole.subarray(0, whole.length - 30), 64); // 30: into the last data chunk
      expect(complete).toBe(false);
      expect(body.length).toBeLessThan(BODY.length);
    }
  });

  it("skips a 100 Continue head and ignores bytes after a complete body", () => {
    const bytes = Buffer.concat([Buffer.from("HTTP/1.1 100 Continue\r\n\r\n"), response("length"), Buffer.from("garbage")]);
    const { head, body } = read(bytes, 7);
    expect(head?.status).toBe(200);
    expect(body.equals(BODY)).toBe(true);
  });

  it("hands an error status to onHead, which may refuse the answer by throwing", () => {
    const reader = new HttpResponseReader((head) => {
      throw Object.assign(new Error(`HTTP ${head.status}`), { status: head.status, retryAfter: head.headers["retry-after"] });
    }, () => undefined);
    expect(() => reader.push(Buffer.from("HTTP/1.1 429 Too Many Requests\r\nRetry-After: 3\r\nContent-Length: 0\r\n\r\n"))).toThrow(
      expect.objectContaining({ status: 429, retryAfter: "3" }),
    );
  });

  it("rejects what is not HTTP/1.x, a bad chunk size and a bad Content-Length", () => {
    const reader = () => new HttpResponseReader(() => undefined, () => undefined);
    expect(() => reader().push(Buffer.from("SSH-2.0-OpenSSH\r\n\r\n"))).toThrow(/status line/);
    expect(() => reader().push(Buffer.from("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"))).toThrow(/chunk size/);
    expect(() => reader().push(Buffer.from("HTTP/1.1 200 OK\r\nContent-Length: 12x\r\n\r\n"))).toThrow(/Content-Length/);
  });
});
