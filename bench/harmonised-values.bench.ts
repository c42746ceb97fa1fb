// bench/harmonised-values: how to store a harmonisation's values. Measures, on the embedded store, writing
// and reading n lesions × F features of harmonised values as ONE json matrix property on the Harmonisation
// node (what harmonisation-store.ts does) against the per-value alternative — one relationship per
// lesion × feature, measured as the same number of HAS_FEATURE values through saveLesionFeatures (the
// path a HarmonisedValue edge would take). Prints times and sizes.
// Run: npm run build && node dist/bench/harmonised-values.bench.js   (BENCH_LESIONS, BENCH_FEATURES)
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { CypherGraphStore } from "../graph-model/cypher-graph-store.js";
import { LadybugExecutor } from "../graph-model/ladybug/ladybug-executor.js";
import type * as M from "../graph-model/model/records.js";

const LESIONS = Number(process.env.BENCH_LESIONS ?? 500);
const FEATURES = Number(process.env.BENCH_FEATURES ?? 200);

async function fresh(): Promise<{ store: CypherGraphStore; dir: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "rg-bench-harm-"));
  const executor = await LadybugExecutor.open(dir);
  await executor.ensureSchema();
  const store = new CypherGraphStore(executor);
  await store.upsertCollections([{ id: "BENCH" }]);
  const ids = Array.from({ length: LESIONS }, (_, i) => String(i).padStart(5, "0"));
  await store.upsertPatients(ids.map((i) => ({ id: `TCGA-BH-${i}`, collectionId: "BENCH" })));
  await store.upsertStudies(ids.map((i) => ({ uid: `1.${i}`, patientId: `TCGA-BH-${i}` })));
  await store.upsertSeries(ids.map((i) => ({ uid: `1.${i}.1`, studyUid: `1.${i}` })));
  await store.upsertLesions(ids.map((i) => ({ id: `1.${i}.1:1`, seriesUid: `1.${i}.1` })));
  return { store, dir };
}

async function size(dir: string): Promise<number> {
  return (await stat(path.join(dir, "graph")).catch(() => ({ size: Number.NaN }))).size;
}

async function main(): Promise<void> {
  const lesionIds = Array.from({ length: LESIONS }, (_, i) => `1.${String(i).padStart(5, "0")}.1:1`);
  const featureKeys = Array.from({ length: FEATURES }, (_, f) => `feature_${f}@bench`);
  const values = Array.from({ length: LESIONS * FEATURES }, (_, k) => Math.sin(k) * 1000 + k / 7);

  const a = await fresh();
  const before = await size(a.dir);
  const record: M.HarmonisationRecord = { id: "harmonisation-bench", name: "bench", settingsHash: "bench", values: { lesionIds, patientIds: lesionIds, featureKeys, values }, createdAt: new Date().toISOString() };
  let t = performance.now();
  await a.store.saveHarmonisation(record);
  const matrixWrite = performance.now() - t;
  t = performance.now();
  const [read] = await a.store.harmonisationsByIds(["harmonisation-bench"]);
  const matrixRead = performance.now() - t;
  if ((read!.values as { values: number[] }).values.length !== values.length) throw new Error("matrix read back incomplete");
  await a.store.close();
  const matrixBytes = (await size(a.dir)) - before;
  await rm(a.dir, { recursive: true, force: true });

  const b = await fresh();
  const beforeB = await size(b.dir);
  const rows: M.LesionFeatureRecord[] = [];
  lesionIds.forEach((lesionId, i) => featureKeys.forEach((key, f) => rows.push({ lesionId, feature: { key, name: key, settingsHash: "bench" }, value: values[i * FEATURES + f]! })));
  t = performance.now();
  await b.store.saveLesionFeatures(rows);
  const edgeWrite = performance.now() - t;
  t = performance.now();
  const edges = await b.store.featuresOfLesions(lesionIds, "bench");
  const edgeRead = performance.now() - t;
  if ([...edges.values()].reduce((s, l) => s + l.length, 0) !== values.length) throw new Error("edges read back incomplete");
  await b.store.close();
  const edgeBytes = (await size(b.dir)) - beforeB;
  await rm(b.dir, { recursive: true, force: true });

  const json = Buffer.byteLength(JSON.stringify(record.values));
  console.log(`harmonised values, ${LESIONS} lesions × ${FEATURES} features = ${values.length} values, embedded store`);
  console.log(`  matrix property : write ${matrixWrite.toFixed(0)} ms, read ${matrixRead.toFixed(0)} ms, JSON ${(json / 1e6).toFixed(2)} MB, database file +${(matrixBytes / 1e6).toFixed(2)} MB`);
  console.log(`  one edge / value: write ${edgeWrite.toFixed(0)} ms, read ${edgeRead.toFixed(0)} ms, database file +${(edgeBytes / 1e6).toFixed(2)} MB`);
  console.log(`  ratio edge/matrix: write ${(edgeWrite / matrixWrite).toFixed(1)}×, read ${(edgeRead / matrixRead).toFixed(1)}×`);
}

await main();
