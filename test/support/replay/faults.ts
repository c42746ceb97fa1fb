// Switchable faults of the replay server: rate limiting with Retry-After, HTML 5xx pages, answers slower
// than a client's timeout, and bodies cut off mid-way.
import type { ServerResponse } from "node:http";
import type { ReplayReply } from "./replay-types.js";

export type Fault =
  | { kind: "rate-limit"; retryAfterSeconds: number }
  | { kind: "html-500" }
  | { kind: "slow"; delayMs: number }
  | { kind: "truncated" };

export interface FaultRule {
  fault: Fault;
  /** Applies to request paths (prefix included, e.g. `/gdc/cases`) containing this text; all when absent. */
  pathIncludes?: string;
  /** How many matching requests it hits; unlimited when absent. */
  times?: number;
}

export class FaultSwitch {
  private rules: FaultRule[] = [];

  add(rule: FaultRule): void {
    this.rules.push({ ...rule });
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault for this request, consuming one of its `times`. */
  take(path: string): Fault | null {
    const rule = this.rules.find((r) => (r.pathIncludes === undefined || path.includes(r.pathIncludes)) && (r.times === undefined || r.times > 0));
    if (!rule) return null;
    if (rule.times !== undefined) rule.times -= 1;
    return rule.fault;
  }
}

const HTML_500 = "<!DOCTYPE html>\n<html><head><title>500 Internal Server Error</title></head>\n<body><center><h1>500 Internal Server Error</h1></center><hr><center>nginx</center></body></html>\n";

/** Sends `reply` as `fault` distorts it (a slow fault sends it unchanged, later). */
export function sendFaulty(response: ServerResponse, fault: Fault, reply: ReplayReply): void {
  switch (fault.kind) {
    case "rate-limit":
      response.writeHead(429, { "content-type": "text/plain", "retry-after": String(fault.retryAfterSeconds) });
      response.end("Too Many Requests");
      return;
    case "html-500":
      response.writeHead(500, { "content-type": "text/html" });
      response.end(HTML_500);
      return;
    case "truncated": {
      const body = Buffer.from(reply.body);
      response.writeHead(reply.status, { ...reply.headers, "content-length": String(body.length) });
      response.write(body.subarray(0, Math.floor(body.length / 2)), () => response.socket?.destroy());
      return;
    }
    case "slow":
      setTimeout(() => sendReply(response, reply), fault.delayMs).unref();
      return;
  }
}

export function sendReply(response: ServerResponse, reply: ReplayReply): void {
  if (response.destroyed) return;
  const body = Buffer.from(reply.body);
  response.writeHead(reply.status, { ...reply.headers, "content-length": String(body.length) });
  response.end(body);
}
