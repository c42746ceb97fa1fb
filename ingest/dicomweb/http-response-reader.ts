// An HTTP/1.1 response read as it streams in: status line and headers, then the body framed by
// Content-Length, chunked transfer coding, or the connection's close (Orthanc's series answers:
// no length, `Connection: close`). Chunks handed in may be reused by the caller once push returns
// (a socket reading into one buffer), so anything kept across pushes is copied; body bytes go to
// `onBody` as views that are valid only during the call.

export interface ResponseHead {
  readonly status: number;
  /** Header names lower-cased; repeated headers joined with ", ". */
  readonly headers: Record<string, string>;
}

type Framing = { kind: "length"; left: number } | { kind: "chunked"; left: number; state: "size" | "data" | "crlf" | "trailer" } | { kind: "close" };

const CRLF = Buffer.from("\r\n");
const HEAD_END = Buffer.from("\r\n\r\n");
const MAX_HEAD_BYTES = 64 * 1024;
const MAX_LINE_BYTES = 4096;

export class HttpResponseReader {
  private framing?: Framing;
  private pending: Buffer = Buffer.alloc(0); // bytes of an unfinished head or chunk-size line (copied)
  private done = false;

  /** onHead runs once, before any body byte; it may throw to refuse the answer. */
  constructor(
    private readonly onHead: (head: ResponseHead) => void,
    private readonly onBody: (bytes: Buffer) => void,
  ) {}

  /** Whether the body is known to be whole (length reached, last chunk read). */
  get complete(): boolean {
    return this.done;
  }

  /** Whether the bytes the connection brings next are body bytes as they are (no head, no chunk framing yet to read). */
  get passthrough(): boolean {
    return !this.done && (this.framing?.kind === "close" || this.framing?.kind === "length");
  }

  push(chunk: Buffer): void {
    let data = chunk;
    while (data.length > 0 && !this.done) data = this.framing ? this.body(data) : this.readHead(data);
  }

  /** The connection ended: a close-delimited body is complete now, others only if their end was read. */
  end(): void {
    if (this.framing?.kind === "close") this.done = true;
  }

  private readHead(data: Buffer): Buffer {
    const joined = this.pending.length > 0 ? Buffer.concat([this.pending, data]) : data;
    const end = joined.indexOf(HEAD_END);
    if (end < 0) {
      if (joined.length > MAX_HEAD_BYTES) throw new Error(`response head longer than ${MAX_HEAD_BYTES} bytes`);
      this.pending = Buffer.from(joined);
      return Buffer.alloc(0);
    }
    const rest = data.subarray(end + HEAD_END.length - this.pending.length);
    this.pending = Buffer.alloc(0);
    const head = parseHead(joined.subarray(0, end).toString("latin1"));
    if (head.status >= 100 && head.status < 200) return rest; // 1xx: the real head follows
    this.framing = framingOf(head);
    this.onHead(head);
    if (this.framing.kind === "length" && this.framing.left === 0) this.done = true;
    return rest;
  }

  private body(data: Buffer): Buffer {
    const framing = this.framing!;
    if (framing.kind === "close") return this.emit(data, data.length);
    if (framing.kind === "length") {
      const rest = this.emit(data, Math.min(framing.left, data.length));
      framing.left -= data.length - rest.length;
      if (framing.left === 0) this.done = true;
      return rest;
    }
    return this.chunked(framing as Extract<Framing, { kind: "chunked" }>, data);
  }

  // chunk = size-line CRLF data CRLF; the last chunk has size 0 and is followed by trailers and an empty line.
  private chunked(framing: Extract<Framing, { kind: "chunked" }>, data: Buffer): Buffer {
    if (framing.state === "data") {
      const rest = this.emit(data, Math.min(framing.left, data.length));
      framing.left -= data.length - rest.length;
      if (framing.left === 0) framing.state = "crlf";
      return rest;
    }
    const line = this.line(data);
    if (!line) return Buffer.alloc(0);
    if (framing.state === "crlf") {
      if (line.text !== "") throw new Error("chunk not followed by CRLF");
      framing.state = "size";
    } else if (framing.state === "size") {
      const size = Number.parseInt(line.text.split(";")[0]!.trim(), 16); // ";…" are chunk extensions
      if (!Number.isSafeInteger(size) || size < 0) throw new Error(`bad chunk size line "${line.text}"`);
      framing.left = size;
      framing.state = size === 0 ? "trailer" : "data";
    } else if (line.text === "") this.done = true; // the empty line after the trailers
    return line.rest;
  }

  // One CRLF-terminated line, accumulated across pushes.
  private line(data: Buffer): { text: string; rest: Buffer } | undefined {
    const joined = this.pending.length > 0 ? Buffer.concat([this.pending, data.subarray(0, MAX_LINE_BYTES)]) : data;
    const end = joined.indexOf(CRLF);
    if (end < 0) {
      if (joined.length >= MAX_LINE_BYTES) throw new Error(`chunk line longer than ${MAX_LINE_BYTES} bytes`);
      this.pending = Buffer.from(joined);
      return undefined;
    }
    const rest = data.subarray(end + CRLF.length - this.pending.length);
    const text = joined.subarray(0, end).toString("latin1");
    this.pending = Buffer.alloc(0);
    return { text, rest };
  }

  private emit(data: Buffer, length: number): Buffer {
    if (length > 0) this.onBody(data.subarray(0, length));
    return data.subarray(length);
  }
}

function parseHead(text: string): ResponseHead {
  const [statusLine, ...lines] = text.split("\r\n");
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? "");
  if (!match) throw new Error(`not an HTTP/1.x status line: "${statusLine?.slice(0, 80)}"`);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  return { status: Number(match[1]), headers };
}

// RFC 9112 §6.3: chunked wins over Content-Length; neither → the body runs to the connection's close.
function framingOf(head: ResponseHead): Framing {
  if (head.status === 204 || head.status === 304) return { kind: "length", left: 0 };
  if (/(^|,)\s*chunked\s*$/i.test(head.headers["transfer-encoding"] ?? "")) return { kind: "chunked", left: 0, state: "size" };
  const length = head.headers["content-length"];
  if (length !== undefined) {
    if (!/^\d+$/.test(length)) throw new Error(`bad Content-Length "${length}"`);
    return { kind: "length", left: Number(length) };
  }
  return { kind: "close" };
}
