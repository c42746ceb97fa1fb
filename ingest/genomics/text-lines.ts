// Splits a streamed text body into lines without holding it whole in memory.

export type TextSource = string | AsyncIterable<string | Uint8Array> | NodeJS.ReadableStream;

export interface Line {
  text: string;
  /** False only for a last line the body ended in the middle of (no trailing newline). */
  terminated: boolean;
}

export async function* linesOf(source: TextSource): AsyncGenerator<Line> {
  const decoder = new TextDecoder("utf-8");
  let pending = "";
  for await (const chunk of chunksOf(source)) {
    pending += typeof chunk === "string" ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
    let start = 0;
    for (let newline = pending.indexOf("\n"); newline >= 0; newline = pending.indexOf("\n", start)) {
      yield { text: pending.slice(start, newline).replace(/\r$/, ""), terminated: true };
      start = newline + 1;
    }
    pending = pending.slice(start);
  }
  pending += decoder.decode();
  if (pending.length > 0) yield { text: pending.replace(/\r$/, ""), terminated: false };
}

function chunksOf(source: TextSource): AsyncIterable<string | Uint8Array> {
  if (typeof source === "string") return (async function* () { yield source; })();
  return source as AsyncIterable<string | Uint8Array>;
}
