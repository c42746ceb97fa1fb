// The hardened API, on both stores: API keys (missing, mistyped, wrong scope, revoked without a restart),
// read access by key, depth / cost / body limits, rate limits (429 + Retry-After), resolver timeouts,
// CORS, Cypher injection in every string argument (cases generated from the served schema), and job
// progress over a real graphql-ws WebSocket.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pino } from "pino";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../cli/server.js";
import { createServices } from "../../cli/services.js";
import { demoCohort } from "../../ingest/demo/demo-cohort.js";
import { createApiKey } from "../../resolvers/api-keys.js";
import { addKeyToFile, revokeKeyInFile } from "../../resolvers/api-key-file.js";
import { graphql } from "../support/graphql-client.js";
import { generateGenomicFixture, startReplayServer, type ReplayServer } from "../support/replay/index.js";
import { INTROSPECTION, rootFieldCalls, stringArgumentCases, type IntrospectedSchema, type Samples } from "../support/schema-string-arguments.js";
import { effectOf } from "../support/store-delta.js";
import { BOTH_STORES } from "../support/stores.js";
import { startTestPlatform, type TestPlatform } from "../support/test-platform.js";

const cohort = demoCohort({ patientsPerCollection: 3 });
const admin = createApiKey("all");
const reader = createApiKey(["read"]);
const ingester = createApiKey(["ingest"]);
const KEYS = `${admin.entry};${reader.entry};${ingester.entry}`;
const as = (key: { key: string }) => ({ "x-api-key": key.key });

/** Texts that would delete or create nodes, or widen a match, if they were ever spliced into Cypher. */
const INJECTIONS = [
  "x' }) MATCH (n) DETACH DELETE n //",
  'x" }) MATCH (n) DETACH DELETE n //',
  "TCGA-DM-0001' OR 1=1 WITH 1 AS one MATCH (n) DETACH DELETE n RETURN 1 //",
  "x`) DETACH DELETE n CREATE (:Injected {by: 'rg'}) //",
  "$id}) CALL db.clearQueryCaches() //\\u0000",
];
/** Plausible values for required arguments, unique per run (a GMT file, its release). */
const SAMPLES: Samples = { gmt: (run) => `INJECTION_TEST_SET_${run}\thttp://example.org/set\tCA9\tVEGFA`, version: (run) => `test-${run}` };

describe.each(BOTH_STORES)("API security [$name]", (target) => {
  let platform: TestPlatform;
  let server: RunningServer;
  let replay: ReplayServer;
  let keyDir: string;
  let keyFile: string;
  let schema: IntrospectedSchema;
  const extraServers: RunningServer[] = [];

  beforeAll(async () => {
    replay = await startReplayServer(generateGenomicFixture({ seed: 11, patientCount: 4 }));
    keyDir = await mkdtemp(path.join(os.tmpdir(), "rg-keys-"));
    keyFile = path.join(keyDir, "api-keys.json");
    platform = await startTestPlatform(target, {
      cohort,
      services: { apiKeys: KEYS, apiKeyFile: keyFile, gdcUrl: replay.gdcUrl, cbioportalUrl: replay.cbioportalUrl, dicomwebUrl: process.env.ORTHANC_URL },
      server: { readAccess: "key", limits: { maxDepth: 8, maxCost: 20_000 }, bodyLimit: "100kb" },
    });
    ({ server } = platform);
    schema = (await graphql(server.graphqlUrl, INTROSPECTION, {}, as(reader))).data.__schema;
  });
  afterAll(async () => {
    for (const extra of extraServers) await extra.stop();
    await platform.stop();
    await replay.close();
    await rm(keyDir, { recursive: true, force: true });
  });

  /** Another server on the same store with other limits. */
  async function serverWith(options: Parameters<typeof startServer>[0] extends infer O ? Partial<O> : never): Promise<RunningServer> {
    const services = createServices(platform.store, pino({ level: "silent" }), { demo: cohort, apiKeys: KEYS });
    const extra = await startServer({ ...services, ...options, port: 0 });
    extraServers.push(extra);
    return extra;
  }

  it("walks every mutation and string argument of the served schema", () => {
    const mutations = rootFieldCalls(schema, "mutation").map((c) => c.field);
    expect(mutations).toEqual(expect.arrayContaining(["ingestImaging", "ingestGenomics", "ingestPathways", "computeFeatures", "runAssociation"]));
    const paths = stringArgumentCases(schema, "x").map((c) => c.path);
    expect(paths).toEqual(expect.arrayContaining(["patient.id", "patients.filter.ids[0]", "ingestPathways.gmt", "runAssociation.cohort.collectionIds[0]"]));
  });

  it("needs a key with the read scope for queries when RG_READ_ACCESS=key", async () => {
    const query = `{ collections { id } }`;
    const anonymous = await graphql(server.graphqlUrl, query);
    expect([anonymous.status, anonymous.errors![0]!.extensions!.code]).toEqual([401, "UNAUTHENTICATED"]);
    expect(anonymous.errors![0]!.message).toMatch(/scope 'read'.*x-api-key/);
    expect(anonymous.errors![0]!.extensions!.stacktrace).toBeUndefined();
    const wrongScope = await graphql(server.graphqlUrl, query, {}, as(ingester));
    expect([wrongScope.status, wrongScope.errors![0]!.extensions!.code]).toEqual([403, "FORBIDDEN"]);
    const mistyped = await graphql(server.graphqlUrl, query, {}, { "x-api-key": "rg_mistyped" });
    expect([mistyped.status, mistyped.errors![0]!.extensions!.code]).toEqual([401, "UNAUTHENTICATED"]);
    const allowed = await graphql(server.graphqlUrl, query, {}, as(reader));
    expect(allowed.data.collections.map((c: { id: string }) => c.id).sort()).toEqual(["TCGA-GBM", "TCGA-LUAD"]);
  });

  it("refuses every mutation without a key, with a mistyped key or without the scope, and changes nothing", async () => {
    const calls = rootFieldCalls(schema, "mutation", SAMPLES);
    for (const call of calls) {
      for (const [headers, code] of [[{}, "UNAUTHENTICATED"], [{ "x-api-key": "rg_mistyped" }, "UNAUTHENTICATED"], [as(reader), "FORBIDDEN"]] as const) {
        const { outcome, changed, response } = await effectOf(platform.store, server.graphqlUrl, as(admin), () => graphql(server.graphqlUrl, call.query, call.variables, headers));
        expect({ mutation: call.field, headers, outcome, changed }).toEqual({ mutation: call.field, headers, outcome: code, changed: {} });
        expect(response.errors![0]!.message).toMatch(/API key|scope/);
      }
    }
    expect((await graphql(server.graphqlUrl, `{ jobs { id } }`, {}, as(admin))).data.jobs).toEqual([]);
  });

  it("refuses a revoked key from the next request, without a restart, and changes nothing", async () => {
    const { key, id } = addKeyToFile(keyFile, ["ingest", "read"], "soon revoked");
    const ingest = `mutation($gmt: String!) { ingestPathways(format: MSIGDB, gmt: $gmt, version: "test") { __typename } }`;
    const first = await graphql(server.graphqlUrl, ingest, { gmt: "REVOCATION_TEST_SET\thttp://example.org\tCA9" }, { "x-api-key": key });
    expect(first.errors).toBeUndefined();
    revokeKeyInFile(keyFile, id);
    for (const call of [...rootFieldCalls(schema, "mutation", SAMPLES, 1), { field: "ingestPathways", query: ingest, variables: { gmt: "REVOKED_SET\thttp://example.org\tCA9" } }]) {
      const { outcome, changed, response } = await effectOf(platform.store, server.graphqlUrl, as(admin), () => graphql(server.graphqlUrl, call.query, call.variables, { "x-api-key": key }));
      expect({ mutation: call.field, outcome, changed }).toEqual({ mutation: call.field, outcome: "UNAUTHENTICATED", changed: {} });
      expect(response.errors![0]!.message).toMatch(new RegExp(`${id} was revoked at .*api-key create`));
    }
    const read = await graphql(server.graphqlUrl, `{ collections { id } }`, {}, { "x-api-key": key });
    expect([read.status, read.errors![0]!.extensions!.code]).toEqual([401, "UNAUTHENTICATED"]);
  });

  it("rejects queries over the depth or cost limit, saying the limit", async () => {
    const deep = await graphql(server.graphqlUrl, `{ genes(symbols: ["CA9"]) { pathways { genes { pathways { genes { pathways { genes { pathways { id } } } } } } } } }`, {}, as(reader));
    expect(deep.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(deep.errors![0]!.message).toMatch(/nests 9 levels deep; the limit is 8/);
    const costly = await graphql(server.graphqlUrl, `{ patients(first: 500) { nodes { studies { series { lesions { features { value } } } } } } }`, {}, as(reader));
    expect(costly.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(costly.errors![0]!.message).toMatch(/would cost \d+; the limit is 20000/);
  });

  it("refuses an oversized body with 413", async () => {
    const response = await fetch(server.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...as(admin) },
      body: JSON.stringify({ query: `mutation($gmt: String!) { ingestPathways(format: MSIGDB, gmt: $gmt, version: "x") { __typename } }`, variables: { gmt: "x".repeat(200_000) } }),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("treats Cypher-injection text in every string argument as data: rejected, or the same effect as plain text", async () => {
    const controls = new Map<string, Awaited<ReturnType<typeof effectOf>>>();
    let run = 10;
    const attempt = (c: { query: string; variables: Record<string, unknown> }) =>
      effectOf(platform.store, server.graphqlUrl, as(admin), () => graphql(server.graphqlUrl, c.query, c.variables, as(admin)));
    for (const control of stringArgumentCases(schema, "plain-text", SAMPLES, run++)) await attempt(control); // first writes (genes, …)
    let cases = 0;
    for (const [index, text] of INJECTIONS.entries()) {
      // Each attack right after the same call with plain text: an effect that depends on the graph's
      // size at the time (a saved cohort's members) is compared against the same graph.
      const plain = new Map(stringArgumentCases(schema, `plain-text-${index}`, SAMPLES, run++).map((c) => [c.path, c]));
      for (const attack of stringArgumentCases(schema, text, SAMPLES, run++)) {
        const control = await attempt(plain.get(attack.path)!);
        controls.set(attack.path, control);
        const effect = await attempt(attack);
        const label = { path: attack.path, text };
        expect({ ...label, outcome: effect.outcome }).not.toEqual({ ...label, outcome: "INTERNAL" });
        if (effect.outcome === "BAD_USER_INPUT" || effect.outcome === "NOT_FOUND") expect({ ...label, changed: effect.changed }).toEqual({ ...label, changed: {} });
        else expect({ ...label, outcome: effect.outcome, changed: effect.changed }).toEqual({ ...label, outcome: control.outcome, changed: control.changed });
        cases++;
      }
    }
    expect(cases).toBe(INJECTIONS.length * controls.size);
    const counts = await platform.store.counts();
    expect(counts.Patient).toBeGreaterThanOrEqual(cohort.patients.length);
    expect(counts.Lesion).toBe(cohort.lesions.length);
  }, 900_000); // ~470 operations, each followed by store counts; minutes on Neo4j

  it("streams a job's progress over a real graphql-ws WebSocket until it ends, with the same key rules", async () => {
    const started = await graphql(server.graphqlUrl, `mutation { computeFeatures(families: ["intensity_statistics", "glcm"]) { id } }`, {}, as(admin));
    const id = started.data.computeFeatures.id;
    const subscription = `subscription($id: ID!) { jobUpdated(id: $id) { id status progress { total done failed skipped } } }`;
    const wsUrl = server.graphqlUrl.replace(/^http/, "ws");
    const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { apiKey: reader.key }, retryAttempts: 0 });
    const updates: any[] = [];
    for await (const message of client.iterate({ query: subscription, variables: { id } })) updates.push(message.data!.jobUpdated);
    await client.dispose();
    const last = updates.at(-1);
    expect(last).toMatchObject({ id, status: "SUCCEEDED", progress: { failed: 0 } });
    expect(last.progress.done + last.progress.skipped).toBe(last.progress.total);
    expect(updates.slice(0, -1).every((u) => u.status === "QUEUED" || u.status === "RUNNING")).toBe(true);
    if (updates[0].status !== "SUCCEEDED") expect(updates.length).toBeGreaterThanOrEqual(2); // subscribed while it ran: saw it end
    const done = updates.map((u) => u.progress.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect((await graphql(server.graphqlUrl, `query($id: ID!) { job(id: $id) { status } }`, { id }, as(reader))).data.job.status).toBe("SUCCEEDED");

    const anonymous = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0 });
    const refused = await anonymous.iterate({ query: subscription, variables: { id } }).next().catch((errors: unknown) => errors);
    await anonymous.dispose();
    expect((refused as any)[0].extensions.code).toBe("UNAUTHENTICATED");
    const unknown = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { apiKey: reader.key }, retryAttempts: 0 });
    const notFound = await unknown.iterate({ query: subscription, variables: { id: "no-such-job" } }).next().catch((errors: unknown) => errors);
    await unknown.dispose();
    expect(JSON.stringify(notFound)).toMatch(/NOT_FOUND/);
  });

  it("answers 429 with Retry-After and RATE_LIMITED past the budget; computing costs more; budgets are per key", async () => {
    const limited = await serverWith({ rateLimits: { points: 5, windowSeconds: 60, computePoints: 3 }, resolverTimeoutMs: 0 });
    const read = `{ collections { id } }`;
    for (let i = 0; i < 5; i++) expect((await graphql(limited.graphqlUrl, read)).errors).toBeUndefined();
    const response = await fetch(limited.graphqlUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: read }) });
    const body = (await response.json()) as any;
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(response.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(body.errors[0].extensions.code).toBe("RATE_LIMITED");
    expect(body.errors[0].message).toMatch(/5 points per 60 s.*retry after \d+ s.*RG_RATE_LIMIT_POINTS/);
    const computing = `{ patients(first: 1) { nodes { studies { series { lesions { features(families: ["intensity_statistics"]) { value } } } } } } }`;
    expect((await graphql(limited.graphqlUrl, computing, {}, as(reader))).errors).toBeUndefined();
    expect((await graphql(limited.graphqlUrl, read, {}, as(reader))).errors).toBeUndefined();
    expect((await graphql(limited.graphqlUrl, read, {}, as(reader))).errors).toBeUndefined();
    expect((await graphql(limited.graphqlUrl, read, {}, as(reader))).errors![0]!.extensions!.code).toBe("RATE_LIMITED");
  });

  it("ends a resolver that runs past RG_RESOLVER_TIMEOUT_MS with TIMEOUT, saying what to do", async () => {
    const hurried = await serverWith({ resolverTimeoutMs: 1, rateLimits: { points: 0, windowSeconds: 60, computePoints: 1 } });
    const lesion = cohort.lesions[0]!;
    const patientId = cohort.patients[0]!.id;
    const { errors } = await graphql(hurried.graphqlUrl, `query($id: ID!) { patient(id: $id) { studies { series { lesions { id features(settings: { binCount: 64 }) { value } } } } } }`, { id: patientId });
    expect(lesion).toBeDefined();
    expect(errors![0]!.extensions!.code).toBe("TIMEOUT");
    expect(errors![0]!.message).toMatch(/took longer than 1 ms: run long work as a job .*RG_RESOLVER_TIMEOUT_MS/);
  });

  it("allows cross-origin calls from loopback origins only, by default", async () => {
    const preflight = (origin: string) =>
      fetch(server.graphqlUrl, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type,x-api-key" } });
    expect((await preflight("http://localhost:8888")).headers.get("access-control-allow-origin")).toBe("http://localhost:8888");
    expect((await preflight("https://evil.example")).headers.get("access-control-allow-origin")).toBeNull();
    const upgrade = (origin: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(server.graphqlUrl.replace(/^http/, "ws"), "graphql-transport-ws", { headers: { origin } });
        socket.once("open", () => (socket.close(), resolve(101)));
        socket.once("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
      });
    expect([await upgrade("http://localhost:8888"), await upgrade("https://evil.example")]).toEqual([101, 403]);
  });
});
