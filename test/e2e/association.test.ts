// runAssociation over GraphQL on the demo cohort, where lesion heterogeneity is planted to follow the
// hypoxia gene set's expression: the planted link must come out on top at q < 0.05, stored with its
// provenance, and asking again returns the same analysis from the graph.
import { describe, expect, it } from "vitest";
import { demoCohort } from "../../ingest/demo/demo-cohort.js";
import { useTestPlatform } from "../support/test-platform.js";
import { graphql } from "../support/graphql-client.js";
import { BOTH_STORES } from "../support/stores.js";

const cohort = demoCohort({ patientsPerCollection: 15 });
const RUN = `mutation($cohort: PatientFilterInput, $targets: AssociationTargets!, $keys: [String!], $min: Int) {
  runAssociation(cohort: $cohort, targets: $targets, targetKeys: $keys, families: ["intensity_statistics", "glcm"], minPatients: $min) { id kind params dataVersion createdAt } }`;
const LINKS = `query($id: ID!, $maxQ: Float) { featurePathwayLinks(analysisId: $id, maxQ: $maxQ, first: 500) { feature { name family ibsiCode settingsHash } target targetName rho p q n } }`;

describe.each(BOTH_STORES)("feature–pathway association [$name]", (target) => {
  const platform = useTestPlatform(target, { cohort });

  it("finds the planted hypoxia link at q < 0.05 and stores the analysis with its provenance", async () => {
    const { data, errors } = await graphql(platform.server.graphqlUrl, RUN, { targets: "PATHWAYS" });
    expect(errors).toBeUndefined();
    const analysis = data.runAssociation;
    const segmented = new Set(cohort.lesions.map((l) => l.seriesUid)).size;
    expect(analysis.params).toMatchObject({ patients: segmented, settingsHash: expect.any(String), method: { correlation: expect.stringContaining("Spearman") } });
    expect(analysis.dataVersion.pathways).toHaveLength(4);
    expect(analysis.dataVersion).toMatchObject({ expressionSource: "demo", expressionReleases: ["demo-1"], expressionValues: expect.any(Number) });

    const links = (await graphql(platform.server.graphqlUrl, LINKS, { id: analysis.id, maxQ: 0.05 })).data.featurePathwayLinks;
    expect(links.length).toBeGreaterThan(0);
    expect(links[0].target).toBe("DEMO_HYPOXIA");
    expect(links[0].n).toBe(segmented);
    expect(links[0].q).toBeLessThan(0.05);
    expect(links[0].q).toBeGreaterThanOrEqual(links[0].p);
    // CT and MR lesions differ in scale, so the planted heterogeneity shows in dimensionless dispersion.
    const dispersion = links.find((l: any) => l.feature.ibsiCode === "7TET");
    expect(dispersion?.target).toBe("DEMO_HYPOXIA");
    expect(dispersion.rho).toBeGreaterThan(0.5);
    expect(links.every((l: any) => l.target === "DEMO_HYPOXIA")).toBe(true);
    const all = (await graphql(platform.server.graphqlUrl, LINKS, { id: analysis.id })).data.featurePathwayLinks;
    expect(all.every((l: any) => l.q >= l.p && l.q <= 1)).toBe(true);
  });

  it("answers the same question from the graph", async () => {
    platform.counting.reset();
    const first = await graphql(platform.server.graphqlUrl, RUN, { targets: "PATHWAYS" });
    expect(first.errors).toBeUndefined();
    expect(platform.counting.calls.get("saveAnalysis")).toBeUndefined();
    expect(platform.counting.calls.get("saveLesionFeatures")).toBeUndefined();
  });

  it("reports how many links there are and whether `first` cut the list (featurePathwayLinkPage)", async () => {
    const { data } = await graphql(platform.server.graphqlUrl, RUN, { targets: "PATHWAYS" });
    const id = data.runAssociation.id;
    const ALL = `query($id: ID!) { featurePathwayLinks(analysisId: $id, first: 10000) { target q } }`;
    const all = (await graphql(platform.server.graphqlUrl, ALL, { id })).data.featurePathwayLinks;
    expect(all.length).toBeLessThan(10_000);
    const significant = all.filter((l: any) => l.q <= 0.05);
    const PAGE = `query($id: ID!, $maxQ: Float, $first: Int!) { featurePathwayLinkPage(analysisId: $id, maxQ: $maxQ, first: $first) { totalCount truncated nodes { target q } } }`;
    const cut = (await graphql(platform.server.graphqlUrl, PAGE, { id, first: 3 })).data.featurePathwayLinkPage;
    expect(cut).toMatchObject({ totalCount: all.length, truncated: true });
    expect(cut.nodes).toEqual(all.slice(0, 3));
    const whole = (await graphql(platform.server.graphqlUrl, PAGE, { id, maxQ: 0.05, first: 500 })).data.featurePathwayLinkPage;
    expect(whole).toMatchObject({ totalCount: significant.length, truncated: false });
    expect(whole.nodes).toHaveLength(significant.length);
    const genes = await graphql(platform.server.graphqlUrl, `query($id: ID!) { featureGeneLinkPage(analysisId: $id, first: 1) { totalCount truncated } }`, { id });
    expect(genes.data.featureGeneLinkPage).toEqual({ totalCount: 0, truncated: false }); // a pathway analysis has no gene links
  });

  it("correlates features with genes", async () => {
    const { data, errors } = await graphql(platform.server.graphqlUrl, RUN, { targets: "GENES", keys: ["CA9", "VEGFA", "MKI67"] });
    expect(errors).toBeUndefined();
    const links = (await graphql(platform.server.graphqlUrl, `query($id: ID!) { featureGeneLinks(analysisId: $id, first: 5) { target q } }`, { id: data.runAssociation.id })).data.featureGeneLinks;
    expect(["CA9", "VEGFA"]).toContain(links[0].target);
  });

  it("with a second expression source, asks which one to read and records the choice", async () => {
    const genes = ["CA9", "VEGFA", "MKI67"];
    const first = await graphql(platform.server.graphqlUrl, RUN, { targets: "GENES", keys: genes });
    const second = cohort.expression.filter((e) => genes.includes(e.geneSymbol)).map((e) => ({ ...e, value: -e.value!, source: "cBioPortal", dataRelease: "2026-06-01", sourceFile: "demo_rna_seq_v2_mrna" }));
    await platform.store.replaceExpression(second);
    const ambiguous = await graphql(platform.server.graphqlUrl, RUN, { targets: "GENES", keys: genes });
    expect(ambiguous.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(ambiguous.errors![0]!.message).toMatch(/cBioPortal, demo.*expressionSource/);
    const choose = RUN.replace("$min: Int)", "$min: Int, $source: String)").replace("minPatients: $min)", "minPatients: $min, expressionSource: $source)");
    const demo = await graphql(platform.server.graphqlUrl, choose, { targets: "GENES", keys: genes, source: "demo" });
    expect(demo.data.runAssociation.id).toBe(first.data.runAssociation.id);
    const cbio = await graphql(platform.server.graphqlUrl, choose, { targets: "GENES", keys: genes, source: "cBioPortal" });
    expect(cbio.errors).toBeUndefined();
    expect(cbio.data.runAssociation.dataVersion).toMatchObject({ expressionSource: "cBioPortal", expressionReleases: ["2026-06-01"], expressionFiles: 1 });
    expect(cbio.data.runAssociation.id).not.toBe(first.data.runAssociation.id);
  });

  it("rejects unknown genes, unknown pathways and too small cohorts, storing nothing", async () => {
    const before = await platform.store.counts();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ targets: "GENES", keys: ["NOTAGENE"] }, "NOTAGENE"],
      [{ targets: "PATHWAYS", keys: ["NO_SUCH_SET"] }, "NO_SUCH_SET"],
      [{ targets: "PATHWAYS", cohort: { ids: ["TCGA-DM-0001", "TCGA-DM-0002"] } }, "at least"],
      [{ targets: "PATHWAYS", cohort: { collectionIds: ["TCGA-NONE"] } }, "0 patients"],
    ];
    for (const [variables, message] of cases) {
      const { errors } = await graphql(platform.server.graphqlUrl, RUN, variables);
      expect(errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe("BAD_USER_INPUT");
      expect(errors![0]!.message).toContain(message);
    }
    const after = await platform.store.counts();
    expect(after.Analysis).toBe(before.Analysis);
    expect(after.CORRELATES_WITH).toBe(before.CORRELATES_WITH);
  });
});
