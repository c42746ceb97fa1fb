import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AxiosHttpClient } from "../../../ingest/http/axios-http-client.js";
import { ReactomeContentService } from "../../../ingest/pathways/reactome-content-service.js";
import { reactomePathwaysOfSymbol } from "../../support/replay/fixture-reactome.js";
import { generateGenomicFixture } from "../../support/replay/genomic-fixture.js";
import { startReplayServer, type ReplayServer } from "../../support/replay/replay-server.js";

const fixture = generateGenomicFixture();
let server: ReplayServer;

function reactome() {
  return new ReactomeContentService(new AxiosHttpClient({ upstreamName: "Reactome", baseUrl: server.reactomeUrl, retry: { maxAttempts: 1 } }), { dataRelease: "95" });
}

beforeAll(async () => {
  server = await startReplayServer(fixture);
});
afterAll(async () => {
  await server.close();
});

describe("Reactome ContentService client against the replay server", () => {
  it("gives the pathways of a gene with their member symbols (gene products only)", async () => {
    const records = await reactome().pathwayRecordsOfGene(fixture.reactome.uniprotOf.VEGFA!);
    expect(records).toEqual(reactomePathwaysOfSymbol(fixture.reactome, "VEGFA").map((p) => ({
      id: p.stId, name: p.displayName, url: `https://reactome.org/content/detail/${p.stId}`,
      licence: "CC BY 4.0 (Reactome web services)", source: "Reactome", dataRelease: "95", geneSymbols: p.genes,
    })));
    const query = server.requests.find((r) => r.fullPath.includes("/data/mapping/UniProt/"))!;
    expect(query.query.get("species")).toBe("9606");
  });

  it("answers an identifier Reactome does not know with no pathways, and an unknown pathway with NOT_FOUND", async () => {
    expect(await reactome().pathwaysOfGene("Q00000")).toEqual([]);
    await expect(reactome().geneSymbolsOfPathway("R-HSA-0")).rejects.toMatchObject({ code: "NOT_FOUND", details: { kind: "Reactome pathway", id: "R-HSA-0" } });
  });

  it("counts a participant that is a splice isoform (ReferenceIsoform) for its gene", async () => {
    const pathway = fixture.reactome.pathways.find((p) => p.genes.length > 1)!;
    const isoformGene = pathway.genes[pathway.genes.length - 1]!;
    expect(await reactome().geneSymbolsOfPathway(pathway.stId)).toContain(isoformGene);
  });

  it("surfaces an HTML 500 as UPSTREAM_UNAVAILABLE", async () => {
    server.faults.add({ fault: { kind: "html-500" }, pathIncludes: "/reactome/" });
    await expect(reactome().pathwaysOfGene("P04637")).rejects.toMatchObject({ code: "UPSTREAM_UNAVAILABLE" });
    server.faults.clear();
  });
});
