// The GraphQL API over HTTP, on both stores, loaded with the demo cohort.
import { beforeAll, describe, expect, it } from "vitest";
import { demoCohort } from "../../ingest/demo/demo-cohort.js";
import { useTestPlatform } from "../support/test-platform.js";
import { graphql } from "../support/graphql-client.js";
import { BOTH_STORES } from "../support/stores.js";

const cohort = demoCohort({ patientsPerCollection: 30 });

const NESTED = `query Nested($first: Int!) {
  patients(first: $first) {
    totalCount
    nodes { id collection { id } studies { uid series { uid modality pixelSpacing lesions { id label segmentationType } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe.each(BOTH_STORES)("GraphQL API [$name]", (target) => {
  const platform = useTestPlatform(target, { cohort });

  it("pages the cohort and nests studies, series and lesions", async () => {
    const { data, errors } = await graphql(platform.server.graphqlUrl, NESTED, { first: 50 });
    expect(errors).toBeUndefined();
    expect(data.patients.totalCount).toBe(60);
    expect(data.patients.nodes).toHaveLength(50);
    expect(data.patients.pageInfo.hasNextPage).toBe(true);
    const first = data.patients.nodes[0];
    const expected = cohort.patients.map((p) => p.id).sort()[0];
    expect(first.id).toBe(expected);
    expect(first.collection.id).toBe(cohort.patients.find((p) => p.id === expected)!.collectionId);
    const lesionCount = data.patients.nodes.flatMap((p: any) => p.studies.flatMap((s: any) => s.series.flatMap((x: any) => x.lesions))).length;
    const ids = new Set(data.patients.nodes.map((p: any) => p.id));
    const expectedLesions = cohort.lesions.filter((l) => {
      const study = cohort.studies.find((s) => s.uid === cohort.series.find((x) => x.uid === l.seriesUid)!.studyUid)!;
      return ids.has(study.patientId);
    }).length;
    expect(lesionCount).toBe(expectedLesions);

    const next = await graphql(platform.server.graphqlUrl, `query($after: String) { patients(first: 50, after: $after) { nodes { id } pageInfo { hasNextPage } } }`, {
      after: data.patients.pageInfo.endCursor,
    });
    expect(next.data.patients.nodes).toHaveLength(10);
    expect(next.data.patients.pageInfo.hasNextPage).toBe(false);
  });

  it("answers a nested query over 50 patients in a small fixed number of store round trips", async () => {
    platform.counting.reset();
    const { errors } = await graphql(platform.server.graphqlUrl, NESTED, { first: 50 });
    expect(errors).toBeUndefined();
    // patients page + collections + studies + series + lesions: one batched call per level.
    expect(Object.fromEntries(platform.counting.calls)).toEqual({ patients: 1, collectionsOfPatients: 1, studiesOfPatients: 1, seriesOfStudies: 1, lesionsOfSeries: 1 });
    expect(platform.counting.total()).toBeLessThanOrEqual(5);
  });

  it("gives NOT_FOUND for an unknown patient", async () => {
    const { data, errors } = await graphql(platform.server.graphqlUrl, `{ patient(id: "TCGA-XX-0000") { id } }`);
    expect(data).toBeNull();
    expect(errors![0]!.extensions!.code).toBe("NOT_FOUND");
    expect(errors![0]!.message).toContain("TCGA-XX-0000");
  });

  it("gives BAD_USER_INPUT for malformed filters and page sizes", async () => {
    const query = `query($filter: PatientFilterInput, $first: Int) { patients(filter: $filter, first: $first) { totalCount } }`;
    const cases: Array<Record<string, unknown>> = [
      { filter: { minAgeYears: "sixty" } },
      { filter: { minAgeYears: 70, maxAgeYears: 40 } },
      { filter: { vitalStatus: "Unknown" } },
      { filter: { collectionIds: [] } },
      { first: 0 },
      { first: 100_000 },
      { filter: { nosuchfield: 1 } },
    ];
    for (const variables of cases) {
      const { errors } = await graphql(platform.server.graphqlUrl, query, variables);
      expect(errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe("BAD_USER_INPUT");
    }
    const badCursor = await graphql(platform.server.graphqlUrl, `{ patients(after: "bogus") { totalCount } }`);
    expect(badCursor.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
  });

  it("filters patients across imaging and clinical fields", async () => {
    const { data } = await graphql(platform.server.graphqlUrl, `{ patients(first: 100, filter: { collectionIds: ["TCGA-LUAD"], modalities: ["CT"], hasSegmentation: true }) { totalCount nodes { id } } }`);
    const luadSegmented = cohort.patients.filter((p) => p.collectionId === "TCGA-LUAD" && Number(p.id.slice(-2)) % 5 !== 0);
    expect(data.patients.totalCount).toBe(luadSegmented.length);
  });

  it("resolves genes with their pathways and pathways with their genes", async () => {
    const { data, errors } = await graphql(platform.server.graphqlUrl, `{ genes(symbols: ["CA9", "EGFR"]) { symbol entrezId pathways { id genes { symbol } } } pathways(geneSymbol: "CA9") { id source licence } }`);
    expect(errors).toBeUndefined();
    expect(data.genes.map((g: any) => g.symbol)).toEqual(["CA9", "EGFR"]);
    expect(data.genes[0].pathways[0].id).toBe("DEMO_HYPOXIA");
    expect(data.genes[0].pathways[0].genes.map((g: any) => g.symbol)).toContain("VEGFA");
    expect(data.pathways).toEqual([{ id: "DEMO_HYPOXIA", source: "demo", licence: expect.any(String) }]);
    const unknown = await graphql(platform.server.graphqlUrl, `{ genes(symbols: ["EGFR", "NOTAGENE"]) { symbol } }`);
    expect(unknown.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(unknown.errors![0]!.message).toContain("NOTAGENE");
  });

  it("reports health with the store and its counts", async () => {
    const response = await fetch(`${platform.server.url}/health`);
    const body = (await response.json()) as any;
    expect(response.status).toBe(200);
    expect(body.status).toBe("ok");
    expect(body.store.kind).toBe(platform.store.kind);
    expect(body.counts.Patient).toBe(60);
  });
});

describe.each(BOTH_STORES)("GraphQL genomic and radiomic fields [$name]", (target) => {
  const platform = useTestPlatform(target, { cohort });
  const lesion = cohort.lesions[0]!;
  const patientOfLesion = cohort.studies.find((s) => s.uid === cohort.series.find((x) => x.uid === lesion.seriesUid)!.studyUid)!.patientId;

  beforeAll(async () => {
    await platform.store.upsertMutations([{ patientId: patientOfLesion, geneSymbol: "IDH1", proteinChange: "p.R132H", consequence: "missense_variant", vaf: 0.42, source: "GDC" }]);
    await platform.store.saveLesionFeatures([
      { lesionId: lesion.id, feature: { key: "cm_joint_entropy_3d_mrg@abc", name: "cm_joint_entropy_3d_mrg", family: "glcm", ibsiCode: "TU9B", settingsHash: "abc", settings: { binWidth: 25 }, unit: "" }, value: 4.5 },
    ]);
  });

  it("returns a patient's mutations, expression and lesion features", async () => {
    const { data, errors } = await graphql(
      platform.server.graphqlUrl,
      `query($id: ID!) { patient(id: $id) { mutations { geneSymbol proteinChange vaf } expression(genes: ["CA9", "EGFR"]) { geneSymbol value tpm z }
        studies { series { lesions { id storedFeatures(settingsHash: "abc") { name ibsiCode value settings } } } } } }`,
      { id: patientOfLesion },
    );
    expect(errors).toBeUndefined();
    expect(data.patient.mutations).toContainEqual({ geneSymbol: "IDH1", proteinChange: "p.R132H", vaf: 0.42 });
    expect(data.patient.mutations).toHaveLength(new Set([...cohort.mutations.filter((m) => m.patientId === patientOfLesion).map((m) => m.proteinChange), "p.R132H"]).size);
    const expected = cohort.expression.filter((e) => e.patientId === patientOfLesion && ["CA9", "EGFR"].includes(e.geneSymbol));
    expect(data.patient.expression).toEqual(expected.map(({ geneSymbol, value, tpm, z }) => ({ geneSymbol, value, tpm, z })).sort((a, b) => a.geneSymbol.localeCompare(b.geneSymbol)));
    const lesions = data.patient.studies.flatMap((s: any) => s.series.flatMap((x: any) => x.lesions));
    expect(lesions.find((l: any) => l.id === lesion.id).storedFeatures).toEqual([{ name: "cm_joint_entropy_3d_mrg", ibsiCode: "TU9B", value: 4.5, settings: { binWidth: 25 } }]);
  });

  it("lists the IBSI feature catalogue and rejects an unknown family", async () => {
    const { data } = await graphql(platform.server.graphqlUrl, `{ featureDefinitions(family: "glcm") { key name ibsiCode aggregations } }`);
    expect(data.featureDefinitions.find((d: any) => d.name === "Joint entropy")).toMatchObject({ ibsiCode: "TU9B" });
    expect(data.featureDefinitions.every((d: any) => d.aggregations.includes("3D, merged"))).toBe(true);
    const bad = await graphql(platform.server.graphqlUrl, `{ featureDefinitions(family: "glmc") { key } }`);
    expect(bad.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
  });
});
