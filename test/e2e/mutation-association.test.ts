// runAssociation(targets: MUTATIONS) and mutationAssociations over GraphQL on the demo cohort: group
// sizes follow the documented "profiled" rule (recounted here from the stored calls), U and AUC equal a
// brute-force pair count over the stored feature values, pages follow the documented order, the same
// question is answered from the graph, and bad input is BAD_USER_INPUT with nothing stored.
import { describe, expect, it } from "vitest";
import { demoCohort } from "../../ingest/demo/demo-cohort.js";
import { useTestPlatform } from "../support/test-platform.js";
import { graphql } from "../support/graphql-client.js";
import { BOTH_STORES } from "../support/stores.js";

const cohort = demoCohort({ patientsPerCollection: 15 });
const RUN = `mutation($cohort: PatientFilterInput, $keys: [String!], $group: Int, $min: Int) {
  runAssociation(cohort: $cohort, targets: MUTATIONS, targetKeys: $keys, families: ["intensity_statistics"], minGroupSize: $group, minPatients: $min) { id kind params dataVersion } }`;
const LINKS = `query($id: ID!, $first: Int!, $after: String, $maxQ: Float, $genes: [String!], $feature: String, $dev: Float) {
  mutationAssociations(analysisId: $id, first: $first, after: $after, maxQ: $maxQ, genes: $genes, feature: $feature, minAbsAucDeviation: $dev) {
    nodes { feature { name family ibsiCode settingsHash } gene auc u p q n nMutated nWildType analysisId } pageInfo { hasNextPage endCursor } } }`;

/** AUC by counting pairs: P(mutated > wild type) + ½ P(tie). */
function pairCountAuc(mutated: number[], wildType: number[]): number {
  let wins = 0;
  for (const x of mutated) for (const y of wildType) wins += x > y ? 1 : x === y ? 0.5 : 0;
  return wins / (mutated.length * wildType.length);
}

describe.each(BOTH_STORES)("feature → mutation association [$name]", (target) => {
  const platform = useTestPlatform(target, { cohort });
  let analysis: any;

  it("splits profiled patients by the stored calls and stores U, AUC, p, q and group sizes that a pair count confirms", async () => {
    const { data, errors } = await graphql(platform.server.graphqlUrl, RUN, { group: 3 });
    expect(errors).toBeUndefined();
    analysis = data.runAssociation;
    expect(analysis.kind).toBe("MUTATIONS");
    expect(analysis.params.method.test).toContain("Mann–Whitney");
    expect(analysis.dataVersion).toMatchObject({ mutationCalls: expect.any(Number), mutationSources: ["demo"] });

    // Profiled = a segmented lesion and at least one stored call; recount from the store.
    const lesions = await platform.store.lesionsOfPatients({});
    const lesionOf = new Map([...lesions].sort((a, b) => b.id.localeCompare(a.id)).map((l) => [l.patientId, l.id]));
    const calls = await platform.store.mutationsOfPatients([...lesionOf.keys()]);
    const profiled = [...lesionOf.keys()].filter((p) => (calls.get(p) ?? []).length > 0);
    expect(analysis.params.profiledPatients).toBe(profiled.length);
    const mutatedIn = (gene: string) => profiled.filter((p) => calls.get(p)!.some((m) => m.geneSymbol === gene));
    const eligible = [...new Set(profiled.flatMap((p) => calls.get(p)!.map((m) => m.geneSymbol)))]
      .filter((g) => mutatedIn(g).length >= 3 && profiled.length - mutatedIn(g).length >= 3).sort();
    expect(analysis.params.targetKeys).toEqual(eligible);
    expect(eligible.length).toBeGreaterThan(0);

    const all = [];
    let after: string | null = null;
    do {
      const response = await graphql(platform.server.graphqlUrl, LINKS, { id: analysis.id, first: 7, after });
      expect(response.errors).toBeUndefined();
      const page: any = response.data.mutationAssociations;
      all.push(...page.nodes);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(all.length).toBe(analysis.params.tests);
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1], all[i]];
      expect(a.q < b.q || (a.q === b.q && Math.abs(a.auc - 0.5) >= Math.abs(b.auc - 0.5) - 1e-12), `order at ${i}`).toBe(true);
    }
    const stored = await platform.store.featuresOfLesions(profiled.map((p) => lesionOf.get(p)!), all[0].feature.settingsHash);
    const valueOf = (patient: string, name: string) => stored.get(lesionOf.get(patient)!)!.find((f) => f.feature.name === name)?.value ?? null;
    for (const link of all.filter((_, i) => i % 5 === 0)) {
      const mutated = new Set(mutatedIn(link.gene));
      const values = (group: boolean) => profiled.filter((p) => mutated.has(p) === group).map((p) => valueOf(p, link.feature.name)).filter((v): v is number => v !== null);
      const [x, y] = [values(true), values(false)];
      expect([link.nMutated, link.nWildType, link.n]).toEqual([x.length, y.length, x.length + y.length]);
      expect(link.auc).toBeCloseTo(pairCountAuc(x, y), 12);
      expect(link.u).toBeCloseTo(link.auc * x.length * y.length, 9);
      expect(link.q).toBeGreaterThanOrEqual(link.p);
      expect(link.analysisId).toBe(analysis.id);
    }
  });

  it("filters by gene, feature, q and AUC deviation", async () => {
    const gene = analysis.params.targetKeys[0];
    const byGene = (await graphql(platform.server.graphqlUrl, LINKS, { id: analysis.id, first: 1000, genes: [gene] })).data.mutationAssociations.nodes;
    expect(byGene.length).toBe(analysis.params.tests / analysis.params.targetKeys.length);
    expect(byGene.every((l: any) => l.gene === gene)).toBe(true);
    const byFeature = (await graphql(platform.server.graphqlUrl, LINKS, { id: analysis.id, first: 1000, feature: "7TET" })).data.mutationAssociations.nodes;
    expect(byFeature.length).toBe(analysis.params.targetKeys.length);
    expect(byFeature.every((l: any) => l.feature.ibsiCode === "7TET")).toBe(true);
    const strong = (await graphql(platform.server.graphqlUrl, LINKS, { id: analysis.id, first: 1000, dev: 0.2, maxQ: 0.9 })).data.mutationAssociations.nodes;
    expect(strong.every((l: any) => Math.abs(l.auc - 0.5) >= 0.2 && l.q <= 0.9)).toBe(true);
  });

  it("answers the same question from the graph", async () => {
    platform.counting.reset();
    const { data, errors } = await graphql(platform.server.graphqlUrl, RUN, { group: 3 });
    expect(errors).toBeUndefined();
    expect(data.runAssociation.id).toBe(analysis.id);
    expect(platform.counting.calls.get("savePredictionAnalysis")).toBeUndefined();
    expect(platform.counting.calls.get("saveLesionFeatures")).toBeUndefined();
  });

  it("rejects an empty cohort, too few patients, small groups and unknown genes, storing nothing", async () => {
    const before = await platform.store.counts();
    const [rarest, sizes] = Object.entries(analysis.params.groups as Record<string, { mutated: number }>).sort((a, b) => a[1].mutated - b[1].mutated)[0]!;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ cohort: { collectionIds: ["TCGA-NONE"] } }, "0 patients"],
      [{ cohort: { ids: ["TCGA-DM-0001", "TCGA-DM-0002", "TCGA-DM-0003"] } }, "at least"],
      [{ keys: ["NOTAGENE"], group: 3 }, "NOTAGENE"],
      [{ keys: [rarest], group: sizes.mutated + 1 }, "too few patients in a group"],
    ];
    for (const [variables, message] of cases) {
      const { errors } = await graphql(platform.server.graphqlUrl, RUN, variables);
      expect(errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe("BAD_USER_INPUT");
      expect(errors![0]!.message).toContain(message);
    }
    const after = await platform.store.counts();
    expect(after.Analysis).toBe(before.Analysis);
    expect(after.PREDICTS).toBe(before.PREDICTS);
    const unknown = await graphql(platform.server.graphqlUrl, LINKS, { id: "assoc-none", first: 5 });
    expect(unknown.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const badCursor = await graphql(platform.server.graphqlUrl, LINKS, { id: analysis.id, first: 5, after: "nonsense" });
    expect(badCursor.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("draws PREDICTS edges in radiogenomicMap, named by analysis id or by the saved cohort the analysis ran on", async () => {
    const url = platform.server.graphqlUrl;
    const MAP = `query($ids: [ID!], $cohort: ID) { radiogenomicMap(analysisIds: $ids, cohortId: $cohort, maxQ: 1) {
      edges { kind measure effect rho q source target analysisId } } }`;
    const page = await graphql(url, LINKS, { id: analysis.id, first: 1_000 });
    expect(page.errors).toBeUndefined();
    expect(page.data.mutationAssociations.pageInfo.hasNextPage).toBe(false);
    const links = page.data.mutationAssociations.nodes;
    const byId = await graphql(url, MAP, { ids: [analysis.id] });
    expect(byId.errors).toBeUndefined();
    const edges = byId.data.radiogenomicMap.edges;
    expect(edges.length).toBe(links.length);
    expect(new Set(edges.map((e: any) => `${e.kind} ${e.measure} ${e.rho}`))).toEqual(new Set(["PREDICTS auc null"]));
    const pairs = (rows: Array<[string, number]>) => rows.map(([gene, auc]) => `${gene} ${auc}`).sort();
    expect(pairs(edges.map((e: any) => [e.target.replace(/^gene:/, ""), e.effect]))).toEqual(pairs(links.map((l: any) => [l.gene, l.auc])));

    const saved = await graphql(url, `mutation { saveCohort(name: "segmented", filter: { hasSegmentation: true }) { id } }`);
    expect(saved.errors).toBeUndefined();
    const cohortId = saved.data.saveCohort.id;
    const none = await graphql(url, MAP, { cohort: cohortId });
    expect(none.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const run = await graphql(url, `mutation($c: ID!) { runAssociation(cohortId: $c, targets: MUTATIONS, families: ["intensity_statistics"], minGroupSize: 3) { id cohortId params } }`, { c: cohortId });
    expect(run.errors).toBeUndefined();
    expect(run.data.runAssociation.cohortId).toBe(cohortId);
    const byCohort = await graphql(url, MAP, { cohort: cohortId });
    expect(byCohort.errors).toBeUndefined();
    const cohortEdges = byCohort.data.radiogenomicMap.edges;
    expect(cohortEdges.length).toBe(run.data.runAssociation.params.tests);
    expect(new Set(cohortEdges.map((e: any) => e.analysisId))).toEqual(new Set([run.data.runAssociation.id]));
    expect((await graphql(url, MAP, { cohort: "cohort-nope" })).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});
