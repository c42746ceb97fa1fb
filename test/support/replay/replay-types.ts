// The request and reply shapes the replay handlers speak.

export interface ReplayRequest {
  method: string;
  /** Path below the upstream's prefix, e.g. `/cases` for `/gdc/cases`. */
  path: string;
  query: URLSearchParams;
  /** Parsed JSON body, or undefined. */
  body: unknown;
}

export interface ReplayReply {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

export type ReplayHandler = (request: ReplayRequest) => ReplayReply;

export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): ReplayReply {
  return { status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(value) };
}
