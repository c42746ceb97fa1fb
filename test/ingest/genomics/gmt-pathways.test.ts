import { describe, expect, it } from "vitest";
import { parseGmt } from "../../../ingest/pathways/gmt-parser.js";
import { msigdbLicence, msigdbPathways } from "../../../ingest/pathways/msigdb-gmt.js";
import { reactomeGmtPathways } from "../../../ingest/pathways/reactome-gmt.js";
import { wikipathwaysPathways } from "../../../ingest/pathways/wikipathways-gmt.js";
import { EXPECTED_PATHWAYS, HALLMARK_GMT, REACTOME_GMT, WIKIPATHWAYS_ENTREZ_TO_SYMBOL, WIKIPATHWAYS_GMT } from "../../support/replay/gmt-fixture.js";

describe("GMT gene sets", () => {
  it("reads MSigDB Hallmark (CRLF, trailing tab) with source, version and CC BY licence", () => {
    expect(msigdbPathways(HALLMARK_GMT, "2026.1.Hs")).toEqual(
      EXPECTED_PATHWAYS.hallmark.map((p) => ({ ...p, licence: "CC BY 4.0", source: "MSigDB", dataRelease: "2026.1.Hs" })),
    );
    expect(msigdbLicence("KEGG_MEDICUS_REFERENCE_GLYCOLYSIS")).toBe("CC BY-SA 4.0");
    expect(msigdbLicence("KEGG_GLYCOLYSIS_GLUCONEOGENESIS")).toMatch(/KEGG/);
  });

  it("reads Reactome's GMT with R-HSA ids as pathway ids, viral gene names kept, CC0", () => {
    expect(reactomeGmtPathways(REACTOME_GMT, "95")).toEqual(
      EXPECTED_PATHWAYS.reactome.map((p) => ({ ...p, licence: "CC0 1.0 (Reactome data files)", source: "Reactome", dataRelease: "95" })),
    );
  });

  it("reads WikiPathways' GMT, maps Entrez ids to symbols and reports the unmapped ones", () => {
    const { pathways, unmapped } = wikipathwaysPathways(WIKIPATHWAYS_GMT, WIKIPATHWAYS_ENTREZ_TO_SYMBOL);
    expect(pathways).toEqual(EXPECTED_PATHWAYS.wikipathways.map((p) => ({ ...p, licence: "CC0 1.0", source: "WikiPathways", dataRelease: "20260510" })));
    expect(unmapped).toEqual(EXPECTED_PATHWAYS.wikipathwaysUnmapped);
  });

  it("refuses malformed lines and duplicate set names as bad input; drops duplicate members", () => {
    expect(() => parseGmt("ONLY_A_NAME\n")).toThrow(expect.objectContaining({ code: "BAD_USER_INPUT" }));
    expect(() => parseGmt("A\tna\tX\nA\tna\tY\n")).toThrow(expect.objectContaining({ code: "BAD_USER_INPUT" }));
    expect(parseGmt("A\tna\tX\tY\tX\t\t\n\n")).toEqual([{ name: "A", description: "na", members: ["X", "Y"] }]);
  });
});
