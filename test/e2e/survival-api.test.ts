// The survival API end to end on both stores, over HTTP, on the planted survival cohort
// (test/support/planted/planted-survival-cohort.ts: a latent drives one feature and the hazard):
// startSurvivalAnalysis returns a Job whose id is the stored analysis' id; the univariate Cox screen
// recovers the planted hazard direction at q < 0.05; clinical + radiomic beats clinical only on
// out-of-fold C; the same question returns a SUCCEEDED job at once; Kaplan–Meier, forest and table
// exports are served; bad input is BAD_USER_INPUT and writes no node.
import { beforeAll, describe, expect, it } from "vitest";
import "reflect-metadata";
import { settingsKey } from "../../ingest/features/feature-settings-key.js";
import { DEFAULT_FEATURE_SETTINGS } from "../../resolvers/feature-settings.mapping.js";
import { graphql } from "../support/graphql-client.js";
import { writePlantedSurvivalCohort, type PlantedSurvivalCohort } from "../support/planted/planted-survival-cohort.js";
import { BOTH_STORES } from "../support/stores.js";
import { useTestPlatform } from "../support/test-platform.js";

const START = `mutation($kind: SurvivalKind!, $endpoint: SurvivalEndpoint, $collection: String!, $groupBy: String, $splitFeature: String, $features: [String!]) {
  startSurvivalAnalysis(kind: $kind, endpoint: $endpoint, cohort: { collectionIds: [$collection] }, groupBy: $groupBy, splitFeature: $splitFeature, features: $features, seed: 3, bootstrapSamples: 200) {
  id status } }`;
const JOB = `query($id: ID!) { job(id: $id) { id status errors { code message } } }`;
const READ = `query($id: ID!, $after: String) { survivalAnalysis(id: $id) { id kind endpoint patients events result dataVersion
  features(first: 3, after: $after) { nodes { featureKey name hazardRatio hrLower hrUpper p q phP } pageInfo { hasNextPage endCursor } } } }`;
const LIST = `query($kind: SurvivalKind) { survivalAnalyses(kind: $kind, first: 10) { nodes { id kind } pageInfo { hasNextPage } } }`;

for (const target of BOTH_STORES) {
  describe(`survival API on ${target.name}`, () => {
    const platform = useTestPlatform(target);
    let cohort: PlantedSurvivalCohort;
    const key = settingsKey(DEFAULT_FEATURE_SETTINGS);
    beforeAll(async () => {
      cohort = await writePlantedSurvivalCohort(platform.store, 8, 120, key.hash, key.canonical);
    });

    async function run(variables: Record<string, unknown>): Promise<string> {
      const { data, errors } = await graphql(platform.server.graphqlUrl, START, { collection: cohort.collectionId, ...variables });
      expect(errors).toBeUndefined();
      const id = data.startSurvivalAnalysis.id as string;
      expect(id).toMatch(/^survival-[0-9a-f]{16}$/);
      for (;;) {
        const { job } = (await graphql(platform.server.graphqlUrl, JOB, { id })).data;
        if (job.status === "SUCCEEDED") return id;
        expect(["QUEUED", "RUNNING"], JSON.stringify(job.errors)).toContain(job.status);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }

    it("univariate Cox as a job: planted hazard recovered at q < 0.05, features paged, stored answer on the same question, forest + table exports", async () => {
      const id = await run({ kind: "UNIVARIATE_COX" });
      const first = (await graphql(platform.server.graphqlUrl, READ, { id })).data.survivalAnalysis;
      expect(first.kind).toBe("UNIVARIATE_COX");
      expect(first.patients).toBe(120);
      const [top] = first.features.nodes;
      expect(top.featureKey).toBe(cohort.plantedKey);
      expect(top.hazardRatio).toBeGreaterThan(1);
      expect(top.q).toBeLessThan(0.05);
      expect(first.features.pageInfo.hasNextPage).toBe(true);
      const all = [...first.features.nodes];
      for (let page = first.features; page.pageInfo.hasNextPage; all.push(...page.nodes)) {
        page = (await graphql(platform.server.graphqlUrl, READ, { id, after: page.pageInfo.endCursor })).data.survivalAnalysis.features;
      }
      expect(all).toHaveLength(6 + 1); // planted + 6 nulls; the constant feature dropped
      expect(all.filter((f) => cohort.nullKeys.includes(f.featureKey) && f.q < 0.05)).toHaveLength(0);

      const before = await platform.store.counts();
      const again = await graphql(platform.server.graphqlUrl, START, { collection: cohort.collectionId, kind: "UNIVARIATE_COX" });
      expect(again.data.startSurvivalAnalysis).toEqual({ id, status: "SUCCEEDED" });
      expect(await platform.store.counts()).toEqual(before);

      const forest = await fetch(new URL(`/export/survival/${id}/forest.svg`, platform.server.url));
      expect(forest.status).toBe(200);
      expect(forest.headers.get("content-type")).toContain("svg");
      expect(await forest.text()).toContain('data-label="planted_hazard"');
      const csv = await (await fetch(new URL(`/export/survival/${id}/table.csv`, platform.server.url))).text();
      expect(csv.split(/\r?\n/)[0]).toBe("feature,coefficient,se,hazard_ratio,hr_ci95_lower,hr_ci95_upper,p,q,c_index,ph_test_p");
      // Provenance in the sidecar, so the table reads with any reader's defaults.
      const sidecar = (await (await fetch(new URL(`/export/survival/${id}/table.provenance.json`, platform.server.url))).json()) as { provenance: string[] };
      expect(sidecar.provenance.join("\n")).toContain("survival analysis " + id);
      expect((await fetch(new URL(`/export/survival/${id}/km.svg`, platform.server.url))).status).toBe(400);
      expect((await fetch(new URL(`/export/survival/survival-nope/table.tsv`, platform.server.url))).status).toBe(404);
    }, 300_000);

    it("combined models: clinical + radiomic has a higher out-of-fold C than clinical only; the combined table is exported", async () => {
      const id = await run({ kind: "COMBINED", features: ["planted_hazard", "surv_null_1"] });
      const { result } = (await graphql(platform.server.graphqlUrl, READ, { id })).data.survivalAnalysis;
      const c = Object.fromEntries(result.models.map((m: { name: string; outOfFoldConcordance: number }) => [m.name, m.outOfFoldConcordance]));
      expect(c["clinical + radiomic"]).toBeGreaterThan(c["clinical"]);
      const tsv = await (await fetch(new URL(`/export/survival/${id}/table.tsv`, platform.server.url))).text();
      expect(tsv).toContain("clinical + radiomic\tclinical\t");
      const forest = await (await fetch(new URL(`/export/survival/${id}/forest.svg`, platform.server.url))).text();
      expect(forest).toContain('data-label="age"');
    }, 300_000);

    it("Kaplan–Meier by a median split: the plot has a numbers-at-risk table; listed by kind", async () => {
      const id = await run({ kind: "KAPLAN_MEIER", splitFeature: "planted_hazard" });
      const { result } = (await graphql(platform.server.graphqlUrl, READ, { id })).data.survivalAnalysis;
      expect(result.logRank.p).toBeLessThan(0.05);
      const svg = await (await fetch(new URL(`/export/survival/${id}/km.svg`, platform.server.url))).text();
      expect(svg).toContain("<svg");
      expect(svg.toLowerCase()).toContain("at risk");
      const listed = (await graphql(platform.server.graphqlUrl, LIST, { kind: "KAPLAN_MEIER" })).data.survivalAnalyses;
      expect(listed.nodes).toEqual([{ id, kind: "KAPLAN_MEIER" }]);
    }, 300_000);

    it("bad input: BAD_USER_INPUT and no new node", async () => {
      const before = await platform.store.counts();
      const cases: Array<[Record<string, unknown>, RegExp]> = [
        [{ kind: "UNIVARIATE_COX", collection: cohort.fewEventsCollectionId }, /too few events/],
        [{ kind: "UNIVARIATE_COX", features: ["constant"] }, /constant/],
        [{ kind: "KAPLAN_MEIER", groupBy: "GRADE" }, /single group/],
        [{ kind: "UNIVARIATE_COX", endpoint: "PROGRESSION_FREE" }, /censored/],
        [{ kind: "KAPLAN_MEIER", groupBy: "PAM50" }, /unknown target attribute 'PAM50'/],
      ];
      for (const [variables, message] of cases) {
        const { errors } = await graphql(platform.server.graphqlUrl, START, { collection: cohort.collectionId, ...variables });
        expect(errors?.[0]?.extensions?.code, String(message)).toBe("BAD_USER_INPUT");
        expect(errors?.[0]?.message).toMatch(message);
      }
      expect(await platform.store.counts()).toEqual(before);
    }, 300_000);
  });
}
