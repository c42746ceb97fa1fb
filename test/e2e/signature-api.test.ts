// The signature API end to end on both stores: fitSignature over GraphQL on the planted cohort, the
// stored answer paged by `signatures`, its features, a bad target as BAD_USER_INPUT listing the
// attributes, and the ROC / coefficient exports over HTTP.
import { beforeAll, describe, expect, it } from "vitest";
import "reflect-metadata";
import { settingsKey } from "../../ingest/features/feature-settings-key.js";
import { DEFAULT_FEATURE_SETTINGS } from "../../resolvers/feature-settings.mapping.js";
import { graphql } from "../support/graphql-client.js";
import { writePlantedSignatureCohort, type PlantedSignatureCohort } from "../support/planted/planted-signature-cohort.js";
import { BOTH_STORES } from "../support/stores.js";
import { useTestPlatform } from "../support/test-platform.js";

const FIT = `mutation($collection: String!, $target: String!) { fitSignature(cohort: { collectionIds: [$collection] }, target: $target, folds: 5, seed: 3) {
  id target auc ci95 permutationP features { name coefficient selectionFrequency } } }`;
const LIST = `query($after: String) { signatures(first: 1, after: $after) { nodes { id target } pageInfo { hasNextPage endCursor } } }`;

for (const target of BOTH_STORES) {
  describe(`signature API on ${target.name}`, () => {
    const platform = useTestPlatform(target);
    let cohort: PlantedSignatureCohort;
    const key = settingsKey(DEFAULT_FEATURE_SETTINGS);
    beforeAll(async () => {
      cohort = await writePlantedSignatureCohort(platform.store, 6, 60, key.hash, key.canonical);
    });

    it("fits, stores, pages and exports a signature; an unknown target is BAD_USER_INPUT naming the attributes", async () => {
      const { data, errors } = await graphql(platform.server.graphqlUrl, FIT, { collection: cohort.collectionId, target: "SUBTYPE" });
      expect(errors).toBeUndefined();
      const [signature] = data.fitSignature;
      expect(signature.target).toBe("SUBTYPE=Luminal");
      expect(signature.ci95[0]).toBeGreaterThan(0.5);
      expect(signature.features).toHaveLength(12);
      await graphql(platform.server.graphqlUrl, FIT, { collection: cohort.collectionId, target: "NOISE" });
      const first = (await graphql(platform.server.graphqlUrl, LIST)).data.signatures;
      expect(first.nodes).toHaveLength(1);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = (await graphql(platform.server.graphqlUrl, LIST, { after: first.pageInfo.endCursor })).data.signatures;
      expect(new Set([first.nodes[0].target, second.nodes[0].target])).toEqual(new Set(["SUBTYPE=Luminal", "NOISE=B"]));

      const roc = await fetch(new URL(`/export/signatures/${signature.id}/roc.svg`, platform.server.url));
      expect(roc.status).toBe(200);
      expect(roc.headers.get("content-type")).toContain("svg");
      const csv = await (await fetch(new URL(`/export/signatures/${signature.id}/coefficients.csv`, platform.server.url))).text();
      expect(csv).toContain("planted_a");
      expect((await fetch(new URL(`/export/signatures/sig-nope/folds.tsv`, platform.server.url))).status).toBe(404);

      const before = await platform.store.counts();
      const bad = await graphql(platform.server.graphqlUrl, FIT, { collection: cohort.collectionId, target: "PAM50" });
      expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(bad.errors?.[0]?.message).toContain("CONSTANT, NOISE, SUBTYPE");
      expect(await platform.store.counts()).toEqual(before);
    }, 300_000);
  });
}
