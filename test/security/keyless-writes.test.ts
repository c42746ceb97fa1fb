// Issue 12, finding 3 ("reads that write"), on both stores: with API keys configured, a keyless query
// of Lesion.features with settings the graph does not hold used to compute and store them (60 aliases
// with different settings added 29,220 Feature nodes). Now it adds nothing: it gets a typed error
// naming the mutation to run (computeFeatures) and the scope it needs; stored settings are still
// served; a key with `compute` (or a server with no keys at all) computes as before.
import { describe, expect, it } from "vitest";
import { demoCohort } from "../../ingest/demo/demo-cohort.js";
import { createApiKey } from "../../resolvers/api-keys.js";
import { graphql } from "../support/graphql-client.js";
import { delta, type Counts } from "../support/store-delta.js";
import { BOTH_STORES } from "../support/stores.js";
import { useTestPlatform } from "../support/test-platform.js";

const cohort = demoCohort({ patientsPerCollection: 2 });
const lesion = cohort.lesions[0]!;
const series = cohort.series.find((s) => s.uid === lesion.seriesUid)!;
const patientId = cohort.studies.find((s) => s.uid === series.studyUid)!.patientId;
const computer = createApiKey(["compute"]);
const reader = createApiKey(["read"]);
/** Generous query limits: this suite tests the write gate, not the cost estimate. */
const LIMITS = { maxDepth: 20, maxCost: 10_000_000, maxSettingsPerRequest: 100 };

/** `aliases` Lesion.features fields, each with its own binCount (settings the graph does not hold). */
function aliasedFeatures(aliases: number, firstBinCount = 5): string {
  const fields = Array.from({ length: aliases }, (_, i) => `f${i}: features(settings: { binCount: ${firstBinCount + i} }, families: ["intensity_histogram"]) { value }`);
  return `query($id: ID!) { patient(id: $id) { studies { series { lesions { id ${fields.join(" ")} } } } } }`;
}

describe.each(BOTH_STORES)("keyless reads never write [$name]", (target) => {
  const platform = useTestPlatform(target, {
    cohort,
    services: { apiKeys: `${computer.entry};${reader.entry}` },
    server: { limits: LIMITS },
  });
  const counts = async () => (await platform.store.counts()) as Counts;

  it("adds zero nodes for 60 aliases with new settings and no key, naming computeFeatures and the scope", async () => {
    const before = await counts();
    platform.counting.reset();
    const { errors } = await graphql(platform.server.graphqlUrl, aliasedFeatures(60), { id: patientId });
    expect(delta(before, await counts())).toEqual({});
    // Every alias ran (one stored-values read each) and none wrote; GraphQL reports the first error of the nulled lesion.
    expect(platform.counting.calls.get("featuresOfLesions")).toBeGreaterThanOrEqual(60);
    expect(platform.counting.calls.get("saveLesionFeatures")).toBeUndefined();
    expect(errors!.length).toBeGreaterThanOrEqual(1);
    for (const error of errors!) {
      expect(error.extensions).toMatchObject({ code: "UNAUTHENTICATED", details: { scope: "compute", mutation: "computeFeatures" } });
      expect(error.message).toMatch(/needs an API key with scope 'compute'.*computeFeatures/);
    }
  });

  it("adds zero nodes for a key without the compute scope (FORBIDDEN)", async () => {
    const before = await counts();
    const { errors } = await graphql(platform.server.graphqlUrl, aliasedFeatures(60, 100), { id: patientId }, { "x-api-key": reader.key });
    expect(delta(before, await counts())).toEqual({});
    expect(new Set(errors!.map((e) => e.extensions?.code))).toEqual(new Set(["FORBIDDEN"]));
    expect(errors![0]!.message).toMatch(/lacks scope 'compute'.*computeFeatures/);
  });

  it("computes with a compute key, and then serves those stored values without one", async () => {
    const query = aliasedFeatures(1, 300);
    const before = await counts();
    const computed = await graphql(platform.server.graphqlUrl, query, { id: patientId }, { "x-api-key": computer.key });
    expect(computed.errors).toBeUndefined();
    expect(delta(before, await counts()).Feature).toBeGreaterThan(0); // the gate is what kept the counts flat above
    const afterCompute = await counts();
    const keyless = await graphql(platform.server.graphqlUrl, query, { id: patientId });
    expect(keyless.errors).toBeUndefined();
    expect(keyless.data).toEqual(computed.data);
    expect(delta(afterCompute, await counts())).toEqual({});
  });
});

describe.each(BOTH_STORES)("no keys configured: on-demand computation stays open [$name]", (target) => {
  const platform = useTestPlatform(target, { cohort, server: { limits: LIMITS } });

  it("computes new settings for a keyless query (the loopback default)", async () => {
    const before = (await platform.store.counts()) as Counts;
    const { errors } = await graphql(platform.server.graphqlUrl, aliasedFeatures(1, 400), { id: patientId });
    expect(errors).toBeUndefined();
    expect(delta(before, (await platform.store.counts()) as Counts).Feature).toBeGreaterThan(0);
  });
});
