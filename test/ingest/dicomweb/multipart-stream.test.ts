// The streaming multipart splitter against the whole-body decoder, for every chunking of a body
// shaped like Orthanc's WADO-RS answers (parts with Content-Length), and for parts without one.
import { describe, expect, it } from "vitest";
import { MultipartSplitter } from "../../../ingest/dicomweb/multipart-stream.js";
import { multipartParts } from "../../../ingest/dicomweb/multipart.js";

const BOUNDARY = "3f8b1c2d-aaaa-bbbb-cccc-0123456789abcdef0123456789abcdef0123456789abcdef01";
const CONTENT_TYPE = `multipart/related; type="application/dicom"; boundary=${BOUNDARY}`;
const payloads = [Buffer.from("DICM first \r\n--not-a-boundary\r\n"), Buffer.alloc(0), Buffer.from(Array.from({ length: 300 }, (_, i) => i % 256))];

function body(withLengths: boolean): Buffer {
  const parts = payloads.map((p) =>
    Buffer.concat([
      Buffer.from(`--${BOUNDARY}\r\nContent-Type: application/dicom\r\n${withLengths ? `Content-Length: ${p.length}\r\n` : ""}MIME-Version: 1.0\r\n\r\n`),
      p,
      Buffer.from("\r\n"),
    ]),
  );
  return Buffer.concat([...parts, Buffer.from(`--${BOUNDARY}--\r\n`)]);
}

function split(bytes: Buffer, chunkSize: number): Buffer[] {
  const splitter = new MultipartSplitter(CONTENT_TYPE);
  for (let at = 0; at < bytes.length; at += chunkSize) splitter.push(bytes.subarray(at, at + chunkSize));
  return splitter.end().map((part) => Buffer.from(part));
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
});
