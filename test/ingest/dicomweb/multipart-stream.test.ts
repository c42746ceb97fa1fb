// The streaming multipart splitter against the whole-body decoder, for every chunking of a body
// shaped like Orthanc's WADO-RS answers (parts with Content-Length), and for parts without one; fed
// from one reused buffer, and read in place through readTarget as streaming-get's socket does.
import { describe, expect, it } from "vitest";
import { MultipartSplitter } from "../../../ingest/dicomweb/multipart-stream.js";
import { multipartParts } from "../../../ingest/dicomweb/multipart.js";

const BOUNDARY = "3f8b1c2d-aaaa-bbbb-cccc-0123456789abcdef0123456789abcdef0123456789abcdef01";
const CONTENT_TYPE = `multipart/related; type="application/dicom"; boundary=${BOUNDARY}`;
const payloads = [Buffer.from("DICM first \r\n--not-a-boundary\r\n"), Buffer.alloc(0), Buffer.from(Array.from({ length: 300 }, (_, i) => i % 256))];
// Pixel data holding the real delimiter lines, closing one included: a length-framed part is never searched.
const boundaryInPixels = [Buffer.from(`pixels\r\n--${BOUNDARY}\r\nContent-Length: 3\r\n\r\nabc\r\n--${BOUNDARY}--\r\nmore`), Buffer.alloc(5000, 0x2d)];

function body(withLengths: boolean, parts: readonly Buffer[] = payloads): Buffer {
  const framed = parts.map((p) =>
    Buffer.concat([
      Buffer.from(`--${BOUNDARY}\r\nContent-Type: application/dicom\r\n${withLengths ? `Content-Length: ${p.length}\r\n` : ""}MIME-Version: 1.0\r\n\r\n`),
      p,
      Buffer.from("\r\n"),
    ]),
  );
  return Buffer.concat([...framed, Buffer.from(`--${BOUNDARY}--\r\n`)]);
}

function split(bytes: Buffer, chunkSize: number): Buffer[] {
  const splitter = new MultipartSplitter(CONTENT_TYPE);
  const reused = Buffer.alloc(chunkSize); // overwritten after every push, as a socket's read buffer is
  for (let at = 0; at < bytes.length; at += chunkSize) {
    splitter.push(reused.subarray(0, bytes.copy(reused, 0, at, at + chunkSize)));
    reused.fill(0xee);
  }
  return splitter.end().map((part) => Buffer.from(part));
}

/** Reads `bytes` as streaming-get does: into readTarget when the splitter offers one, else a read buffer; at most `maxRead` per read. */
function readInPlace(bytes: Buffer, maxRead: number): { parts: Uint8Array[]; targets: Uint8Array[] } {
  const splitter = new MultipartSplitter(CONTENT_TYPE);
  const scratch = Buffer.alloc(maxRead);
  const targets: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; ) {
    const target = splitter.readTarget();
    if (target) targets.push(target);
    const into = target ?? scratch;
    const length = bytes.copy(into, 0, at, at + Math.min(maxRead, into.length));
    at += length;
    splitter.push(Buffer.from(into.buffer, into.byteOffset, length));
  }
  return { parts: splitter.end(), targets };
}

describe("MultipartSplitter", () => {
  it.each([1, 2, 7, 64, 100_000])("gives the parts byte for byte in chunks of %i bytes (Content-Length known)", (chunkSize) => {
    expect(split(body(true), chunkSize)).toEqual(payloads);
  });

  it.each([1, 13, 100_000])("falls back to the whole-body decoder when parts carry no Content-Length (chunks of %i)", (chunkSize) => {
    const whole = body(false);
    expect(split(whole, chunkSize)).toEqual(multipartParts(new Uint8Array(whole), CONTENT_TYPE).map((p) => Buffer.from(p)));
    expect(split(whole, chunkSize)).toEqual(payloads);
  });

  it.each([1, 3, 64, 4096])("finds no boundary inside a length-framed part's pixel data (chunks of %i)", (chunkSize) => {
    expect(split(body(true, boundaryInPixels), chunkSize)).toEqual(boundaryInPixels);
  });

  it.each([1, 10, 4096, 100_000])("reads each part's bytes into the part itself through readTarget (reads of at most %i bytes)", (maxRead) => {
    const big = Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 31) % 256));
    const sent = [...payloads, big, ...boundaryInPixels];
    const { parts, targets } = readInPlace(body(true, sent), maxRead);
    expect(parts.map((part) => Buffer.from(part))).toEqual(sent);
    const bigPart = parts[payloads.length]!;
    expect(targets.some((target) => target.buffer === bigPart.buffer)).toBe(true);
    expect(bigPart.byteLength).toBe(bigPart.buffer.byteLength); // the part owns its ArrayBuffer (the DICOM reader takes it whole)
  });

  it("offers no read target once the rest of the body is collected whole (no Content-Length)", () => {
    const splitter = new MultipartSplitter(CONTENT_TYPE);
    splitter.push(body(false).subarray(0, 200));
    expect(splitter.readTarget()).toBeUndefined();
  });
});
