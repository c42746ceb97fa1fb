// A local server answering the GDC (/gdc), cBioPortal (/cbioportal/api) and Reactome
// (/reactome/ContentService) endpoints the genomic sources use, in their exact formats, from a
// generated fixture; with switchable faults and a log of the requests it saw.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { cbioportalHandler } from "./cbioportal-routes.js";
import { FaultSwitch, sendFaulty, sendReply } from "./faults.js";
import { gdcHandler } from "./gdc-routes.js";
import type { GenomicFixture } from "./genomic-fixture.js";
import { reactomeHandler } from "./reactome-routes.js";
import { jsonReply, type ReplayHandler, type ReplayReply, type ReplayRequest } from "./replay-types.js";

export interface LoggedRequest extends ReplayRequest {
  /** Full path, prefix included, e.g. `/gdc/cases`. */
  fullPath: string;
}

export interface ReplayServer {
  gdcUrl: string;
  cbioportalUrl: string;
  reactomeUrl: string;
  faults: FaultSwitch;
  requests: LoggedRequest[];
  close(): Promise<void>;
}

export async function startReplayServer(fixture: GenomicFixture): Promise<ReplayServer> {
  const prefixes: [string, ReplayHandler][] = [
    ["/gdc", gdcHandler(fixture)],
    ["/cbioportal/api", cbioportalHandler(fixture)],
    ["/reactome/ContentService", reactomeHandler(fixture)],
  ];
  const faults = new FaultSwitch();
  const requests: LoggedRequest[] = [];
  const server = createServer((incoming, response) => {
    void readRequest(incoming).then((request) => {
      requests.push(request);
      const route = prefixes.find(([prefix]) => request.fullPath === prefix || request.fullPath.startsWith(`${prefix}/`));
      const reply: ReplayReply = route
        ? safely(() => route[1]({ ...request, path: request.fullPath.slice(route[0].length) || "/" }))
        : jsonReply(404, { message: `no replay route for ${request.fullPath}` });
      const fault = faults.take(request.fullPath);
      if (fault) sendFaulty(response, fault, reply);
      else sendReply(response, reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    gdcUrl: `${base}/gdc`,
    cbioportalUrl: `${base}/cbioportal/api`,
    reactomeUrl: `${base}/reactome/ContentService`,
    faults,
    requests,
    close: () => closeServer(server),
  };
}

function safely(handle: () => ReplayReply): ReplayReply {
  try {
    return handle();
  } catch (error) {
    return jsonReply(500, { message: `replay handler failed: ${(error as Error).message}` });
  }
}

async function readRequest(incoming: IncomingMessage): Promise<LoggedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  const url = new URL(incoming.url ?? "/", "http://replay");
  let body: unknown;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = Object.fromEntries(new URLSearchParams(text));
    }
  }
  return { method: incoming.method ?? "GET", fullPath: url.pathname, path: url.pathname, query: url.searchParams, body };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
