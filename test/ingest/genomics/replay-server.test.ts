// The replay server itself: it must answer in the upstreams' exact formats, or the source tests prove
// nothing about the real APIs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateGenomicFixture } from "../../support/replay/genomic-fixture.js";
import { startReplayServer, type ReplayServer } from "../../support/replay/replay-server.js";

const fixture = generateGenomicFixture({ seed: 3 });
let server: ReplayServer;

beforeAll(async () => {
  server = await startReplayServer(fixture);
});
afterAll(async () => {
  await server.close();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw upstream JSON, inspected field by field
const jsonOf = async (response: Response | Promise<Response>): Promise<any> => (await response).json();
const post = (url: string, body: unknown) => fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("replay server formats", () => {
  it("GDC search: {data:{hits,pagination},warnings}, only the fields asked for, sorted pages", async () => {
    const body = { filters: { op: "in", content: { field: "project.project_id", value: [fixture.projectId] } }, fields: "submitter_id,demographic.vital_status", sort: "submitter_id:desc", size: 3, from: 3 };
    const json = await jsonOf(post(`${server.gdcUrl}/cases`, body));
    expect(Object.keys(json).sort()).toEqual(["data", "warnings"]);
    expect(json.data.pagination).toEqual({ count: 3, total: 8, size: 3, from: 3, sort: "submitter_id:desc", page: 2, pages: 3 });
    expect(json.data.hits.map((h: { submitter_id: string }) => h.submitter_id)).toEqual(["TCGA-RG-A005", "TCGA-RG-A004", "TCGA-RG-A003"]);
    for (const hit of json.data.hits) {
      expect(Object.keys(hit).every((k) => ["id", "submitter_id", "demographic"].includes(k))).toBe(true);
      if (hit.demographic) expect(Object.keys(hit.demographic)).toEqual(["vital_status"]);
    }
  });

  it("GDC: GET with URL-encoded filters works like POST; unknown project → empty hits; bad op → 400 JSON", async () => {
    const filters = encodeURIComponent(JSON.stringify({ op: "=", content: { field: "cases.submitter_id", value: "TCGA-RG-A001" } }));
    const get = await jsonOf(fetch(`${server.gdcUrl}/files?filters=${filters}&size=100`));
    expect(get.data.hits.length).toBeGreaterThan(0);
    const none = await jsonOf(post(`${server.gdcUrl}/cases`, { filters: { op: "in", content: { field: "project.project_id", value: ["TCGA-NOPE"] } } }));
    expect(none.data).toMatchObject({ hits: [], pagination: { total: 0 } });
    const bad = await post(`${server.gdcUrl}/cases`, { filters: { op: "like", content: { field: "x", value: 1 } } });
    expect(bad.status).toBe(400);
    expect(await jsonOf(bad)).toEqual({ error: "unknown filter op 'like'", message: "unknown filter op 'like'" });
  });

  it("GDC /data/{id}: the STAR-Counts TSV as an attachment", async () => {
    const fileId = [...fixture.truth.primaryTumourFileByPatient.values()][0]!;
    const response = await fetch(`${server.gdcUrl}/data/${fileId}`);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename=${fileId}.rna_seq.augmented_star_gene_counts.tsv`);
    const lines = (await response.text()).split("\n");
    expect(lines[0]).toBe("# gene-model: GENCODE v36");
    expect(lines[1]!.split("\t")).toContain("tpm_unstranded");
    expect(lines.slice(2, 6).map((l) => l.split("\t")[0])).toEqual(["N_unmapped", "N_multimapping", "N_noFeature", "N_ambiguous"]);
  });

  it("cBioPortal: bare arrays, total-count header for META, {message} errors, gene objects only with DETAILED", async () => {
    const api = server.cbioportalUrl;
    const samples = await jsonOf(fetch(`${api}/studies/${fixture.studyId}/clinical-data`));
    expect(Array.isArray(samples) && samples.every((row: { clinicalAttributeId: string }) => !row.clinicalAttributeId.startsWith("OS_"))).toBe(true);
    const meta = await fetch(`${api}/studies/${fixture.studyId}/patients?projection=META`);
    expect(meta.headers.get("total-count")).toBe("8");
    expect(await meta.text()).toBe("");
    const missing = await fetch(`${api}/studies/nope`);
    expect(missing.status).toBe(404);
    expect(await jsonOf(missing)).toEqual({ message: "Study not found: nope" });
    const url = `${api}/molecular-profiles/${fixture.studyId}_mutations/mutations/fetch`;
    const summary = await jsonOf(post(url, { sampleListId: `${fixture.studyId}_sequenced` }));
    const detailed = await jsonOf(post(`${url}?projection=DETAILED`, { sampleListId: `${fixture.studyId}_sequenced` }));
    expect(summary[0].gene).toBeUndefined();
    expect(detailed[0].gene).toMatchObject({ hugoGeneSymbol: expect.any(String), entrezGeneId: detailed[0].entrezGeneId });
    expect(detailed[0].uniqueSampleKey).toBe(Buffer.from(`${detailed[0].sampleId}:${fixture.studyId}`).toString("base64url"));
  });

  it("faults: 429 with Retry-After, HTML 500, one-shot rules", async () => {
    server.faults.add({ fault: { kind: "rate-limit", retryAfterSeconds: 7 }, pathIncludes: "/gdc/status", times: 1 });
    server.faults.add({ fault: { kind: "html-500" }, pathIncludes: "/cbioportal/", times: 1 });
    const limited = await fetch(`${server.gdcUrl}/status`);
    expect([limited.status, limited.headers.get("retry-after")]).toEqual([429, "7"]);
    expect((await fetch(`${server.gdcUrl}/status`)).status).toBe(200);
    const html = await fetch(`${server.cbioportalUrl}/studies/${fixture.studyId}`);
    expect([html.status, html.headers.get("content-type")]).toEqual([500, "text/html"]);
    expect(await html.text()).toMatch(/^<!DOCTYPE html>/);
    server.faults.clear();
  });

  it("faults: a truncated body fails the reader", async () => {
    server.faults.add({ fault: { kind: "truncated" }, pathIncludes: "/gdc/status", times: 1 });
    await expect(fetch(`${server.gdcUrl}/status`).then((r) => r.text())).rejects.toThrow();
    server.faults.clear();
  });
});
