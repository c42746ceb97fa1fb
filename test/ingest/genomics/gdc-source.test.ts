import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GdcSource } from "../../../ingest/gdc/gdc-source.js";
import { AxiosHttpClient } from "../../../ingest/http/axios-http-client.js";
import { generateGenomicFixture } from "../../support/replay/genomic-fixture.js";
import { collect, rounded, sortedBy } from "../../support/replay/record-matchers.js";
import { startReplayServer, type ReplayServer } from "../../support/replay/replay-server.js";

const fixture = generateGenomicFixture({ seed: 7, patientCount: 8 });
let server: ReplayServer;

/** No retries: the source's own behaviour on faults is what these tests check. */
function gdc(options: { pageSize?: number; timeoutMs?: number; maxAttempts?: number } = {}) {
  const http = new AxiosHttpClient({
    upstreamName: "GDC API", baseUrl: server.gdcUrl, timeoutMs: options.timeoutMs ?? 5000,
    retry: { maxAttempts: options.maxAttempts ?? 1, baseDelayMs: 1, maxDelayMs: 2000 }, sleep: async () => {},
  });
  return new GdcSource(http, { pageSize: options.pageSize ?? 3 });
}

const byPatientGene = (r: { patientId: string; geneSymbol: string; proteinChange?: string }) => `${r.patientId}|${r.geneSymbol}|${r.proteinChange ?? ""}`;

beforeAll(async () => {
  server = await startReplayServer(fixture);
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  server.faults.clear();
  server.requests.length = 0;
});

describe("GDC source against the replay server", () => {
  it("yields the project's patients with clinical fields and overall survival equal to fixture truth", async () => {
    const patients = await collect(gdc().patients(fixture.projectId));
    expect(patients).toHaveLength(8);
    expect(rounded(patients)).toEqual(rounded(sortedBy(fixture.truth.gdcPatients, (p) => p.id)));
  });

  it("walks every page with an explicit sort (from += size until pagination.total)", async () => {
    await collect(gdc({ pageSize: 3 }).patients(fixture.projectId));
    const pages = server.requests.filter((r) => r.fullPath === "/gdc/cases");
    expect(pages.map((r) => (r.body as { from: number }).from)).toEqual([0, 3, 6]);
    expect(pages.every((r) => (r.body as { sort: string; size: number }).sort === "submitter_id:asc" && r.method === "POST")).toBe(true);
  });

  it("maps patient barcodes to GDC case ids", async () => {
    expect(await gdc().caseIdsByBarcode(fixture.projectId)).toEqual(fixture.truth.caseIdByBarcode);
    const { barcodeByCaseId } = await gdc().caseIndex(fixture.projectId);
    expect(barcodeByCaseId).toEqual(new Map([...fixture.truth.caseIdByBarcode].map(([barcode, caseId]) => [caseId, barcode])));
  });

  it("reads each patient's primary-tumour STAR-Counts file and yields log2(TPM+1), TPM and cohort z equal to truth", async () => {
    const expression = await gdc().expression({ projectId: fixture.projectId });
    expect(new Map(expression.files.map((f) => [f.patientId, f.fileId]))).toEqual(fixture.truth.primaryTumourFileByPatient);
    expect(fixture.truth.gdcExpression.length).toBe(7 * fixture.genes.length);
    expect(expression.patientsWithoutExpression).toEqual([fixture.patients[6]!.barcode]);
    expect(rounded(sortedBy(expression.records(), byPatientGene))).toEqual(rounded(sortedBy(fixture.truth.gdcExpression, byPatientGene)));
    expect(expression.undefinedZ.map(({ geneSymbol, reason }) => ({ geneSymbol, reason }))).toEqual(fixture.truth.gdcUndefinedZ);
    // normals and splice-junction files are never downloaded
    const downloads = server.requests.filter((r) => r.fullPath.startsWith("/gdc/data/")).map((r) => r.fullPath.slice("/gdc/data/".length));
    expect(downloads.sort()).toEqual([...fixture.truth.primaryTumourFileByPatient.values()].sort());
  });

  it("yields somatic mutations from the canonical transcript, equal to truth, and filters by gene", async () => {
    const all = await collect(gdc().mutations({ projectId: fixture.projectId }));
    expect(all.length).toBeGreaterThanOrEqual(8);
    expect(sortedBy(all, byPatientGene)).toEqual(sortedBy(fixture.truth.gdcMutations, byPatientGene));
    const tp53 = await collect(gdc().mutations({ projectId: fixture.projectId, genes: ["TP53"] }));
    expect(sortedBy(tp53, byPatientGene)).toEqual(sortedBy(fixture.truth.gdcMutations.filter((m) => m.geneSymbol === "TP53"), byPatientGene));
  });

  it("reports an unknown project as BAD_USER_INPUT", async () => {
    await expect(collect(gdc().patients("TCGA-NOPE"))).rejects.toMatchObject({ code: "BAD_USER_INPUT", message: expect.stringContaining("TCGA-NOPE") });
    await expect(collect(gdc().mutations({ projectId: "TCGA-NOPE" }))).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    await expect(gdc().expression({ projectId: "TCGA-NOPE" })).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
  });

  it("reports GDC's 400 for a malformed query as BAD_USER_INPUT with GDC's message", async () => {
    await expect(gdc({ pageSize: -1 }).expressionFiles(["TCGA-RG-A001"])).rejects.toMatchObject({ code: "BAD_USER_INPUT", message: expect.stringContaining("size must be a non-negative integer") });
  });

  describe("faults surface as typed errors (no retries)", () => {
    it("429 with Retry-After → UPSTREAM_UNAVAILABLE", async () => {
      server.faults.add({ fault: { kind: "rate-limit", retryAfterSeconds: 1 }, pathIncludes: "/gdc/cases" });
      await expect(collect(gdc().patients(fixture.projectId))).rejects.toMatchObject({ code: "UPSTREAM_UNAVAILABLE", details: expect.objectContaining({ status: 429, retryAfterMs: 1000 }) });
    });

    it("500 with an HTML page → UPSTREAM_UNAVAILABLE without raw HTML in the message", async () => {
      server.faults.add({ fault: { kind: "html-500" }, pathIncludes: "/gdc/ssm_occurrences" });
      const error = await collect(gdc().mutations({ projectId: fixture.projectId })).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "UPSTREAM_UNAVAILABLE", details: expect.objectContaining({ status: 500 }) });
      expect((error as Error).message).not.toContain("<html");
    });

    it("an answer slower than the timeout → UPSTREAM_UNAVAILABLE", async () => {
      server.faults.add({ fault: { kind: "slow", delayMs: 1500 }, pathIncludes: "/gdc/status" });
      await expect(collect(gdc({ timeoutMs: 300 }).patients(fixture.projectId))).rejects.toMatchObject({ code: "UPSTREAM_UNAVAILABLE", message: expect.stringContaining("300 ms") });
    });

    it("a page of hits cut off mid-body → UPSTREAM_UNAVAILABLE", async () => {
      server.faults.add({ fault: { kind: "truncated" }, pathIncludes: "/gdc/cases", times: 1 });
      await expect(collect(gdc().patients(fixture.projectId))).rejects.toMatchObject({ code: "UPSTREAM_UNAVAILABLE" });
    });

    it("a STAR-Counts download cut off mid-body → UPSTREAM_UNAVAILABLE naming the file", async () => {
      const fileId = [...fixture.truth.primaryTumourFileByPatient.values()][0]!;
      server.faults.add({ fault: { kind: "truncated" }, pathIncludes: `/gdc/data/${fileId}` });
      await expect(gdc().expression({ projectId: fixture.projectId })).rejects.toMatchObject({ code: "UPSTREAM_UNAVAILABLE", message: expect.stringContaining(fileId) });
    });

    it("through a retrying client, a passing 429 costs nothing: records still equal truth", async () => {
      server.faults.add({ fault: { kind: "rate-limit", retryAfterSeconds: 0 }, pathIncludes: "/gdc/cases", times: 1 });
      const patients = await collect(gdc({ maxAttempts: 3 }).patients(fixture.projectId));
      expect(rounded(patients)).toEqual(rounded(sortedBy(fixture.truth.gdcPatients, (p) => p.id)));
    });
  });
});

describe("replay fixture aligned with another cohort's barcodes", () => {
  it("serves given patient ids and project (e.g. the imaging cohort's TCGA-SY-000n in TCGA-SYN)", async () => {
    const aligned = generateGenomicFixture({ projectId: "TCGA-SYN", patientIds: ["TCGA-SY-0001", "TCGA-SY-0002", "TCGA-SY-0003"] });
    const own = await startReplayServer(aligned);
    try {
      const source = new GdcSource(new AxiosHttpClient({ upstreamName: "GDC API", baseUrl: own.gdcUrl, retry: { maxAttempts: 1 } }));
      expect(rounded(await collect(source.patients("TCGA-SYN")))).toEqual(rounded(aligned.truth.gdcPatients));
      const expression = await source.expression({ projectId: "TCGA-SYN" });
      expect(rounded(sortedBy(expression.records(), byPatientGene))).toEqual(rounded(sortedBy(aligned.truth.gdcExpression, byPatientGene)));
      expect(aligned.studyId).toBe("syn_tcga_pan_can_atlas_2018");
    } finally {
      await own.close();
    }
  });
});
