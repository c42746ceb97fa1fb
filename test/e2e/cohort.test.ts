// The cohort builder over GraphQL on both stores, with the demo cohort: previewCohort's counts per
// criterion, saved cohorts with fixed membership, their manifests, runAssociation on a saved cohort,
// and the bad-input cases. Expected patients come from the generated records, not from the platform.
import { describe, expect, it } from "vitest";
import type * as M from "../../graph-model/model/records.js";
import { demoCohort } from "../../ingest/demo/demo-cohort.js";
import { useTestPlatform } from "../support/test-platform.js";
import { graphql } from "../support/graphql-client.js";
import { BOTH_STORES, embeddedStore } from "../support/stores.js";
import { createApiKey } from "../../resolvers/api-keys.js";
import { exportCohortManifest } from "../../ingest/cohorts/cohort-manifest-export.js";

const cohort = demoCohort({ patientsPerCollection: 12 });
const DICOMWEB = "http://127.0.0.1:8042/dicom-web";
const patientOfStudy = new Map(cohort.studies.map((s) => [s.uid, s.patientId]));
const patientOfSeries = new Map(cohort.series.map((s) => [s.uid, patientOfStudy.get(s.studyUid)!]));
const segmented = new Set(cohort.lesions.map((l) => patientOfSeries.get(l.seriesUid)!));
const mutated = (id: string, gene: string) => cohort.mutations.some((m) => m.patientId === id && m.geneSymbol === gene);
const idsWhere = (predicate: (p: M.PatientRecord) => boolean) => cohort.patients.filter(predicate).map((p) => p.id).sort();

const PREVIEW = `query($filter: PatientFilterInput, $first: Int) { previewCohort(filter: $filter, first: $first) {
  totalCount criteria { name filter matching } patients { totalCount nodes { id } pageInfo { hasNextPage } } } }`;
const SAVE = `mutation($name: String!, $filter: PatientFilterInput!, $description: String) {
  saveCohort(name: $name, filter: $filter, description: $description) { id name description filter createdAt patientCount platformVersion } }`;
const COHORT = `query($id: ID!, $first: Int, $after: String) { cohort(id: $id) { id patientCount
  patients(first: $first, after: $after) { totalCount nodes { id collection { id } } pageInfo { hasNextPage endCursor } } } }`;
const MANIFESTS = `query($id: ID!) { cohort(id: $id) { tcia: manifest(format: TCIA) idc: manifest(format: IDC) csv: manifest(format: CSV) } }`;

describe.each(BOTH_STORES)("cohort builder [$name]", (target) => {
  const platform = useTestPlatform(target, { cohort, services: { dicomwebUrl: DICOMWEB } });
  const url = () => platform.server.graphqlUrl;
  const save = async (variables: Record<string, unknown>) => {
    const { data, errors } = await graphql(url(), SAVE, variables);
    expect(errors).toBeUndefined();
    return data.saveCohort;
  };

  it("previews a filter: each criterion alone, all together, and which one empties the cohort", async () => {
    const filter = { collectionIds: ["TCGA-LUAD"], hasSegmentation: true, mutatedGenes: ["TP53"], manufacturers: ["no such vendor"] };
    const { data, errors } = await graphql(url(), PREVIEW, { filter });
    expect(errors).toBeUndefined();
    const counts = Object.fromEntries(data.previewCohort.criteria.map((c: any) => [c.name, c.matching]));
    expect(counts).toEqual({
      collectionIds: idsWhere((p) => p.collectionId === "TCGA-LUAD").length,
      hasSegmentation: segmented.size,
      "mutatedGenes[TP53]": idsWhere((p) => mutated(p.id, "TP53")).length,
      manufacturers: 0,
    });
    expect(data.previewCohort.totalCount).toBe(0);

    const { manufacturers, ...rest } = filter;
    const expected = idsWhere((p) => p.collectionId === "TCGA-LUAD" && segmented.has(p.id) && mutated(p.id, "TP53"));
    const kept = (await graphql(url(), PREVIEW, { filter: rest, first: 2 })).data.previewCohort;
    expect(expected.length).toBeGreaterThan(0);
    expect(kept.totalCount).toBe(expected.length);
    expect(kept.patients.nodes.map((p: any) => p.id)).toEqual(expected.slice(0, 2));
    expect(kept.patients.pageInfo.hasNextPage).toBe(expected.length > 2);
  });

  it("saves a cohort whose members stay those of the save, pages them and exports their series", async () => {
    const filter = { collectionIds: ["TCGA-GBM"], hasSegmentation: true, expression: [{ gene: "CA9", measure: "Z_SCORE", min: -0.5 }] };
    const z = new Map(cohort.expression.filter((e) => e.geneSymbol === "CA9").map((e) => [e.patientId, e.z!]));
    const expected = idsWhere((p) => p.collectionId === "TCGA-GBM" && segmented.has(p.id) && z.get(p.id)! >= -0.5);
    const saved = await save({ name: " GBM, CA9 not low ", filter, description: "hypoxia pilot" });
    expect(saved).toMatchObject({ name: "GBM, CA9 not low", description: "hypoxia pilot", patientCount: expected.length, platformVersion: expect.stringMatching(/^radiogenomics \d/) });
    expect(saved.filter).toEqual({ ...filter, expression: [{ gene: "CA9", measure: "zScore", min: -0.5 }] });
    expect(Date.parse(saved.createdAt)).not.toBeNaN();

    // A later ingest adds a matching patient: the preview sees it, the saved cohort does not.
    await platform.store.upsertPatients([{ id: "TCGA-DM-0099", collectionId: "TCGA-GBM" }]);
    await platform.store.upsertStudies([{ uid: "2.25.99.1", patientId: "TCGA-DM-0099" }]);
    await platform.store.upsertSeries([{ uid: "2.25.99.2", studyUid: "2.25.99.1", modality: "MR" }]);
    await platform.store.upsertLesions([{ id: "2.25.99.3:1", seriesUid: "2.25.99.2" }]);
    await platform.store.replaceExpression([{ patientId: "TCGA-DM-0099", geneSymbol: "CA9", value: 9, z: 3, source: "demo", dataRelease: "demo-1" }]);
    expect((await graphql(url(), PREVIEW, { filter })).data.previewCohort.totalCount).toBe(expected.length + 1);

    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { data, errors }: { data?: any; errors?: unknown[] } = await graphql(url(), COHORT, { id: saved.id, first: 3, after });
      expect(errors).toBeUndefined();
      expect(data.cohort.patients.totalCount).toBe(expected.length);
      seen.push(...data.cohort.patients.nodes.map((p: any) => p.id));
      expect(data.cohort.patients.nodes.every((p: any) => p.collection.id === "TCGA-GBM")).toBe(true);
      if (!data.cohort.patients.pageInfo.hasNextPage) break;
      after = data.cohort.patients.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);

    const series = cohort.series.filter((s) => expected.includes(patientOfSeries.get(s.uid)!));
    const { data } = await graphql(url(), MANIFESTS, { id: saved.id });
    const tciaLines = data.cohort.tcia.trim().split("\n");
    expect(tciaLines.slice(tciaLines.indexOf("ListOfSeriesToDownload=") + 1).sort()).toEqual(series.map((s) => s.uid).sort());
    expect(data.cohort.idc.split(",").sort()).toEqual(series.map((s) => s.uid).sort());
    const csvRows = data.cohort.csv.trim().split("\r\n").slice(1);
    expect(csvRows).toHaveLength(series.length);
    for (const s of series) expect(csvRows).toContain(`TCGA-GBM,${patientOfSeries.get(s.uid)},${s.studyUid},${s.uid},MR,${DICOMWEB}/studies/${s.studyUid}/series/${s.uid}`);

    // S5CMD needs IDC's series index (test/ingest/cohorts/idc-s5cmd-manifest.test.ts reads a real one); without it, a typed error saying how to get it.
    const s5cmd = await graphql(url(), `query($id: ID!) { cohort(id: $id) { manifest(format: S5CMD) } }`, { id: saved.id });
    expect(s5cmd.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(s5cmd.errors?.[0]?.message).toMatch(/no IDC series index at .*scripts\/idc-series-locations\.sh/);
  });

  it("loads the members of several cohorts in one batched store call", async () => {
    await save({ name: "LUAD", filter: { collectionIds: ["TCGA-LUAD"] } });
    await save({ name: "stage I", filter: { stages: ["Stage IA", "Stage IB"] } });
    platform.counting.reset();
    const { data, errors } = await graphql(url(), `{ cohorts { id name patientCount patients(first: 5) { totalCount nodes { id sex } } } }`);
    expect(errors).toBeUndefined();
    expect(data.cohorts.length).toBeGreaterThanOrEqual(2);
    for (const c of data.cohorts) expect(c.patients.totalCount).toBe(c.patientCount);
    expect(data.cohorts.find((c: any) => c.name === "stage I").patientCount).toBe(idsWhere((p) => p.stage === "Stage IA" || p.stage === "Stage IB").length);
    expect(Object.fromEntries(platform.counting.calls)).toEqual({ cohorts: 1, cohortMembers: 1, patientsByIds: 1 });
  });

  it("runs an association on exactly a saved cohort's members and records the cohort", async () => {
    const saved = await save({ name: "segmented", filter: { hasSegmentation: true, ids: cohort.patients.map((p) => p.id) } });
    const run = `mutation($cohortId: ID) { runAssociation(cohortId: $cohortId, targets: PATHWAYS, families: ["intensity_statistics"], minPatients: 8) { id params } }`;
    const { data, errors } = await graphql(url(), run, { cohortId: saved.id });
    expect(errors).toBeUndefined();
    expect(data.runAssociation.params).toMatchObject({ cohort: { cohortIds: [saved.id] }, patients: saved.patientCount });
    expect((await platform.store.analysisById(data.runAssociation.id))!.cohortId).toBe(saved.id);
    expect((await platform.store.counts()).ON_COHORT).toBeGreaterThanOrEqual(1);
    const missing = await graphql(url(), run, { cohortId: "cohort-missing" });
    expect(missing.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("rejects an empty name, an unknown gene and an empty cohort, storing nothing; unknown ids are NOT_FOUND", async () => {
    const before = await platform.store.counts();
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ name: "   ", filter: { collectionIds: ["TCGA-GBM"] } }, "name"],
      [{ name: "x", filter: { mutatedGenes: ["NOTAGENE"] } }, "NOTAGENE"],
      [{ name: "x", filter: { collectionIds: ["TCGA-NONE"] } }, "empty cohort"],
      [{ name: "x", filter: { minSliceThicknessMm: 5, maxSliceThicknessMm: 1 } }, "slice thickness"],
    ];
    for (const [variables, message] of bad) {
      const { errors } = await graphql(url(), SAVE, variables);
      expect(errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe("BAD_USER_INPUT");
      expect(errors![0]!.message).toContain(message);
    }
    const preview = await graphql(url(), PREVIEW, { filter: { expression: [{ gene: "NOPE1", min: 1 }] } });
    expect(preview.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(await platform.store.counts()).toEqual(before);
    for (const query of [`{ cohort(id: "cohort-nope") { id } }`, `mutation { deleteCohort(id: "cohort-nope") }`]) {
      const { errors } = await graphql(url(), query);
      expect(errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
      expect(errors![0]!.message).toContain("cohort-nope");
    }
  });

  it("serves the same manifests over HTTP (/export/cohorts/:id/manifest.*) as Cohort.manifest", async () => {
    const saved = await save({ name: "two", filter: { ids: ["TCGA-DM-0001", "TCGA-DM-0101"] } });
    const { data } = await graphql(url(), MANIFESTS, { id: saved.id });
    expect(await exportCohortManifest(platform.store, saved.id, "CSV", DICOMWEB)).toBe(data.cohort.csv);
    expect(await exportCohortManifest(platform.store, saved.id, "TCIA")).toBe(data.cohort.tcia);
    await expect(exportCohortManifest(platform.store, "cohort-nope", "IDC")).rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const [file, format, type] of [["manifest.tcia", "tcia", "application/x-nbia-manifest-file"], ["manifest.idc.txt", "idc", "text/plain"], ["manifest.csv", "csv", "text/csv"]] as const) {
      const response = await fetch(`${platform.server.url}/export/cohorts/${saved.id}/${file}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain(type);
      expect(response.headers.get("content-disposition")).toContain("attachment");
      expect(await response.text()).toBe(data.cohort[format]);
    }
    const missing = await fetch(`${platform.server.url}/export/cohorts/cohort-nope/manifest.tcia`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe("NOT_FOUND");
  });

  it("deletes a saved cohort and keeps its patients", async () => {
    const saved = await save({ name: "to delete", filter: { ids: ["TCGA-DM-0001"] } });
    const before = await platform.store.counts();
    expect((await graphql(url(), `mutation($id: ID!) { deleteCohort(id: $id) }`, { id: saved.id })).data.deleteCohort).toBe(true);
    const after = await platform.store.counts();
    expect(after.Cohort).toBe(before.Cohort - 1);
    expect(after.Patient).toBe(before.Patient);
    expect((await graphql(url(), COHORT, { id: saved.id })).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});

describe("cohort mutations need the 'cohort' scope [embedded Ladybug]", () => {
  const cohortKey = createApiKey(["cohort"]);
  const analysisKey = createApiKey(["analysis"]);
  const platform = useTestPlatform(embeddedStore, { cohort, services: { apiKeys: `${cohortKey.entry};${analysisKey.entry}` } });

  it("refuses saveCohort and deleteCohort without a key or without the scope, storing nothing", async () => {
    const variables = { name: "x", filter: { collectionIds: ["TCGA-GBM"] } };
    for (const [headers, code] of [[{}, "UNAUTHENTICATED"], [{ "x-api-key": analysisKey.key }, "FORBIDDEN"]] as const) {
      expect((await graphql(platform.server.graphqlUrl, SAVE, variables, headers)).errors?.[0]?.extensions?.code).toBe(code);
      expect((await graphql(platform.server.graphqlUrl, `mutation { deleteCohort(id: "c") }`, {}, headers)).errors?.[0]?.extensions?.code).toBe(code);
    }
    expect((await platform.store.counts()).Cohort).toBe(0);
    const { data, errors } = await graphql(platform.server.graphqlUrl, SAVE, variables, { "x-api-key": cohortKey.key });
    expect(errors).toBeUndefined();
    expect(data.saveCohort.patientCount).toBe(12);
  });
});
