// The cohort part of the GraphStore contract, run unchanged against both adapters: the cross-modal
// patient filter (acquisition, mutation status, expression, stage, saved cohorts) and cohort
// persistence. Expected patients are derived from the generated records themselves, never from the store.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { GraphStore } from "../../graph-model/graph-store.js";
import type * as M from "../../graph-model/model/records.js";
import type { PatientFilter } from "../../graph-model/patient-filter.js";
import { demoCohort } from "../../ingest/demo/demo-cohort.js";
import { loadCohort } from "../../ingest/demo/load-demo.js";
import { BOTH_STORES } from "../support/stores.js";

const cohort = demoCohort({ patientsPerCollection: 12, seed: 7 });
const patientOfStudy = new Map(cohort.studies.map((s) => [s.uid, s.patientId]));
const seriesOf = (patientId: string) => cohort.series.filter((s) => patientOfStudy.get(s.studyUid) === patientId);
const mutated = (patientId: string, gene: string) => cohort.mutations.some((m) => m.patientId === patientId && m.geneSymbol === gene);
const expressionOf = (patientId: string, gene: string) => cohort.expression.find((e) => e.patientId === patientId && e.geneSymbol === gene)!;
const expectIds = (predicate: (p: M.PatientRecord) => boolean) => cohort.patients.filter(predicate).map((p) => p.id).sort();

describe.each(BOTH_STORES)("GraphStore contract: cohorts [$name]", (target) => {
  let store: GraphStore;
  const ids = async (filter: PatientFilter) => (await store.patients(filter, { first: 500 })).items.map((p) => p.id);

  beforeAll(async () => {
    store = await target.open();
  });
  afterAll(async () => {
    await target.dispose(store);
  });
  beforeEach(async () => {
    await store.deleteEverything();
    await loadCohort(store, cohort);
  });

  it("filters on acquisition parameters, all holding on one series", async () => {
    const anySeries = (test: (s: M.SeriesRecord) => boolean) => expectIds((p) => seriesOf(p.id).some(test));
    expect(await ids({ minSliceThicknessMm: 1, maxSliceThicknessMm: 2 })).toEqual(anySeries((s) => s.sliceThickness! >= 1 && s.sliceThickness! <= 2));
    expect(await ids({ minSliceThicknessMm: 3 })).toEqual(anySeries((s) => s.sliceThickness! >= 3));
    expect(await ids({ convolutionKernels: ["b30F", "lung"] })).toEqual(anySeries((s) => ["B30f", "LUNG"].includes(s.convolutionKernel ?? "")));
    expect(await ids({ manufacturers: ["siemens"] })).toEqual(anySeries((s) => s.manufacturer === "SIEMENS"));
    const combined = anySeries((s) => s.sliceThickness! <= 1.25 && s.convolutionKernel === "STANDARD" && s.manufacturer === "GE MEDICAL SYSTEMS");
    expect(await ids({ maxSliceThicknessMm: 1.25, convolutionKernels: ["STANDARD"], manufacturers: ["GE MEDICAL SYSTEMS"] })).toEqual(combined);
    expect(await store.countPatients({ manufacturers: ["siemens"], modalities: ["MR"] })).toBe(anySeries((s) => s.manufacturer === "SIEMENS" && s.modality === "MR").length);
  });

  it("filters on mutation status: mutated in every gene, wild type for all", async () => {
    expect(await ids({ mutatedGenes: ["TP53"] })).toEqual(expectIds((p) => mutated(p.id, "TP53")));
    const both = expectIds((p) => mutated(p.id, "TP53") && mutated(p.id, "KRAS"));
    expect(await ids({ mutatedGenes: ["TP53", "KRAS"] })).toEqual(both);
    expect(await ids({ wildTypeGenes: ["TP53", "IDH1"], collectionIds: ["TCGA-GBM"] })).toEqual(
      expectIds((p) => p.collectionId === "TCGA-GBM" && !mutated(p.id, "TP53") && !mutated(p.id, "IDH1")),
    );
  });

  it("counts patients without genomic data as neither mutated nor wild type", async () => {
    await store.upsertPatients([{ id: "TCGA-DM-0999", collectionId: "TCGA-GBM", sex: "female" }]);
    expect(await ids({ wildTypeGenes: ["TP53"] })).not.toContain("TCGA-DM-0999");
    expect(await ids({ mutatedGenes: ["TP53"] })).not.toContain("TCGA-DM-0999");
  });

  it("filters on expression thresholds of log2(TPM+1) and z-score", async () => {
    expect(await ids({ expression: [{ gene: "CA9", measure: "zScore", min: 0.5 }] })).toEqual(expectIds((p) => expressionOf(p.id, "CA9").z! >= 0.5));
    const value = cohort.expression.filter((e) => e.geneSymbol === "VEGFA").map((e) => e.value!).sort((a, b) => a - b)[12]!;
    expect(await ids({ expression: [{ gene: "VEGFA", measure: "log2TpmPlus1", max: value }, { gene: "CA9", measure: "zScore", min: -1, max: 1 }] })).toEqual(
      expectIds((p) => expressionOf(p.id, "VEGFA").value! <= value && Math.abs(expressionOf(p.id, "CA9").z!) <= 1),
    );
  });

  it("filters on clinical stage, case-insensitively", async () => {
    expect(await ids({ stages: ["stage ia", "Stage IB"] })).toEqual(expectIds((p) => p.stage === "Stage IA" || p.stage === "Stage IB"));
    expect(await ids({ stages: ["Stage IA"] })).not.toHaveLength(0);
  });

  it("rejects unknown genes, unknown cohorts and impossible bounds as BAD_USER_INPUT", async () => {
    await expect(store.patients({ mutatedGenes: ["NOTAGENE"] }, { first: 5 })).rejects.toMatchObject({ code: "BAD_USER_INPUT", message: expect.stringContaining("NOTAGENE") });
    await expect(store.countPatients({ expression: [{ gene: "NOPE1", measure: "zScore", min: 1 }] })).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    await expect(store.countPatients({ cohortIds: ["cohort-missing"] })).rejects.toMatchObject({ code: "BAD_USER_INPUT", message: expect.stringContaining("cohort-missing") });
    await expect(store.countPatients({ minSliceThicknessMm: 5, maxSliceThicknessMm: 1 })).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    await expect(store.countPatients({ expression: [{ gene: "CA9", measure: "zScore" }] })).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
  });

  it("saves a cohort with exactly the patients matching at that time; a later ingest does not change it", async () => {
    const filter: PatientFilter = { collectionIds: ["TCGA-LUAD"], hasSegmentation: true };
    const expected = await ids(filter);
    const saved = await store.saveCohort({ id: "cohort-1", name: "LUAD segmented", filter, createdAt: "2026-11-29T17:00:00.000Z", platformVersion: "0.1.0" }, filter);
    expect(saved).toMatchObject({ id: "cohort-1", name: "LUAD segmented", filter, patientCount: expected.length, platformVersion: "0.1.0", description: null });
    expect((await store.cohortMembers(["cohort-1"])).get("cohort-1")).toEqual(expected);

    const newcomer: M.PatientRecord = { id: "TCGA-DM-0199", collectionId: "TCGA-LUAD" };
    await store.upsertPatients([newcomer]);
    await store.upsertStudies([{ uid: "2.25.9.1", patientId: newcomer.id }]);
    await store.upsertSeries([{ uid: "2.25.9.2", studyUid: "2.25.9.1", modality: "CT" }]);
    await store.upsertLesions([{ id: "2.25.9.3:1", seriesUid: "2.25.9.2" }]);
    expect(await ids(filter)).toContain(newcomer.id);
    expect((await store.cohortMembers(["cohort-1"])).get("cohort-1")).toEqual(expected);
    expect(await ids({ cohortIds: ["cohort-1"] })).toEqual(expected);
    expect((await store.cohortsByIds(["cohort-1"]))[0]!.patientCount).toBe(expected.length);
  });

  it("lists cohorts, their image series, and deletes a cohort without touching its patients", async () => {
    await store.saveCohort({ id: "c-gbm", name: "GBM", filter: { collectionIds: ["TCGA-GBM"] }, createdAt: "2026-11-29T10:00:00.000Z" }, { collectionIds: ["TCGA-GBM"] });
    await store.saveCohort({ id: "c-two", name: "two", filter: { ids: ["TCGA-DM-0101", "TCGA-DM-0001"] }, createdAt: "2026-11-29T11:00:00.000Z" }, { ids: ["TCGA-DM-0101", "TCGA-DM-0001"] });
    expect((await store.cohorts()).map((c) => c.id)).toEqual(["c-two", "c-gbm"]);
    const series = (await store.seriesOfCohorts(["c-two"])).get("c-two")!;
    const expected = ["TCGA-DM-0001", "TCGA-DM-0101"].flatMap((p) => seriesOf(p).map((s) => ({ patientId: p, seriesUid: s.uid, studyUid: s.studyUid, modality: s.modality })));
    expect(series.map(({ patientId, seriesUid, studyUid, modality }) => ({ patientId, seriesUid, studyUid, modality }))).toEqual(expected);
    expect(series.map((s) => s.collectionId)).toEqual(["TCGA-GBM", "TCGA-LUAD"]);

    const before = await store.counts();
    expect(await store.deleteCohort("c-two")).toBe(true);
    expect(await store.deleteCohort("c-two")).toBe(false);
    const after = await store.counts();
    expect(after.Cohort).toBe(before.Cohort - 1);
    expect(after.INCLUDES).toBe(before.INCLUDES - 2);
    expect(after.Patient).toBe(before.Patient);
    expect((await store.cohortMembers(["c-gbm"])).get("c-gbm")).toHaveLength(12);
  });

  it("refuses an empty cohort and stores nothing", async () => {
    const before = await store.counts();
    await expect(store.saveCohort({ id: "c-empty", name: "none", filter: {}, createdAt: "2026-11-29T10:00:00.000Z" }, { collectionIds: ["TCGA-NONE"] })).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
    });
    expect(await store.counts()).toEqual(before);
  });

  it("links an analysis run on a saved cohort to it", async () => {
    await store.saveCohort({ id: "c-a", name: "all", filter: {}, createdAt: "2026-11-29T10:00:00.000Z" }, {});
    await store.saveAnalysis({ id: "assoc-x", kind: "PATHWAYS", cohortId: "c-a", createdAt: "2026-11-29T10:01:00.000Z" }, []);
    expect((await store.counts()).ON_COHORT).toBe(1);
    expect((await store.analysisById("assoc-x"))!.cohortId).toBe("c-a");
  });
});
