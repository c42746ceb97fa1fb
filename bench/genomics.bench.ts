// bench/genomics: a full transcriptome for a cohort — 20,000 genes × 500 patients = 10^7 expression
// values — loaded gene by gene in bounded chunks through each store's bulk path (values/s, peak RSS),
// then a 200-gene × 500-patient matrix read back as the correlation engine reads it (seconds, best of
// three different gene sets).
// Run: npm run bench:genomics   (Neo4j part needs NEO4J_URI; BENCH_GENES / BENCH_PATIENTS to scale)
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { SeededRandom } from "../compute/seeded-random.js";
import type { GraphStore } from "../graph-model/graph-store.js";
import type { ExpressionRecord } from "../graph-model/model/records.js";
import { openStore, type StoreConfig } from "../graph-model/open-store.js";
import { writeExpressionByGene } from "../ingest/genomics/write-expression.js";

const GENES = Number(process.env.BENCH_GENES ?? 20_000);
const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 500);
const READ_GENES = 200;
const READ_REPEATS = 3;
const patientIds = Array.from({ length: PATIENTS }, (_, p) => `TCGA-GX-${String(p).padStart(4, "0")}`);
const geneSymbols = Array.from({ length: GENES }, (_, g) => `GENE${g}`);

/** Generated lazily, gene by gene, as a parsed cohort matrix yields them: memory stays bounded. */
function* transcriptome(): Generator<ExpressionRecord> {
  const rng = new SeededRandom(42);
  for (const geneSymbol of geneSymbols)
    for (const patientId of patientIds) {
      const value = Math.max(0, rng.normal(4, 2));
      yield { patientId, geneSymbol, value, tpm: 2 ** value - 1, z: rng.normal(), source: "bench", dataRelease: "bench-1", sourceFile: null };
    }
}

async function measure(name: string, store: GraphStore) {
  await store.deleteEverything();
  await store.upsertCollections([{ id: "BENCH" }]);
  await store.upsertPatients(patientIds.map((id) => ({ id, collectionId: "BENCH" })));
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
  const before = process.memoryUsage().rss;
  const start = performance.now();
  const written = await writeExpressionByGene(store, transcriptome());
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  // Read back a few times (the machine is shared, single timings are noisy): the best and every time.
  const readTimes: number[] = [];
  let matrix: unknown[] = [];
  for (let i = 0; i < READ_REPEATS; i++) {
    const readStart = performance.now();
    matrix = await store.expressionOf(patientIds, geneSymbols.slice(i * READ_GENES, (i + 1) * READ_GENES));
    readTimes.push((performance.now() - readStart) / 1000);
  }
  const readSeconds = Math.min(...readTimes);
  console.log(
    `${name.padEnd(9)} ${written.toLocaleString("en")} values in ${seconds.toFixed(0)} s = ${Math.round(written / seconds).toLocaleString("en")} values/s, ` +
      `peak RSS ${Math.round(peak / 2 ** 20)} MiB (+${Math.round((peak - before) / 2 ** 20)} MiB); read-back ${READ_GENES} genes × ${PATIENTS} patients ` +
      `(${matrix.length.toLocaleString("en")} values) in ${readSeconds.toFixed(2)} s (best of ${readTimes.map((t) => t.toFixed(2)).join(", ")})`,
  );
  await store.deleteEverything();
  await store.close();
}

const dir = await mkdtemp(path.join(os.tmpdir(), "rg-bench-genomics-"));
try {
  await measure("embedded", await openStore({ kind: "embedded", dataDir: dir }));
} finally {
  await rm(dir, { recursive: true, force: true });
}
const uri = process.env.NEO4J_URI;
if (uri) await measure("neo4j", await openStore({ kind: "neo4j", uri, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD } satisfies StoreConfig));
else console.log("neo4j     skipped: set NEO4J_URI (e.g. `bash scripts/neo4j.sh start` then NEO4J_URI=bolt://127.0.0.1:7687)");
