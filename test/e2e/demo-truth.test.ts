// The demo tells the truth (issue 15): on the cohort `npm start` loads (demoCohort() with its defaults),
// the README's association — runAssociation(targets: PATHWAYS, families: intensity_statistics + glcm),
// the real pipeline through GraphQL, features computed from the generated images — reports at q < 0.05 the
// planted links (lesion heterogeneity ↔ DEMO_HYPOXIA, the only pathway the generator ties to the images)
// and no more links to unplanted pathways than its FDR allows: false / discoveries ≤ 0.05.
import { beforeAll, describe, expect, it } from "vitest";
import { demoCohort } from "../../ingest/demo/demo-cohort.js";
import { graphql } from "../support/graphql-client.js";
import { BOTH_STORES } from "../support/stores.js";
import { useTestPlatform } from "../support/test-platform.js";

const FDR = 0.05;
const PLANTED_PATHWAY = "DEMO_HYPOXIA";
const RUN = `mutation { runAssociation(targets: PATHWAYS, families: ["intensity_statistics", "glcm"]) { id params } }`;
const PAGE = `query($id: ID!) { featurePathwayLinkPage(analysisId: $id, maxQ: 0.05, first: 100) { totalCount truncated nodes { feature { name ibsiCode } target rho q } } }`;

describe.each(BOTH_STORES)("the demo's association at q < 0.05 [$name]", (target) => {
  const platform = useTestPlatform(target, { cohort: demoCohort() });
  let page: { totalCount: number; truncated: boolean; nodes: { feature: { name: string; ibsiCode: string | null }; target: string; rho: number; q: number }[] };

  beforeAll(async () => {
    const run = await graphql(platform.server.graphqlUrl, RUN);
    expect(run.errors).toBeUndefined();
    const answer = await graphql(platform.server.graphqlUrl, PAGE, { id: run.data.runAssociation.id });
    expect(answer.errors).toBeUndefined();
    page = answer.data.featurePathwayLinkPage;
  });

  it("shows the planted hypoxia links first, the coefficient of variation among them", () => {
    const planted = page.nodes.filter((l) => l.target === PLANTED_PATHWAY);
    expect(planted.length).toBeGreaterThan(0);
    expect(page.nodes[0]!.target).toBe(PLANTED_PATHWAY);
    expect(planted.map((l) => l.feature.ibsiCode)).toContain("7TET");
    expect(planted.every((l) => l.rho > 0)).toBe(true);
  });

  it("reports no more false discoveries than the FDR allows, and all of them (not truncated)", () => {
    const unplanted = page.nodes.filter((l) => l.target !== PLANTED_PATHWAY);
    const summary = `${page.totalCount} links: ${page.nodes.filter((l) => l.target === PLANTED_PATHWAY).length} planted, unplanted ${JSON.stringify(unplanted.slice(0, 5).map((l) => `${l.feature.name}~${l.target} rho ${l.rho.toFixed(2)} q ${l.q.toExponential(1)}`))}`;
    expect(page.truncated, summary).toBe(false);
    expect(page.nodes).toHaveLength(page.totalCount);
    expect(unplanted.length, summary).toBeLessThanOrEqual(Math.floor(FDR * page.totalCount));
  });
});
