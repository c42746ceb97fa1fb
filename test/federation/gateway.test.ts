// The federated platform against the all-in-one server over one store loaded with the demo cohort:
// the three subgraphs and the gateway on loopback ports answer cross-subgraph queries with exactly
// the all-in-one server's JSON, batch entity references, keep error codes, and still protect
// mutations with API keys (the gateway forwards x-api-key to the subgraphs).
import { describe, expect, it } from "vitest";
import { demoCohort } from "../../ingest/demo/demo-cohort.js";
import { DEMO_GMT } from "../../ingest/demo/demo-genes.js";
import { createApiKey } from "../../resolvers/api-keys.js";
import { useFederatedPlatform } from "../support/federated-platform.js";
import { graphql } from "../support/graphql-client.js";
import { BOTH_STORES, embeddedStore } from "../support/stores.js";

const cohort = demoCohort({ patientsPerCollection: 15 });
const admin = createApiKey("all");
const ingestOnly = createApiKey(["ingest"]);
const apiKeys = `${admin.entry};${ingestOnly.entry}`;

// genomics (patients, clinical, mutations) → imaging (collection, studies, series, lesions) → radiogenomics (features)
const PATIENTS = `query($first: Int!) {
  patients(first: $first) {
    totalCount
    nodes {
      id sex ageAtDiagnosisYears vitalStatus overallSurvivalDays
      collection { id name }
      studies { uid series { uid modality sliceThickness pixelSpacing lesions { id label volumeMm3
        features(families: ["intensity_statistics"]) { name ibsiCode value settingsHash } } } }
      mutations { geneSymbol proteinChange }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;
const RUN = `mutation { runAssociation(targets: PATHWAYS, families: ["intensity_statistics"]) { id kind params dataVersion } }`;
// radiogenomics (links) → genomics (pathway, member genes, their pathways)
const LINKS = `query($id: ID!) {
  featurePathwayLinks(analysisId: $id, maxQ: 0.05, first: 50) {
    feature { name ibsiCode } target rho q n
    pathway { id name source genes { symbol entrezId pathways { id } } }
  }
}`;
const GENES = `{ genes(symbols: ["CA9", "EGFR"]) { symbol entrezId pathways { id name genes { symbol } } } }`;

function hypoxiaMembers(): string[] {
  const line = DEMO_GMT.split("\n").find((l) => l.startsWith("DEMO_HYPOXIA\t"))!;
  return line.split("\t").slice(2).sort();
}

describe.each(BOTH_STORES)("federated gateway vs all-in-one [$name]", (target) => {
  const platform = useFederatedPlatform(target, { cohort, services: { apiKeys } });
  const both = async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) => ({
    allInOne: await graphql(platform.allInOne.graphqlUrl, query, variables, headers),
    federated: await graphql(platform.gateway.graphqlUrl, query, variables, headers),
  });

  it("answers patient → lesions → features across three subgraphs exactly as the all-in-one server", async () => {
    // With keys configured, computing features on a read needs a `compute` key (issue 12); later reads are served stored values keyless.
    const { allInOne, federated } = await both(PATIENTS, { first: 30 }, { "x-api-key": admin.key });
    expect(allInOne.errors).toBeUndefined();
    expect(federated.errors).toBeUndefined();
    expect(federated.data).toEqual(allInOne.data);
    const lesions = federated.data.patients.nodes.flatMap((p: any) => p.studies.flatMap((s: any) => s.series.flatMap((x: any) => x.lesions)));
    expect(lesions).toHaveLength(cohort.lesions.length);
    expect(lesions.every((l: any) => l.features.length > 0)).toBe(true);
  });

  it("batches entity references: the gateway's plan costs the store the same calls as the all-in-one server", async () => {
    platform.counting.reset();
    await graphql(platform.allInOne.graphqlUrl, PATIENTS, { first: 30 });
    const allInOneCalls = Object.fromEntries(platform.counting.calls);
    platform.counting.reset();
    const federated = await graphql(platform.gateway.graphqlUrl, PATIENTS, { first: 30 });
    expect(federated.errors).toBeUndefined();
    expect(Object.fromEntries(platform.counting.calls)).toEqual(allInOneCalls);
    expect(Math.max(...platform.counting.calls.values())).toBe(1);
  });

  it("walks from a correlated pathway to its member genes across subgraphs", async () => {
    const run = await graphql(platform.gateway.graphqlUrl, RUN, {}, { "x-api-key": admin.key });
    expect(run.errors).toBeUndefined();
    const { allInOne, federated } = await both(LINKS, { id: run.data.runAssociation.id });
    expect(federated.errors).toBeUndefined();
    expect(federated.data).toEqual(allInOne.data);
    const top = federated.data.featurePathwayLinks[0];
    expect(top.target).toBe("DEMO_HYPOXIA");
    expect(top.pathway.id).toBe("DEMO_HYPOXIA");
    expect(top.pathway.genes.map((g: any) => g.symbol).sort()).toEqual(hypoxiaMembers());
    expect(top.pathway.genes.find((g: any) => g.symbol === "CA9").entrezId).toBe(768);
    const analysis = await graphql(platform.subgraphs.radiogenomics.graphqlUrl, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Analysis { id kind } } }`, {
      r: [{ __typename: "Analysis", id: run.data.runAssociation.id }],
    });
    expect(analysis.data._entities).toEqual([{ id: run.data.runAssociation.id, kind: run.data.runAssociation.kind }]);
  });

  it("resolves every entity by its key at its owner subgraph, null for an unknown key (the gateway's _entities calls)", async () => {
    const series = cohort.series[0]!;
    const study = cohort.studies.find((st) => st.uid === series.studyUid)!;
    const lesion = cohort.lesions.find((l) => l.seriesUid === series.uid)!;
    const patient = cohort.patients.find((p) => p.id === study.patientId)!;
    const entities = (fragments: string) => `query($r: [_Any!]!) { _entities(representations: $r) { __typename ${fragments} } }`;
    const imaging = await graphql(platform.subgraphs.imaging.graphqlUrl, entities(`... on Collection { id name } ... on Study { uid date }
      ... on Series { uid modality sliceThickness pixelSpacing } ... on Lesion { id label segmentationType }`), { r: [
      { __typename: "Collection", id: patient.collectionId }, { __typename: "Study", uid: study.uid }, { __typename: "Series", uid: series.uid },
      { __typename: "Lesion", id: lesion.id }, { __typename: "Series", uid: "1.2.3.no-such-series" },
    ] });
    expect(imaging.errors).toBeUndefined();
    expect(imaging.data._entities).toEqual([
      { __typename: "Collection", id: patient.collectionId, name: cohort.collections.find((c) => c.id === patient.collectionId)!.name },
      { __typename: "Study", uid: study.uid, date: study.date },
      { __typename: "Series", uid: series.uid, modality: series.modality, sliceThickness: series.sliceThickness, pixelSpacing: series.pixelSpacing },
      { __typename: "Lesion", id: lesion.id, label: lesion.label, segmentationType: lesion.segmentationType },
      null,
    ]);
    const genomics = await graphql(platform.subgraphs.genomics.graphqlUrl, entities("... on Patient { id sex } ... on Gene { symbol entrezId } ... on Pathway { id name }"), { r: [
      { __typename: "Patient", id: patient.id }, { __typename: "Gene", symbol: "CA9" }, { __typename: "Pathway", id: "DEMO_HYPOXIA" }, { __typename: "Patient", id: "TCGA-XX-0000" },
    ] });
    expect(genomics.errors).toBeUndefined();
    expect(genomics.data._entities).toEqual([
      { __typename: "Patient", id: patient.id, sex: patient.sex }, { __typename: "Gene", symbol: "CA9", entrezId: 768 },
      { __typename: "Pathway", id: "DEMO_HYPOXIA", name: "Hypoxia response (demo subset)" }, null,
    ]);
  });

  it("answers gene → pathways → genes the same way", async () => {
    const { allInOne, federated } = await both(GENES);
    expect(federated.errors).toBeUndefined();
    expect(federated.data).toEqual(allInOne.data);
    expect(federated.data.genes[0].pathways.map((p: any) => p.id)).toContain("DEMO_HYPOXIA");
  });

  it("keeps error codes: NOT_FOUND and BAD_USER_INPUT", async () => {
    for (const [query, code] of [
      [`{ patient(id: "TCGA-XX-0000") { id studies { uid } } }`, "NOT_FOUND"],
      [`{ patients(first: 0) { totalCount } }`, "BAD_USER_INPUT"],
      [`{ genes(symbols: ["NOTAGENE"]) { symbol } }`, "BAD_USER_INPUT"],
    ] as const) {
      const { allInOne, federated } = await both(query);
      expect(allInOne.errors?.[0]?.extensions?.code).toBe(code);
      expect(federated.errors?.[0]?.extensions?.code, query).toBe(code);
      expect(federated.data ?? null).toEqual(allInOne.data ?? null);
    }
  });

  it("rejects mutations in every subgraph without the right key, changing nothing", async () => {
    const before = await platform.store.counts();
    const attempts: Array<[string, Record<string, string>, string]> = [
      [`mutation { ingestPathways(format: MSIGDB, gmt: "NEW_SET\\tx\\tCA9", version: "1") { written } }`, {}, "UNAUTHENTICATED"],
      [`mutation { ingestImaging(collection: "TCGA-GBM", patientIds: ["TCGA-02-0003"]) { id } }`, { "x-api-key": "rg_not_a_key" }, "UNAUTHENTICATED"],
      [`mutation { computeFeatures(families: ["glcm"]) { id } }`, { "x-api-key": ingestOnly.key }, "FORBIDDEN"],
      [RUN, { "x-api-key": ingestOnly.key }, "FORBIDDEN"],
    ];
    for (const [mutation, headers, code] of attempts) {
      const { federated } = { federated: await graphql(platform.gateway.graphqlUrl, mutation, {}, headers) };
      expect(federated.errors?.[0]?.extensions?.code, mutation).toBe(code);
    }
    expect(await platform.store.counts()).toEqual(before);
  });

  it("accepts a mutation with a key of the right scope, forwarded by the gateway", async () => {
    const gmt = "FED_TEST_SET\tA gene set ingested through the gateway\tCA9\tVEGFA";
    const { data, errors } = await graphql(platform.gateway.graphqlUrl, `mutation($gmt: String!) { ingestPathways(format: MSIGDB, gmt: $gmt, version: "t1") { written } }`, { gmt }, { "x-api-key": ingestOnly.key });
    expect(errors).toBeUndefined();
    expect(data.ingestPathways.written).toBe(1);
    const genes = (await graphql(platform.gateway.graphqlUrl, `{ pathways(geneSymbol: "CA9") { id genes { symbol } } }`)).data.pathways;
    expect(genes.find((p: any) => p.id === "FED_TEST_SET").genes.map((g: any) => g.symbol).sort()).toEqual(["CA9", "VEGFA"]);
  });
});

// Each subgraph sees only its part of a federated query (the genomics part of the query below is
// 3 levels deep and costs ~300, the imaging part 5 levels), so the gateway checks the whole one.
describe("depth and cost limits on the whole federated query [embedded Ladybug]", () => {
  const platform = useFederatedPlatform(embeddedStore, { cohort, limits: { maxDepth: 5, maxCost: 500 } });

  it("rejects a query too deep only as a whole, like the all-in-one server", async () => {
    const query = `{ patients(first: 2) { nodes { studies { series { lesions { id } } } } } }`;
    for (const url of [platform.allInOne.graphqlUrl, platform.gateway.graphqlUrl]) {
      const { data, errors } = await graphql(url, query);
      expect(data ?? null).toBeNull();
      expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(errors?.[0]?.message).toContain("nests 6 levels deep; the limit is 5");
    }
  });

  it("rejects a query too costly only as a whole, like the all-in-one server", async () => {
    const query = `{ patients(first: 100) { nodes { id studies { uid } } } }`;
    for (const url of [platform.allInOne.graphqlUrl, platform.gateway.graphqlUrl]) {
      const { errors } = await graphql(url, query);
      expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(errors?.[0]?.message).toMatch(/the query would cost \d+; the limit is 500/);
    }
    const cheaper = await graphql(platform.gateway.graphqlUrl, `{ patients(first: 10) { nodes { id studies { uid } } } }`);
    expect(cheaper.errors).toBeUndefined();
    expect(cheaper.data.patients.nodes).toHaveLength(10);
  });
});

// Behind a gateway the subgraphs see only the gateway's address, so the gateway counts callers itself
// (by key, or by address for anonymous ones) and applies the CORS policy, like the all-in-one server.
describe("rate limits and CORS at the gateway [embedded Ladybug]", () => {
  const platform = useFederatedPlatform(embeddedStore, { cohort, services: { apiKeys }, gatewayRateLimits: { points: 3, windowSeconds: 60, computePoints: 2 } });
  const post = (body: object, headers: Record<string, string> = {}) =>
    fetch(platform.gateway.graphqlUrl, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

  it("answers 429 with Retry-After and RATE_LIMITED once a caller's budget is spent; another caller still gets through", async () => {
    const query = { query: "{ collections { id } }" };
    for (let i = 0; i < 3; i++) expect((await post(query)).status).toBe(200);
    const refused = await post(query);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await refused.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).toBe("RATE_LIMITED");
    expect(body.errors[0]!.message).toContain("RG_RATE_LIMIT_POINTS");
    const withKey = await post(query, { "x-api-key": ingestOnly.key });
    expect(withKey.status).toBe(200);
  });

  it("allows loopback origins and refuses others", async () => {
    const preflight = (origin: string) => fetch(platform.gateway.graphqlUrl, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST" } });
    expect((await preflight("http://localhost:3000")).headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    expect((await preflight("https://evil.example")).headers.get("access-control-allow-origin")).toBeNull();
  });
});
