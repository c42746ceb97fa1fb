// Harmonisation end to end on both stores, on the planted multi-scanner cohort: startHarmonisation as a
// job (job id = Harmonisation id; the same question returns the stored answer), the scanner effect on the
// null feature removed (Kruskal–Wallis p < 0.001 before, > 0.05 after), the planted biology (planted_a
// ↔ SUBTYPE) kept, a signature fitted on the harmonised values recording its harmonisation, the paged
// reads and exports, and every refusal a BAD_USER_INPUT that stores nothing.
import { beforeAll, describe, expect, it } from "vitest";
import "reflect-metadata";
import { mannWhitney } from "../../compute/stats/mann-whitney.js";
import { settingsKey } from "../../ingest/features/feature-settings-key.js";
import { harmonisedFeatureValues } from "../../ingest/analysis/harmonised-feature-values.js";
import { DEFAULT_FEATURE_SETTINGS } from "../../resolvers/feature-settings.mapping.js";
import { finishedJob, graphql } from "../support/graphql-client.js";
import { writePlantedHarmonisationCohort, type PlantedHarmonisationCohort } from "../support/planted/planted-harmonisation-cohort.js";
import { BOTH_STORES } from "../support/stores.js";
import { useTestPlatform } from "../support/test-platform.js";

const START = `mutation($name: String!, $collection: String!, $batchBy: HarmonisationBatchBy!, $covariates: [PreservedCovariateInput!], $settings: FeatureSettingsInput, $parametric: Boolean) {
  startHarmonisation(name: $name, cohort: { collectionIds: [$collection] }, batchBy: $batchBy, covariates: $covariates, settings: $settings, parametric: $parametric) { id status } }`;
const JOB = `query($id: ID!) { job(id: $id) { id status progress { total done } errors { message } } }`;
const READ = `query($id: ID!, $after: String) { harmonisation(id: $id) { id name settingsHash batches { batch size } patientCount featureCount method covariates dataVersion
  diagnostics(first: 3, after: $after) { totalCount nodes { featureKey pBefore pAfter } pageInfo { hasNextPage endCursor } } } }`;
const LIST = `query($after: String) { harmonisations(first: 1, after: $after) { nodes { id name } pageInfo { hasNextPage endCursor } } }`;
const SURVIVAL = `mutation($collection: String!, $harmonisationId: ID) { startSurvivalAnalysis(kind: UNIVARIATE_COX, endpoint: OVERALL, cohort: { collectionIds: [$collection] }, seed: 1, harmonisationId: $harmonisationId) { id } }`;
const SURVIVAL_READ = `query($id: ID!) { survivalAnalysis(id: $id) { params features(first: 50) { nodes { featureKey hazardRatio q } } } }`;
const FIT = `mutation($collection: String!, $harmonisationId: ID) { fitSignature(cohort: { collectionIds: [$collection] }, target: "SUBTYPE", folds: 5, seed: 3, harmonisationId: $harmonisationId) { id ci95 params } }`;

const finished = (url: string, id: string) => finishedJob(url, JOB, id, 50);

for (const target of BOTH_STORES) {
  describe(`harmonisation API on ${target.name}`, () => {
    const platform = useTestPlatform(target);
    let cohort: PlantedHarmonisationCohort;
    const key = settingsKey(DEFAULT_FEATURE_SETTINGS);
    const subtype = [{ name: "SUBTYPE", kind: "CATEGORICAL" }];
    beforeAll(async () => {
      cohort = await writePlantedHarmonisationCohort(platform.store, 7, 90, key.hash, key.canonical);
    });

    it("removes the planted scanner effect, keeps the planted biology, stores the answer once, feeds signatures and exports", async () => {
      const url = platform.server.graphqlUrl;
      const started = await graphql(url, START, { name: "by vendor", collection: cohort.collectionId, batchBy: "MANUFACTURER", covariates: subtype });
      expect(started.errors).toBeUndefined();
      const id = started.data.startHarmonisation.id;
      expect(id).toMatch(/^harmonisation-[0-9a-f]{16}$/);
      expect(await finished(url, id)).toMatchObject({ status: "SUCCEEDED", progress: { total: 1, done: 1 } });

      const read = (await graphql(url, READ, { id })).data.harmonisation;
      expect(read).toMatchObject({ id, name: "by vendor", settingsHash: key.hash, patientCount: 90, featureCount: 8 });
      expect(read.batches).toEqual([{ batch: "GE MEDICAL SYSTEMS", size: 30 }, { batch: "PHILIPS", size: 30 }, { batch: "SIEMENS", size: 30 }]);
      expect(read.method.parametric).toBe(true);
      expect(read.dataVersion.rawValuesDigest).toMatch(/^[0-9a-f]{16}$/);
      expect(read.diagnostics.totalCount).toBe(8);
      expect(read.diagnostics.pageInfo.hasNextPage).toBe(true);
      const rest = [];
      for (let after = read.diagnostics.pageInfo.endCursor; after; ) {
        const page = (await graphql(url, READ, { id, after })).data.harmonisation.diagnostics;
        rest.push(...page.nodes);
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      }
      const diagnostics = new Map([...read.diagnostics.nodes, ...rest].map((d: any) => [d.featureKey, d]));
      expect(diagnostics.size).toBe(8);
      expect(diagnostics.get(cohort.scannerNull).pBefore).toBeLessThan(0.001);
      expect(diagnostics.get(cohort.scannerNull).pAfter).toBeGreaterThan(0.05);
      expect(diagnostics.get(cohort.planted).pAfter).toBeGreaterThan(0.05);

      // The planted biology survives: planted_a still separates Basal from Luminal after ComBat.
      const lesions = await platform.store.lesionsOfPatients({ collectionIds: [cohort.collectionId] });
      const harmonised = await harmonisedFeatureValues(platform.store, id, lesions.map((l) => l.id));
      expect(harmonised.settingsHash).toBe(key.hash);
      const valueOf = (lesionId: string, featureKey: string) => harmonised.values.get(lesionId)!.find((f) => f.feature.key === featureKey)!.value!;
      const group = (label: string) => lesions.filter((l) => cohort.subtype.get(l.patientId) === label).map((l) => valueOf(l.id, cohort.planted));
      const biology = mannWhitney(group("Basal"), group("Luminal"));
      expect(biology.ok && biology.p).toBeLessThan(0.001);
      expect(biology.ok && biology.auc).toBeGreaterThan(0.75);

      // Same question → the stored answer: same id, the job done at once, still one Harmonisation.
      const nodes = (await platform.store.counts()).Harmonisation;
      const again = await graphql(url, START, { name: "by vendor again", collection: cohort.collectionId, batchBy: "MANUFACTURER", covariates: subtype });
      expect(again.data.startHarmonisation.id).toBe(id);
      expect(await finished(url, id)).toMatchObject({ status: "SUCCEEDED" });
      expect((await platform.store.counts()).Harmonisation).toBe(nodes);

      const other = await graphql(url, START, { name: "non-parametric", collection: cohort.collectionId, batchBy: "MANUFACTURER", covariates: subtype, parametric: false });
      expect(other.data.startHarmonisation.id).not.toBe(id);
      await finished(url, other.data.startHarmonisation.id);
      const first = (await graphql(url, LIST)).data.harmonisations;
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = (await graphql(url, LIST, { after: first.pageInfo.endCursor })).data.harmonisations;
      expect(new Set([first.nodes[0].name, second.nodes[0].name])).toEqual(new Set(["by vendor", "non-parametric"]));

      const diagnosticsCsv = await fetch(new URL(`/export/harmonisations/${id}/diagnostics.tsv`, platform.server.url));
      expect(diagnosticsCsv.status).toBe(200);
      const diagnosticsText = await diagnosticsCsv.text();
      expect(diagnosticsText).toContain("kwPBefore\tkwStatisticAfter");
      const sidecar = (await (await fetch(new URL(`/export/harmonisations/${id}/diagnostics.provenance.json`, platform.server.url))).json()) as { provenance: string[] };
      expect(sidecar.provenance.join("\n")).toContain("preserved covariates: SUBTYPE CATEGORICAL");
      const valuesCsv = (await (await fetch(new URL(`/export/harmonisations/${id}/values.csv`, platform.server.url))).text()).split("\n").filter((l) => l && !l.startsWith("#"));
      expect(valuesCsv[0]).toContain("patientId,lesionId,null_01");
      expect(valuesCsv).toHaveLength(91);
      const planted = valuesCsv[0]!.split(",").indexOf("planted_a");
      const row = valuesCsv.find((l) => l.startsWith(lesions[0]!.patientId))!.split(",");
      expect(Number(row[planted])).toBeCloseTo(valueOf(lesions[0]!.id, cohort.planted), 12);
      expect((await fetch(new URL(`/export/harmonisations/harmonisation-nope/values.csv`, platform.server.url))).status).toBe(404);

      const signature = await graphql(url, FIT, { collection: cohort.collectionId, harmonisationId: id });
      expect(signature.errors).toBeUndefined();
      expect(signature.data.fitSignature[0].params.harmonisation).toBe(id);
      expect(signature.data.fitSignature[0].ci95[0]).toBeGreaterThan(0.5);

      // Survival on the harmonised values: the planted hazard (∝ exp(0.8 · latent)) is still found, and recorded as harmonised.
      const raw = await graphql(url, SURVIVAL, { collection: cohort.collectionId });
      const onHarmonised = await graphql(url, SURVIVAL, { collection: cohort.collectionId, harmonisationId: id });
      expect(onHarmonised.errors).toBeUndefined();
      const survivalId = onHarmonised.data.startSurvivalAnalysis.id;
      expect(survivalId).not.toBe(raw.data.startSurvivalAnalysis.id);
      expect((await finished(url, survivalId)).status).toBe("SUCCEEDED");
      const analysis = (await graphql(url, SURVIVAL_READ, { id: survivalId })).data.survivalAnalysis;
      expect(analysis.params.harmonisation).toBe(id);
      const plantedRow = analysis.features.nodes.find((f: { featureKey: string }) => f.featureKey === cohort.planted);
      expect(plantedRow.hazardRatio).toBeGreaterThan(1);
      expect(plantedRow.q).toBeLessThan(0.05);
    }, 300_000);

    it("refuses a batch of one, a single batch, a missing batch value, a confounded covariate and no stored features, storing nothing", async () => {
      const url = platform.server.graphqlUrl;
      const before = await platform.store.counts();
      const refusals: Array<[Record<string, unknown>, string]> = [
        [{ collection: cohort.badCollectionId, batchBy: "MANUFACTURER" }, "batch 'SIEMENS' has 1 patient"],
        [{ collection: cohort.badCollectionId, batchBy: "CONVOLUTION_KERNEL" }, "in one CONVOLUTION_KERNEL batch ('B30f')"],
        [{ collection: cohort.badCollectionId, batchBy: "MANUFACTURER_MODEL" }, "2 patients have no MANUFACTURER_MODEL value"],
        [{ collection: cohort.collectionId, batchBy: "MANUFACTURER", covariates: [{ name: "SITE_ONLY", kind: "CATEGORICAL" }] }, "level 'special' occurs only in batch 'SIEMENS'"],
        [{ collection: cohort.collectionId, batchBy: "MANUFACTURER", settings: { discretisation: "FIXED_BIN_NUMBER", binCount: 7 } }, "no stored feature values"],
        [{ collection: cohort.collectionId, batchBy: "MANUFACTURER", covariates: [{ name: "PAM50", kind: "CATEGORICAL" }] }, "unknown target attribute 'PAM50'"],
      ];
      for (const [variables, message] of refusals) {
        const response = await graphql(url, START, { name: "refused", ...variables });
        expect(response.errors?.[0]?.extensions?.code, message).toBe("BAD_USER_INPUT");
        expect(response.errors?.[0]?.message).toContain(message);
      }
      expect(await platform.store.counts()).toEqual(before);
    }, 300_000);
  });
}
