// A real HTTP server on 127.0.0.1 (port 0) that plays scripted faults per path, one step per
// request (the last step repeats), and records what it was asked.

import http from "node:http";
import type { AddressInfo } from "node:net";

export type Step =
  | { status: number; body?: string; headers?: Record<string, string> }
  | { json: unknown; status?: number; headers?: Record<string, string> }
  | { html: string; status: number }
  | { destroy: true }
  | { truncate: string; declaredLength: number; stallMs?: number }
  | { delayMs: number; then: Step };

export interface FaultServer {
  baseUrl: string;
  script(path: string, steps: Step[]): void;
  /** Raw request targets (path + query exactly as sent) for a path. */
  requests(path: string): string[];
  close(): Promise<void>;
}

export async function startFaultServer(): Promise<FaultServer> {
  const scripts = new Map<string, Step[]>();
  const seen = new Map<string, string[]>();
  const sockets = new Set<import("node:net").Socket>();
  const server = http.createServer((req, res) => {
    const raw = req.url ?? "/";
    const path = raw.split("?")[0] ?? "/";
    const list = seen.get(path) ?? [];
    list.push(raw);
    seen.set(path, list);
    const steps = scripts.get(path) ?? [{ status: 404, body: "" }];
    const step = steps[Math.min(list.length - 1, steps.length - 1)]!;
    req.resume();
    req.on("end", () => play(step, res));
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    script: (path, steps) => scripts.set(path, steps),
    requests: (path) => seen.get(path) ?? [],
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function play(step: Step, res: http.ServerResponse): void {
  if ("delayMs" in step) {
    const timer = setTimeout(() => play(step.then, res), step.delayMs);
    res.on("close", () => clearTimeout(timer));
    return;
  }
  if ("destroy" in step) {
    res.socket?.destroy();
    return;
  }
  if ("truncate" in step) {
    res.writeHead(200, { "content-type": "application/json", "content-length": String(step.declaredLength) });
    res.write(step.truncate);
    const timer = setTimeout(() => res.socket?.destroy(), step.stallMs ?? 10);
    res.on("close", () => clearTimeout(timer));
    return;
  }
  if ("html" in step) {
    res.writeHead(step.status, { "content-type": "text/html; charset=utf-8" });
    res.end(step.html);
    return;
  }
  if ("json" in step) {
    res.writeHead(step.status ?? 200, { "content-type": "application/json", ...step.headers });
    res.end(JSON.stringify(step.json));
    return;
  }
  res.writeHead(step.status, step.headers);
  res.end(step.body ?? "");
}
