// multipart/related split while it streams in: a part whose headers give its Content-Length (Orthanc's
// do, reference A.2) is copied once, chunk by chunk, into a buffer of its own size, so a whole-series
// answer never sits in memory twice (chunk list + joined body + parts). Parts without a length make
// the rest of the body collect as a whole, then split by multipartParts.
import { multipartParts } from "./multipart.js";

const HEADER_END = Buffer.from("\r\n\r\n");

export class MultipartSplitter {
  private readonly delimiter: Buffer;
  private pending: Buffer = Buffer.alloc(0);
  private part?: { bytes: Uint8Array; filled: number };
  private fallback?: Buffer[];
  private readonly parts: Uint8Array[] = [];

  constructor(private readonly contentType: string) {
    const boundary = contentType.match(/boundary="?([^";]+)"?/i)?.[1];
    this.delimiter = Buffer.from(`--${boundary ?? ""}`);
    if (!boundary) this.fallback = [];
  }

  push(chunk: Buffer): void {
    if (this.fallback) return void this.fallback.push(chunk);
    let data = chunk;
    while (data.length > 0) data = this.part ? this.fill(data) : this.readHeaders(data);
  }

  /** The parts, once the body has ended. */
  end(): Uint8Array[] {
    if (!this.fallback) return this.parts;
    const rest = Buffer.concat([this.pending, ...this.fallback]);
    return [...this.parts, ...multipartParts(new Uint8Array(rest.buffer, rest.byteOffset, rest.byteLength), this.contentType)];
  }

  // Copies body bytes into the current part; returns what is left of the chunk.
  private fill(data: Buffer): Buffer {
    const part = this.part!;
    const take = Math.min(part.bytes.length - part.filled, data.length);
    part.bytes.set(data.subarray(0, take), part.filled);
    part.filled += take;
    if (part.filled === part.bytes.length) {
      this.parts.push(part.bytes);
      this.part = undefined;
    }
    return data.subarray(take);
  }

  // Accumulates until a delimiter line and its headers are complete; returns the bytes after them.
  private readHeaders(data: Buffer): Buffer {
    this.pending = this.pending.length > 0 ? Buffer.concat([this.pending, data]) : data;
    const start = this.pending.indexOf(this.delimiter);
    if (start < 0 || this.pending.length < start + this.delimiter.length + 2) return Buffer.alloc(0);
    const afterDelimiter = start + this.delimiter.length;
    if (this.pending.subarray(afterDelimiter, afterDelimiter + 2).toString() === "--") return this.finish(); // closing delimiter
    const headersEnd = this.pending.indexOf(HEADER_END, afterDelimiter);
    if (headersEnd < 0) return Buffer.alloc(0);
    const length = Number(/content-length:\s*(\d+)/i.exec(this.pending.subarray(afterDelimiter, headersEnd).toString("latin1"))?.[1]);
    if (!Number.isSafeInteger(length)) {
      this.fallback = [Buffer.from(this.pending.subarray(start))]; // unknown length: split the rest at the end
      this.pending = Buffer.alloc(0);
      return Buffer.alloc(0);
    }
    const rest = this.pending.subarray(headersEnd + HEADER_END.length);
    this.pending = Buffer.alloc(0);
    this.part = { bytes: new Uint8Array(length), filled: 0 };
    return rest;
  }

  private finish(): Buffer {
    this.pending = Buffer.alloc(0);
    return Buffer.alloc(0);
  }
}
