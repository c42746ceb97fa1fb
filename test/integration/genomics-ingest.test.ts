// GDC project and gene sets into both stores through GraphQL, from the replay server (exact GDC
// formats): values equal the fixture's truth, a second run changes nothing, upstream faults are
// retried or reported typed, an unknown project is BAD_USER_INPUT.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { startServer, type RunningServer } from "../../cli/server.js";
import { createServices } from "../../cli/services.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import { gdcIngestJob } from "../../ingest/gdc/gdc-ingest-job.js";
import { JobRunner } from "../../ingest/jobs/index.js";
import { graphql } from "../support/graphql-client.js";
import { HALLMARK_GMT, EXPECTED_PATHWAYS } from "../support/replay/gmt-fixture.js";
import { generateGenomicFixture } from "../support/replay/genomic-fixture.js";
import { rounded, sortedBy } from "../support/replay/record-matchers.js";
import { startReplayServer, type ReplayServer } from "../support/replay/replay-server.js";
import { BOTH_STORES } from "../support/stores.js";
import { WITHOUT_RATE_LIMITS_OR_TIMEOUTS } from "../support/test-platform.js";

const fixture = generateGenomicFixture({ seed: 11, patientCount: 8 });
const INGEST = `mutation($project: String!, $steps: [GenomicStep!]) { ingestGenomics(project: $project, steps: $steps) { id status } }`;
const JOB = `query($id: ID!) { job(id: $id) { status progress { done failed skipped } errors { key code message } } }`;

async function finished(url: string, id: string): Promise<any> {
  for (;;) {
    const { data } = await graphql(url, JOB, { id });
    if (!["QUEUED", "RUNNING"].includes(data.job.status)) return data.job;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const byPatientGene = (r: { patientId: string; geneSymbol: string; proteinChange?: string | null }) => `${r.patientId}|${r.geneSymbol}|${r.proteinChange ?? ""}`;

describe.each(BOTH_STORES)("genomic ingest from the replay server [$name]", (target) => {
  let store: GraphStore;
  let replay: ReplayServer;
  let server: RunningServer;
  let services: ReturnType<typeof createServices>;

  beforeAll(async () => {
    store = await target.open();
    replay = await startReplayServer(fixture);
    services = createServices(store, pino({ level: "silent" }), { gdcUrl: replay.gdcUrl, cbioportalUrl: replay.cbioportalUrl });
    server = await startServer({ ...services, ...WITHOUT_RATE_LIMITS_OR_TIMEOUTS, port: 0 });
  });
  afterEach(() => replay.faults.clear());
  afterAll(async () => {
    await server.stop();
    await replay.close();
    await target.dispose(store);
  });

  it("stores clinical fields, survival, expression (TPM, log2, z) and mutations equal to the fixture", async () => {
    const { data, errors } = await graphql(server.graphqlUrl, INGEST, { project: fixture.projectId });
    expect(errors).toBeUndefined();
    const job = await finished(server.graphqlUrl, data.ingestGenomics.id);
    expect(job).toMatchObject({ status: "SUCCEEDED", progress: { done: 3, failed: 0 } });

    const ids = fixture.truth.gdcPatients.map((p) => p.id);
    const stored = sortedBy(await store.patientsByIds(ids), (p) => p.id);
    const truth = sortedBy(fixture.truth.gdcPatients, (p) => p.id).map(({ collectionId: _c, ...p }) => p);
    expect(rounded(stored.map((p) => Object.fromEntries(Object.entries(p).filter(([k]) => k in truth[0]!))))).toEqual(rounded(truth.map((p) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v ?? null])))));

    const genes = [...new Set(fixture.truth.gdcExpression.map((e) => e.geneSymbol))];
    const expression = await store.expressionOf(ids, genes);
    expect(rounded(sortedBy(expression, byPatientGene))).toEqual(rounded(sortedBy(fixture.truth.gdcExpression.map((e) => ({ ...e, z: e.z ?? null })), byPatientGene)));
    // provenance: each value names GDC, the release of /status and the STAR-Counts file it was read from
    for (const e of expression)
      expect(e, byPatientGene(e)).toMatchObject({ source: "GDC", dataRelease: fixture.gdcDataRelease, sourceFile: fixture.truth.primaryTumourFileByPatient.get(e.patientId) });

    const mutations = [...(await store.mutationsOfPatients(ids)).values()].flat();
    const expectedMutations = fixture.truth.gdcMutations.map((m) => ({ consequence: null, vaf: null, sampleId: null, ...m }));
    expect(rounded(sortedBy(mutations, byPatientGene))).toEqual(rounded(sortedBy(expectedMutations, byPatientGene)));
  });

  it("changes nothing when the same project is ingested again", async () => {
    const before = await store.counts();
    const job = await gdcIngestJob(store, services.genomics.gdc, services.genomics.gdcHttp, { projectId: fixture.projectId });
    expect((await new JobRunner().run(job)).status).toBe("SUCCEEDED");
    expect(await store.counts()).toEqual(before);
  });

  it("honours Retry-After on 429 and reports a persistent HTML 500 as UPSTREAM_UNAVAILABLE for that step only", async () => {
    replay.faults.add({ fault: { kind: "rate-limit", retryAfterSeconds: 1 }, pathIncludes: "/gdc/cases", times: 1 });
    const seen = replay.requests.length;
    const job = await gdcIngestJob(store, services.genomics.gdc, services.genomics.gdcHttp, { projectId: fixture.projectId, steps: ["patients"] });
    expect((await new JobRunner().run(job)).status).toBe("SUCCEEDED");
    // the project probe got the 429 and was sent again; then the patients step read its pages
    const casesCalls = replay.requests.slice(seen).filter((r) => r.fullPath === "/gdc/cases");
    expect(casesCalls.length).toBeGreaterThanOrEqual(3);

    replay.faults.add({ fault: { kind: "html-500" }, pathIncludes: "/gdc/ssm_occurrences" });
    const failing = await gdcIngestJob(store, services.genomics.gdc, services.genomics.gdcHttp, { projectId: fixture.projectId, steps: ["patients", "mutations"] });
    const report = await new JobRunner().run(failing);
    expect(report.status).toBe("PARTIAL");
    expect(report.errors).toEqual([expect.objectContaining({ key: "mutations", code: "UPSTREAM_UNAVAILABLE" })]);
    expect(report.errors[0]!.message).not.toMatch(/<html|<body/i);
  });

  it("gives BAD_USER_INPUT for an unknown project and writes nothing", async () => {
    const before = await store.counts();
    const { errors } = await graphql(server.graphqlUrl, INGEST, { project: "TCGA-NOPE" });
    expect(errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(errors![0]!.message).toContain("TCGA-NOPE");
    expect(await store.counts()).toEqual(before);
  });

  it("ingests a cBioPortal study: PATIENT clinical data, mutations and expression equal to the fixture", async () => {
    const genes = fixture.genes.map((g) => g.symbol);
    const query = `mutation($study: String!, $genes: [String!]) { ingestGenomics(source: CBIOPORTAL, project: $study, genes: $genes) { id } }`;
    const gdcBefore = await store.expressionOf(fixture.truth.cbioPatients.map((p) => p.id), genes, "GDC");
    const { data, errors } = await graphql(server.graphqlUrl, query, { study: fixture.studyId, genes });
    expect(errors).toBeUndefined();
    expect(await finished(server.graphqlUrl, data.ingestGenomics.id)).toMatchObject({ status: "SUCCEEDED", progress: { done: 3 } });
    const ids = fixture.truth.cbioPatients.map((p) => p.id);
    const stored = sortedBy(await store.patientsByIds(ids), (p) => p.id);
    expect(stored.map((p) => [p.id, p.overallSurvivalDays, p.overallSurvivalEvent, p.vitalStatus])).toEqual(
      sortedBy(fixture.truth.cbioPatients, (p) => p.id).map((p) => [p.id, p.overallSurvivalDays ?? null, p.overallSurvivalEvent ?? null, p.vitalStatus ?? null]),
    );
    const mutations = [...(await store.mutationsOfPatients(ids)).values()].flat();
    expect(mutations.length).toBeGreaterThanOrEqual(fixture.truth.cbioMutations.length > 0 ? 1 : 0);
    for (const m of fixture.truth.cbioMutations) expect(mutations.find((x) => x.patientId === m.patientId && x.proteinChange === m.proteinChange && x.geneSymbol === m.geneSymbol), byPatientGene(m)).toBeDefined();
    const expression = await store.expressionOf(ids, genes, "cBioPortal");
    for (const e of expression) expect(e).toMatchObject({ source: "cBioPortal", dataRelease: fixture.cbioportal.study.importDate, sourceFile: `${fixture.studyId}_rna_seq_v2_mrna` });
    // the second source sits beside the first: GDC's values are untouched
    expect(gdcBefore.length).toBeGreaterThan(0);
    expect(await store.expressionOf(ids, genes, "GDC")).toEqual(gdcBefore);
    expect(rounded(sortedBy(expression.map((e) => ({ patientId: e.patientId, geneSymbol: e.geneSymbol, value: e.value, z: e.z })), byPatientGene))).toEqual(
      rounded(sortedBy(fixture.truth.cbioExpression.map((e) => ({ patientId: e.patientId, geneSymbol: e.geneSymbol, value: e.value, z: e.z ?? null })), byPatientGene)),
    );
    const unknown = await graphql(server.graphqlUrl, query, { study: "nosuch_study", genes });
    expect(unknown.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
  });

  it("ingests MSigDB gene sets with their membership, source and licence; symbols the genes do not know are reported, not created", async () => {
    const allSymbols = [...new Set(EXPECTED_PATHWAYS.hallmark.flatMap((p) => p.geneSymbols))];
    const known = new Set((await store.genesBySymbols(allSymbols)).map((g) => g.symbol));
    const unknown = allSymbols.filter((s) => !known.has(s)).sort();
    expect(unknown.length).toBeGreaterThan(0); // the genomic ingest above does not hold every hallmark gene
    const genesBefore = (await store.counts()).Gene;
    const { data, errors } = await graphql(
      server.graphqlUrl,
      `mutation($gmt: String!) { ingestPathways(format: MSIGDB, gmt: $gmt, version: "2024.1.Hs") { written unmappedEntrezIds unknownGeneSymbolCount unknownGeneSymbols } }`,
      { gmt: HALLMARK_GMT },
    );
    expect(errors).toBeUndefined();
    expect(data.ingestPathways).toEqual({ written: 2, unmappedEntrezIds: [], unknownGeneSymbolCount: unknown.length, unknownGeneSymbols: unknown });
    expect((await store.counts()).Gene).toBe(genesBefore);
    for (const expected of EXPECTED_PATHWAYS.hallmark) {
      const members = (await store.genesOfPathways([expected.id])).get(expected.id)?.map((g) => g.symbol) ?? [];
      expect(members).toEqual(expected.geneSymbols.filter((s) => known.has(s)).sort());
    }
    const [hypoxia] = await store.pathways({ ids: ["HALLMARK_HYPOXIA"] });
    expect(hypoxia).toMatchObject({ dataRelease: "2024.1.Hs", licence: expect.any(String), source: expect.stringMatching(/msigdb/i) });
  });
});
