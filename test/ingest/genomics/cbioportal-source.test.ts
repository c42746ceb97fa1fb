import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CbioportalSource } from "../../../ingest/cbioportal/cbioportal-source.js";
import { AxiosHttpClient } from "../../../ingest/http/axios-http-client.js";
import { generateGenomicFixture } from "../../support/replay/genomic-fixture.js";
import { rounded, sortedBy } from "../../support/replay/record-matchers.js";
import { startReplayServer, type ReplayServer } from "../../support/replay/replay-server.js";

const fixture = generateGenomicFixture({ seed: 11, patientCount: 8 });
const GENES = fixture.genes.map((g) => g.symbol);
let server: ReplayServer;

function cbioportal(timeoutMs = 5000) {
  return new CbioportalSource(new AxiosHttpClient({
    upstreamName: "cBioPortal", baseUrl: server.cbioportalUrl, timeoutMs, retry: { maxAttempts: 1 }, sleep: async () => {},
  }));
}

const key = (r: { patientId: string; geneSymbol: string; proteinChange?: string }) => `${r.patientId}|${r.geneSymbol}|${r.proteinChange ?? ""}`;

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

describe("cBioPortal source against the replay server", () => {
  it("yields PATIENT clinical data with OS_STATUS/OS_MONTHS survival equal to fixture truth", async () => {
    const patients = await cbioportal().patients(fixture.studyId, { projectId: fixture.projectId });
    expect(patients).toHaveLength(8);
    expect(rounded(patients)).toEqual(rounded(sortedBy(fixture.truth.cbioPatients, (p) => p.id)));
    const clinical = server.requests.find((r) => r.fullPath.endsWith("/clinical-data"))!;
    expect(clinical.query.get("clinicalDataType")).toBe("PATIENT");
  });

  it("counts patients from the total-count header of projection=META", async () => {
    expect(await cbioportal().patientCount(fixture.studyId)).toBe(8);
  });

  it("lists the study's molecular profiles", async () => {
    const profiles = await cbioportal().molecularProfiles(fixture.studyId);
    expect(profiles.map((p) => p.molecularProfileId).sort()).toEqual(fixture.cbioportal.profiles.map((p) => p.molecularProfileId as string).sort());
  });

  it("yields mutations with gene symbols, p. protein changes and VAF equal to truth", async () => {
    const mutations = await cbioportal().mutations({ studyId: fixture.studyId });
    expect(mutations.length).toBeGreaterThanOrEqual(8);
    expect(rounded(sortedBy(mutations, key))).toEqual(rounded(sortedBy(fixture.truth.cbioMutations, key)));
    const fetch = server.requests.find((r) => r.fullPath.endsWith("/mutations/fetch"))!;
    expect(fetch.query.get("projection")).toBe("DETAILED");
    const egfr = await cbioportal().mutations({ studyId: fixture.studyId, genes: ["EGFR"] });
    expect(sortedBy(egfr, key)).toEqual(sortedBy(fixture.truth.cbioMutations.filter((m) => m.geneSymbol === "EGFR"), key).map((m) => ({ ...m })));
  });

  it("yields primary-tumour mRNA values and cBioPortal's z-scores per patient barcode, equal to truth", async () => {
    const expression = await cbioportal().expression({ studyId: fixture.studyId, genes: [...GENES, "NOTAGENE"] });
    expect(expression.unknownGenes).toEqual(["NOTAGENE"]);
    expect(expression.sampleListId).toBe(`${fixture.studyId}_rna_seq_v2_mrna`);
    expect(fixture.truth.cbioExpression.length).toBe(7 * GENES.length);
    expect(rounded(sortedBy(expression.records, key))).toEqual(rounded(sortedBy(fixture.truth.cbioExpression, key)));
  });

  it("maps Entrez ids and HGNC symbols both ways from the gene objects", async () => {
    const bySymbol = await cbioportal().genes({ symbols: ["EGFR", "TP53", "NOTAGENE"] });
    expect(bySymbol).toEqual([{ symbol: "EGFR", entrezId: 1956 }, { symbol: "TP53", entrezId: 7157 }]);
    expect(await cbioportal().genes({ entrezIds: [7157] })).toEqual([{ symbol: "TP53", entrezId: 7157 }]);
  });

  it("reports an unknown study as BAD_USER_INPUT with cBioPortal's message", async () => {
    for (const call of [
      () => cbioportal().patients("nope_tcga", { projectId: "TCGA-NOPE" }),
      () => cbioportal().mutations({ studyId: "nope_tcga" }),
      () => cbioportal().expression({ studyId: "nope_tcga", genes: ["EGFR"] }),
    ]) await expect(call()).rejects.toMatchObject({ code: "BAD_USER_INPUT", message: expect.stringContaining("Study not found: nope_tcga") });
  });

  it("reports an unknown sample list as BAD_USER_INPUT", async () => {
    await expect(cbioportal().mutations({ studyId: fixture.studyId, sampleListId: "nope_list" })).rejects.toMatchObject({ code: "BAD_USER_INPUT", message: expect.stringContaining("Sample list not found") });
  });

  describe("faults surface as typed errors (no retries)", () => {
    it("429, HTML 500, slow answers and truncated bodies → UPSTREAM_UNAVAILABLE", async () => {
      const faults = [
        { fault: { kind: "rate-limit" as const, retryAfterSeconds: 2 }, pathIncludes: "/clinical-data" },
        { fault: { kind: "html-500" as const }, pathIncludes: "/clinical-data" },
        { fault: { kind: "slow" as const, delayMs: 1500 }, pathIncludes: "/clinical-data" },
        { fault: { kind: "truncated" as const }, pathIncludes: "/clinical-data" },
      ];
      for (const rule of faults) {
        server.faults.clear();
        server.faults.add(rule);
        const error = await cbioportal(300).patients(fixture.studyId, { projectId: fixture.projectId }).catch((e: unknown) => e);
        expect(error, rule.fault.kind).toMatchObject({ code: "UPSTREAM_UNAVAILABLE" });
        expect((error as Error).message).not.toContain("<html");
      }
    });
  });
});
