// One contract, run unchanged against both GraphStore adapters.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { GraphStore } from "../../graph-model/graph-store.js";
import type * as M from "../../graph-model/model/records.js";
import { demoCohort } from "../../ingest/demo/demo-cohort.js";
import { loadCohort } from "../../ingest/demo/load-demo.js";
import { BOTH_STORES } from "../support/stores.js";

const cohort = demoCohort({ patientsPerCollection: 12, seed: 7 });

describe.each(BOTH_STORES)("GraphStore contract [$name]", (target) => {
  let store: GraphStore;

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

  it("round-trips every node kind with its properties", async () => {
    const patient = cohort.patients[3]!;
    const [stored] = await store.patientsByIds([patient.id]);
    const { collectionId, ...fields } = patient;
    expect(stored).toMatchObject(fields);
    expect((await store.collectionsOfPatients([patient.id])).get(patient.id)?.map((c) => c.id)).toEqual([collectionId]);

    const studies = (await store.studiesOfPatients([patient.id])).get(patient.id)!;
    expect(studies.map((s) => s.uid)).toEqual(cohort.studies.filter((s) => s.patientId === patient.id).map((s) => s.uid));
    const series = (await store.seriesOfStudies([studies[0]!.uid])).get(studies[0]!.uid)!;
    const expectedSeries = cohort.series.find((s) => s.uid === series[0]!.uid)!;
    const { studyUid, ...seriesFields } = expectedSeries;
    expect(series[0]).toMatchObject(seriesFields);
    expect(series[0]!.pixelSpacing).toEqual(expectedSeries.pixelSpacing);

    const lesion = cohort.lesions[0]!;
    const lesions = (await store.lesionsOfSeries([lesion.seriesUid])).get(lesion.seriesUid)!;
    expect(lesions.map((l) => l.id)).toEqual([lesion.id]);
    expect(lesions[0]!.segmentNumber).toBe(1);
  });

  it("running the same batch twice leaves the graph identical", async () => {
    const before = await store.counts();
    const page = await store.patients({}, { first: 100 });
    await loadCohort(store, cohort);
    expect(await store.counts()).toEqual(before);
    expect(await store.patients({}, { first: 100 })).toEqual(page);
    expect(before.Patient).toBe(24);
    expect(before.EXPRESSES).toBe(cohort.expression.length);
  });

  it("a later partial record adds fields without erasing what is stored", async () => {
    const patient = cohort.patients[0]!;
    await store.upsertPatients([{ id: patient.id, collectionId: patient.collectionId, stage: "Stage IV" }]);
    const [stored] = await store.patientsByIds([patient.id]);
    expect(stored!.stage).toBe("Stage IV");
    expect(stored!.ageAtDiagnosisYears).toBe(patient.ageAtDiagnosisYears);
    expect(stored!.sex).toBe(patient.sex);
  });

  it("unknown ids read as absent, and children of unknown parents are refused whole", async () => {
    expect(await store.patientsByIds(["TCGA-XX-9999"])).toEqual([]);
    expect((await store.studiesOfPatients(["TCGA-XX-9999"])).size).toBe(0);
    const before = await store.counts();
    const studies: M.StudyRecord[] = [
      { uid: "2.25.999.1", patientId: cohort.patients[0]!.id },
      { uid: "2.25.999.2", patientId: "TCGA-XX-9999" },
    ];
    await expect(store.upsertStudies(studies)).rejects.toMatchObject({ code: "BAD_USER_INPUT", message: expect.stringContaining("TCGA-XX-9999") });
    expect(await store.counts()).toEqual(before);
  });

  it("rejects malformed records before writing anything", async () => {
    const before = await store.counts();
    const bad = [{ id: "TCGA-DM-7777", collectionId: "TCGA-GBM" }, { id: "TCGA-DM-7778", collectionId: "TCGA-GBM", ageAtDiagnosisYears: "old" }];
    await expect(store.upsertPatients(bad as unknown as M.PatientRecord[])).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    expect(await store.counts()).toEqual(before);
  });

  it("pages patients in barcode order with stable cursors", async () => {
    const all = cohort.patients.map((p) => p.id).sort();
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await store.patients({}, { first: 10, after });
      expect(page.totalCount).toBe(24);
      seen.push(...page.items.map((p) => p.id));
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    expect(seen).toEqual(all);
    await expect(store.patients({}, { first: 5, after: "not-a-cursor" })).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
  });

  it("filters on collection, modality, segmentation and clinical fields", async () => {
    const ids = async (filter: Parameters<GraphStore["patients"]>[0]) => (await store.patients(filter, { first: 100 })).items.map((p) => p.id);
    const expectIds = (predicate: (p: M.PatientRecord) => boolean) => cohort.patients.filter(predicate).map((p) => p.id).sort();
    const segmented = new Set(cohort.lesions.map((l) => cohort.studies.find((s) => s.uid === cohort.series.find((x) => x.uid === l.seriesUid)!.studyUid)!.patientId));

    expect(await ids({ collectionIds: ["TCGA-LUAD"] })).toEqual(expectIds((p) => p.collectionId === "TCGA-LUAD"));
    expect(await ids({ modalities: ["MR"] })).toEqual(expectIds((p) => p.collectionId === "TCGA-GBM"));
    expect(await ids({ hasSegmentation: true })).toEqual(expectIds((p) => segmented.has(p.id)));
    expect(await ids({ hasSegmentation: false })).toEqual(expectIds((p) => !segmented.has(p.id)));
    expect(await ids({ sex: "FEMALE", minAgeYears: 50, maxAgeYears: 70.5 })).toEqual(
      expectIds((p) => p.sex === "female" && p.ageAtDiagnosisYears! >= 50 && p.ageAtDiagnosisYears! <= 70.5),
    );
    expect(await ids({ ids: ["TCGA-DM-0001", "TCGA-XX-0000"], vitalStatus: cohort.patients[0]!.vitalStatus! })).toEqual(["TCGA-DM-0001"]);
  });

  it("keeps hostile strings as data, never as Cypher", async () => {
    const hostile = "x'}) MATCH (n) DETACH DELETE n //\"";
    await store.upsertCollections([{ id: hostile, name: "$rows ` ; RETURN 1" }]);
    const [stored] = await store.collectionsByIds([hostile]);
    expect(stored).toMatchObject({ id: hostile, name: "$rows ` ; RETURN 1" });
    expect((await store.counts()).Patient).toBe(24);
    expect((await store.patients({ collectionIds: [hostile], sex: hostile }, { first: 5 })).items).toEqual([]);
  });

  it("stores gene-set membership exactly, replacing it on re-ingest", async () => {
    const hypoxia = cohort.pathways[0]!;
    const members = (await store.genesOfPathways([hypoxia.id])).get(hypoxia.id)!.map((g) => g.symbol);
    expect(members).toEqual([...hypoxia.geneSymbols].sort());
    const genesBefore = (await store.counts()).Gene;
    // a symbol the graph's genes do not know is reported, not created (issue 12)
    const summary = await store.upsertPathways([{ ...hypoxia, geneSymbols: ["CA9", "NEWGENE1", "x'}) DETACH DELETE g //", "CA9"] }]);
    expect(summary).toEqual({ written: 1, unknownGeneSymbols: ["NEWGENE1", "x'}) DETACH DELETE g //"].sort() });
    expect((await store.genesOfPathways([hypoxia.id])).get(hypoxia.id)!.map((g) => g.symbol)).toEqual(["CA9"]);
    expect((await store.counts()).Gene).toBe(genesBefore);
    expect(await store.genesBySymbols(["NEWGENE1"])).toEqual([]);
    expect((await store.pathwaysOfGenes(["CA9"])).get("CA9")!.map((p) => p.id)).toEqual([hypoxia.id]);
    expect((await store.pathways({ geneSymbol: "EGFR" })).map((p) => p.id)).toEqual(["DEMO_RTK_RAS"]);
    expect((await store.genesBySymbols(["EGFR"]))[0]).toMatchObject({ symbol: "EGFR", entrezId: 1956 });
  });

  it("bulk-writes 100k expression relationships, idempotently, and reads them back", async () => {
    const patients: M.PatientRecord[] = Array.from({ length: 100 }, (_, i) => ({ id: `TCGA-BK-${String(i).padStart(4, "0")}`, collectionId: "TCGA-LUAD" }));
    const genes: M.GeneRecord[] = Array.from({ length: 1000 }, (_, i) => ({ symbol: `BULK${i}` }));
    await store.upsertPatients(patients);
    await store.upsertGenes(genes);
    const rows: M.ExpressionRecord[] = [];
    for (const p of patients) for (const [g, gene] of genes.entries()) rows.push({ patientId: p.id, geneSymbol: gene.symbol, value: g / 7, tpm: 2 ** (g / 7) - 1, z: g % 3, source: "GDC", dataRelease: "DR42", sourceFile: `f-${p.id}` });
    expect((await store.replaceExpression(rows)).written).toBe(100_000);
    await store.replaceExpression(rows);
    const counts = await store.counts();
    expect(counts.EXPRESSES).toBe(100_000 + cohort.expression.length);
    const back = await store.expressionOf(["TCGA-BK-0042"], ["BULK700", "BULK3"]);
    expect(back).toEqual([
      { patientId: "TCGA-BK-0042", geneSymbol: "BULK3", value: 3 / 7, tpm: 2 ** (3 / 7) - 1, z: 0, source: "GDC", dataRelease: "DR42", sourceFile: "f-TCGA-BK-0042" },
      { patientId: "TCGA-BK-0042", geneSymbol: "BULK700", value: 100, tpm: 2 ** 100 - 1, z: 1, source: "GDC", dataRelease: "DR42", sourceFile: "f-TCGA-BK-0042" },
    ]);
  }, 240_000); // two 100k-row writes: 18 s on Neo4j at load 1.7 (5 s embedded), 62 s once with 8 agents sharing the 2 cores

  it("refuses expression for an unknown gene and writes none of the batch", async () => {
    const before = await store.counts();
    const rows: M.ExpressionRecord[] = [
      { patientId: cohort.patients[0]!.id, geneSymbol: "EGFR", value: 1, source: "GDC" },
      { patientId: cohort.patients[0]!.id, geneSymbol: "NOT_A_GENE", value: 1, source: "GDC" },
    ];
    await expect(store.replaceExpression(rows)).rejects.toMatchObject({ code: "BAD_USER_INPUT", message: expect.stringContaining("NOT_A_GENE") });
    expect(await store.counts()).toEqual(before);
  });

  it("upserts mutations by (patient, gene, protein change) and reads them back", async () => {
    const patient = cohort.patients[1]!.id;
    const mutations: M.MutationRecord[] = [
      { patientId: patient, geneSymbol: "EGFR", proteinChange: "p.L858R", consequence: "missense_variant", vaf: 0.31, sampleId: `${patient}-01A`, source: "GDC" },
      { patientId: patient, geneSymbol: "EGFR", proteinChange: "p.T790M", consequence: "missense_variant", vaf: 0.12, source: "GDC" },
      { patientId: patient, geneSymbol: "NEWGENE2", proteinChange: "p.R12*", consequence: "stop_gained" },
    ];
    await store.upsertMutations(mutations);
    await store.upsertMutations(mutations);
    const stored = (await store.mutationsOfPatients([patient])).get(patient)!;
    const distinctOfPatient = new Set([...cohort.mutations, ...mutations].filter((m) => m.patientId === patient).map((m) => `${m.geneSymbol}|${m.proteinChange}`));
    expect(stored).toHaveLength(distinctOfPatient.size);
    expect(stored.find((m) => m.proteinChange === "p.L858R")).toMatchObject({ geneSymbol: "EGFR", vaf: 0.31, consequence: "missense_variant", sampleId: `${patient}-01A` });
    expect((await store.genesBySymbols(["NEWGENE2"]))).toHaveLength(1);
    await expect(store.upsertMutations([{ patientId: "TCGA-XX-0001", geneSymbol: "TP53", proteinChange: "p.R175H" }])).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    await expect(store.upsertMutations([{ patientId: patient, geneSymbol: "TP53", proteinChange: "p.R175H", vaf: 1.7 }])).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    const distinct = new Set([...cohort.mutations, ...mutations].map((m) => `${m.patientId}|${m.geneSymbol}|${m.proteinChange}`));
    expect((await store.counts()).HAS_MUTATION).toBe(distinct.size);
  });

  it("stores feature values with their settings, undefined values with their reason", async () => {
    const lesion = cohort.lesions[0]!.id;
    const settings = { discretisation: { method: "fixedBinSize", binWidth: 25 } };
    const feature = (name: string, hash: string): M.FeatureRecord => ({ key: `${name}@${hash}`, name, family: "glcm", ibsiCode: "TU9B", settingsHash: hash, settings, unit: null });
    const records: M.LesionFeatureRecord[] = [
      { lesionId: lesion, feature: feature("cm_joint_entropy_3d_mrg", "h1"), value: 3.25, computedAt: "2026-11-29T00:00:00Z" },
      { lesionId: lesion, feature: feature("cm_correlation_3d_mrg", "h1"), value: null, undefinedReason: "one grey level" },
      { lesionId: lesion, feature: feature("cm_joint_entropy_3d_mrg", "h2"), value: 2.5 },
    ];
    await store.saveLesionFeatures(records);
    await store.saveLesionFeatures(records);
    const h1 = (await store.featuresOfLesions([lesion], "h1")).get(lesion)!;
    expect(h1.map((f) => [f.feature.name, f.value, f.undefinedReason])).toEqual([
      ["cm_correlation_3d_mrg", null, "one grey level"],
      ["cm_joint_entropy_3d_mrg", 3.25, null],
    ]);
    expect(h1[1]!.feature.settings).toEqual(settings);
    expect((await store.featuresOfLesions([lesion])).get(lesion)).toHaveLength(3);
    await expect(store.saveLesionFeatures([{ lesionId: "no-such-lesion", feature: feature("x", "h1"), value: 1 }])).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    await expect(store.saveLesionFeatures([{ lesionId: lesion, feature: feature("x", "h1"), value: Number.NaN }])).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    expect((await store.counts()).HAS_FEATURE).toBe(3);
  });

  it("saves a mutation analysis with its PREDICTS links whole and pages them by q, then |AUC − 0.5|", async () => {
    const lesion = cohort.lesions[0]!.id;
    const feature = (name: string, family: string): M.FeatureRecord => ({ key: `${name}@h1`, name, family, ibsiCode: name.toUpperCase(), settingsHash: "h1", settings: {}, unit: null });
    await store.saveLesionFeatures(["a", "b", "c"].map((name, i) => ({ lesionId: lesion, feature: feature(name, i < 2 ? "glcm" : "morphology"), value: i })));
    const analysis: M.AnalysisRecord = { id: "assoc-contract", kind: "MUTATIONS", params: { minGroupSize: 5 }, dataVersion: { mutationCalls: 9 }, createdAt: "2026-11-29T00:00:00Z" };
    const link = (f: string, gene: string, auc: number, q: number): M.PredictionRecord => ({ featureKey: `${f}@h1`, geneSymbol: gene, analysisId: analysis.id, auc, u: auc * 50, p: q / 2, q, n: 15, nMutated: 5, nWildType: 10 });
    const links = [link("a", "TP53", 0.6, 0.2), link("b", "TP53", 0.1, 0.2), link("c", "TP53", 0.95, 0.01), link("a", "IDH1", 0.5, 0.9), link("c", "IDH1", 0.3, 0.2)];
    await expect(store.savePredictionAnalysis(analysis, [...links, { ...links[0]!, analysisId: "other" }])).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    await expect(store.savePredictionAnalysis(analysis, [{ ...links[0]!, auc: Number.NaN }])).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    expect(await store.analysisById(analysis.id)).toBeNull();
    await store.savePredictionAnalysis(analysis, links);
    await store.savePredictionAnalysis(analysis, links);
    expect((await store.counts()).PREDICTS).toBe(5);
    expect(await store.analysisById(analysis.id)).toMatchObject({ kind: "MUTATIONS", params: { minGroupSize: 5 } });
    const page = (query: Partial<Parameters<GraphStore["predictionLinks"]>[0]>) =>
      store.predictionLinks({ analysisId: analysis.id, skip: 0, first: 10, ...query }).then((rows) => rows.map((r) => `${r.feature.name}→${r.geneSymbol}`));
    expect(await page({})).toEqual(["c→TP53", "b→TP53", "c→IDH1", "a→TP53", "a→IDH1"]);
    expect(await page({ skip: 1, first: 2 })).toEqual(["b→TP53", "c→IDH1"]);
    expect(await page({ maxQ: 0.2, minAbsAucDeviation: 0.2 })).toEqual(["c→TP53", "b→TP53", "c→IDH1"]);
    expect(await page({ family: "glcm", geneSymbols: ["TP53"] })).toEqual(["b→TP53", "a→TP53"]);
    expect(await page({ feature: "C" })).toEqual(["c→TP53", "c→IDH1"]);
    const [top] = await store.predictionLinks({ analysisId: analysis.id, skip: 0, first: 1 });
    expect(top).toMatchObject({ auc: 0.95, u: 47.5, p: 0.005, q: 0.01, n: 15, nMutated: 5, nWildType: 10, featureKey: "c@h1", feature: { family: "morphology" } });
  });

  it("reports which patients have imaging, genomics, both or neither", async () => {
    await store.upsertPatients([{ id: "TCGA-LK-0001", collectionId: "TCGA-GBM" }]);
    await store.upsertMutations([{ patientId: "TCGA-LK-0001", geneSymbol: "TP53", proteinChange: "p.R175H" }]);
    await store.upsertPatients([{ id: "TCGA-LK-0002", collectionId: "TCGA-GBM" }, { id: "TCGA-LK-0003", collectionId: "TCGA-GBM" }]);
    await store.upsertStudies([{ uid: "2.25.777", patientId: "TCGA-LK-0003" }]);
    const linkage = await store.linkage({ collectionIds: ["TCGA-GBM"] });
    const gbm = cohort.patients.filter((p) => p.collectionId === "TCGA-GBM").map((p) => p.id).sort();
    expect(linkage).toEqual({ linked: gbm, imagingOnly: ["TCGA-LK-0003"], genomicsOnly: ["TCGA-LK-0001"], neither: ["TCGA-LK-0002"] });
  });
});
