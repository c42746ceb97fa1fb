// Reactome ContentService through GraphQL (ingestReactomePathways) into both stores, from the replay
// server: pathways of the given genes with Reactome's membership, source, release and licence; a gene
// Reactome does not map is reported per item; re-running resumes from the checkpoint and changes nothing.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { startServer, type RunningServer } from "../../cli/server.js";
import { createServices } from "../../cli/services.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import { graphql } from "../support/graphql-client.js";
import { reactomePathwaysOfSymbol } from "../support/replay/fixture-reactome.js";
import { generateGenomicFixture } from "../support/replay/genomic-fixture.js";
import { startReplayServer, type ReplayServer } from "../support/replay/replay-server.js";
import { BOTH_STORES } from "../support/stores.js";

const fixture = generateGenomicFixture({ seed: 5, patientCount: 4 });
const { uniprotOf } = fixture.reactome;
const SYMBOLS = ["VEGFA", "TP53", "EGFR"];
const INGEST = `mutation($genes: [String!]!, $release: String) { ingestReactomePathways(genes: $genes, release: $release) { id status } }`;
const JOB = `query($id: ID!) { job(id: $id) { status progress { done failed skipped } errors { key code message } } }`;

async function finished(url: string, id: string): Promise<any> {
  for (;;) {
    const { data } = await graphql(url, JOB, { id });
    if (!["QUEUED", "RUNNING"].includes(data.job.status)) return data.job;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(BOTH_STORES)("Reactome ContentService pathways [$name]", (target) => {
  let store: GraphStore;
  let replay: ReplayServer;
  let server: RunningServer;

  beforeAll(async () => {
    store = await target.open();
    // the gene reference: the members of SYMBOLS' pathways (LDHA, member of another one, is left out)
    await store.upsertGenes([...new Set(SYMBOLS.flatMap((s) => reactomePathwaysOfSymbol(fixture.reactome, s).flatMap((p) => p.genes)))].map((symbol) => ({ symbol })));
    replay = await startReplayServer(fixture);
    const services = createServices(store, pino({ level: "silent" }), { reactomeUrl: replay.reactomeUrl });
    server = await startServer({ ...services, port: 0 });
  });
  afterEach(() => replay.faults.clear());
  afterAll(async () => {
    await server.stop();
    await replay.close();
    await target.dispose(store);
  });

  const mappingCalls = (from: number) => replay.requests.slice(from).filter((r) => r.fullPath.includes("/data/mapping/")).length;

  it("writes the genes' pathways with Reactome's members, release and licence; an unmapped gene is an item error", async () => {
    const genes = [...SYMBOLS.map((s) => uniprotOf[s]!), "Q00000"];
    const { data, errors } = await graphql(server.graphqlUrl, INGEST, { genes });
    expect(errors).toBeUndefined();
    const job = await finished(server.graphqlUrl, data.ingestReactomePathways.id);
    expect(job).toMatchObject({ status: "PARTIAL", progress: { done: 3, failed: 1 } });
    expect(job.errors).toEqual([expect.objectContaining({ key: "Q00000", code: "NOT_FOUND" })]);

    const expected = [...new Map(SYMBOLS.flatMap((s) => reactomePathwaysOfSymbol(fixture.reactome, s)).map((p) => [p.stId, p])).values()];
    const stored = await store.pathways({ source: "Reactome" });
    expect(stored.map((p) => p.id).sort()).toEqual(expected.map((p) => p.stId).sort());
    for (const pathway of expected) {
      expect(stored.find((p) => p.id === pathway.stId)).toMatchObject({
        name: pathway.displayName, source: "Reactome", dataRelease: `Reactome ${fixture.reactome.databaseVersion}`,
        licence: "CC BY 4.0 (Reactome web services)", url: `https://reactome.org/content/detail/${pathway.stId}`,
      });
      const members = (await store.genesOfPathways([pathway.stId])).get(pathway.stId)!.map((g) => g.symbol);
      expect(members).toEqual([...pathway.genes].sort());
    }
  });

  it("resumes from the checkpoint: only the failed gene is asked again, and the graph is unchanged", async () => {
    const before = await store.counts();
    const seen = replay.requests.length;
    const genes = [...SYMBOLS.map((s) => uniprotOf[s]!), "Q00000"];
    const { data } = await graphql(server.graphqlUrl, INGEST, { genes });
    const job = await finished(server.graphqlUrl, data.ingestReactomePathways.id);
    expect(job).toMatchObject({ status: "PARTIAL", progress: { done: 0, failed: 1, skipped: 3 } });
    expect(mappingCalls(seen)).toBe(1);
    expect(await store.counts()).toEqual(before);
  });

  it("re-ingesting the same genes as a new job changes nothing, and rides out a 429", async () => {
    const before = await store.counts();
    replay.faults.add({ fault: { kind: "rate-limit", retryAfterSeconds: 1 }, pathIncludes: "/data/mapping/", times: 1 });
    const { data } = await graphql(server.graphqlUrl, INGEST, { genes: SYMBOLS.map((s) => uniprotOf[s]!), release: "Reactome 95" });
    expect(await finished(server.graphqlUrl, data.ingestReactomePathways.id)).toMatchObject({ status: "SUCCEEDED", progress: { done: 3, failed: 0 } });
    expect(await store.counts()).toEqual(before);
  });

  it("reports member symbols the gene reference does not know on the job, and creates no Gene for them", async () => {
    const before = await store.counts();
    const { data } = await graphql(server.graphqlUrl, INGEST, { genes: [uniprotOf.LDHA!] });
    const job = await finished(server.graphqlUrl, data.ingestReactomePathways.id);
    expect(job).toMatchObject({ status: "FAILED", progress: { done: 0, failed: 1 } }); // its only item failed
    expect(job.errors).toEqual([expect.objectContaining({ key: uniprotOf.LDHA, code: "NOT_FOUND" })]);
    expect(job.errors[0].message).toMatch(/1 member gene symbol\(s\) unknown to the gene reference.*: LDHA$/);
    expect(await store.genesBySymbols(["LDHA"])).toEqual([]);
    expect((await store.counts()).Gene).toBe(before.Gene);
    // the pathway itself is recorded, with no member invented
    expect((await store.pathways({ ids: ["R-HSA-70268"] })).length).toBe(1);
    expect((await store.genesOfPathways(["R-HSA-70268"])).get("R-HSA-70268") ?? []).toEqual([]);
  });

  it("refuses an empty gene list with BAD_USER_INPUT", async () => {
    const { errors } = await graphql(server.graphqlUrl, INGEST, { genes: [] });
    expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
