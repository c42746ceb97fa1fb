// Issue 12, finding 5: no Host-header check, so a web page could reach a loopback server by DNS
// rebinding and run mutations (CORS hides the answer, the POST still ran). Now, on both stores, a
// request with `Host: attacker.example` gets 421 and a cross-site Origin POST (or WebSocket upgrade)
// 403, before anything executes: the mutation stores nothing.
import http from "node:http";
import WebSocket from "ws";
import { describe, expect, it } from "vitest";
import { demoCohort } from "../../ingest/demo/demo-cohort.js";
import { BOTH_STORES } from "../support/stores.js";
import { useTestPlatform } from "../support/test-platform.js";

const cohort = demoCohort({ patientsPerCollection: 2 });
const SAVE = JSON.stringify({ query: `mutation { saveCohort(name: "rebound", filter: { collectionIds: ["TCGA-GBM"] }) { id } }` });

/** A raw POST (fetch cannot set Host), with the headers given. */
function post(url: string, headers: Record<string, string>): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", headers: { "content-type": "application/json", ...headers } }, (response) => {
      let text = "";
      response.on("data", (d) => (text += d));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text || "{}") }));
    });
    request.on("error", reject);
    request.end(SAVE);
  });
}

describe.each(BOTH_STORES)("Host allow-list and Origin check [$name]", (target) => {
  // No keys (the loopback default): exactly the server a rebinding page would aim at.
  const platform = useTestPlatform(target, { cohort });
  const cohorts = async () => (await platform.store.counts()).Cohort ?? 0;

  it("refuses Host: attacker.example with 421 and does not run the mutation", async () => {
    const refused = await post(platform.server.graphqlUrl, { host: "attacker.example:4000" });
    expect(refused.status).toBe(421);
    expect(refused.body.errors[0].extensions.code).toBe("MISDIRECTED_REQUEST");
    expect(refused.body.errors[0].message).toMatch(/RG_ALLOWED_HOSTS/);
    expect(await cohorts()).toBe(0);
  });

  it("refuses a cross-site Origin POST with 403 and does not run the mutation", async () => {
    const refused = await post(platform.server.graphqlUrl, { origin: "https://attacker.example" });
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0].extensions.code).toBe("FORBIDDEN");
    expect(await cohorts()).toBe(0);
  });

  it("refuses a WebSocket upgrade with a foreign Host (421) or Origin (403)", async () => {
    const upgrade = (headers: Record<string, string>) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(platform.server.graphqlUrl.replace(/^http/, "ws"), "graphql-transport-ws", { headers });
        socket.once("open", () => (socket.close(), resolve(101)));
        socket.once("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
      });
    expect(await upgrade({ host: "attacker.example" })).toBe(421);
    expect(await upgrade({ origin: "https://attacker.example" })).toBe(403);
    expect(await upgrade({ origin: "http://localhost:8888" })).toBe(101);
  });

  it("answers loopback names and same-machine origins as before", async () => {
    for (const host of ["localhost:4000", "127.0.0.1", "[::1]:4000"]) {
      const answer = await post(platform.server.graphqlUrl, { host, origin: "http://localhost:8888" });
      expect(answer.status, host).toBe(200);
    }
    expect(await cohorts()).toBe(3);
  });
});
