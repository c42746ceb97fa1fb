// bench/genomics: a full transcriptome for a cohort — 20,000 genes × 500 patients = 10^7 expression
// values — loaded gene by gene in bounded chunks through our ingest path (values/s, peak RSS), beside
// the store's own bulk import of the same rows into the same schema (embedded: Ladybug `COPY` of CSV
// files already on disk; Neo4j: batched `UNWIND … CREATE` through the bare driver), ratio printed; then
// a 200-gene × 500-patient matrix read back as the correlation engine reads it (best of three gene sets).
// Run: npm run bench:genomics   (Neo4j part needs NEO4J_URI; BENCH_GENES / BENCH_PATIENTS to scale)
// The yardstick statements below are written here on purpose: they measure the store without our layer.
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { once } from "node:events";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import lbug from "@ladybugdb/core";
import neo4j from "neo4j-driver";
import { SeededRandom } from "../compute/seeded-random.js";
import type { GraphStore } from "../graph-model/graph-store.js";
import type { ExpressionRecord } from "../graph-model/model/records.js";
import { openStore, type StoreConfig } from "../graph-model/open-store.js";
import { writeExpressionByGene } from "../ingest/genomics/write-expression.js";

const GENES = Number(process.env.BENCH_GENES ?? 20_000);
const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 500);
const READ_GENES = 200;
const READ_REPEATS = 3;
/** Rows per yardstick CSV file (what one COPY reads) and per yardstick UNWIND batch. */
const COPY_FILE_ROWS = 1_000_000;
const UNWIND_BATCH = 20_000;
const RELEASE = "Data Release 42.0";
const patientIds = Array.from({ length: PATIENTS }, (_, p) => `TCGA-GX-${String(p).padStart(4, "0")}`);
const geneSymbols = Array.from({ length: GENES }, (_, g) => `GENE${g}`);
const N = GENES * PATIENTS;

/** Generated lazily, gene by gene, as a parsed cohort matrix yields them: memory stays bounded. Real-looking
 * provenance: a GDC release name and one STAR-Counts file id per patient. */
function* transcriptome(): Generator<ExpressionRecord> {
  const rng = new SeededRandom(42);
  for (const geneSymbol of geneSymbols)
    for (const patientId of patientIds) {
      const value = Math.max(0, rng.normal(4, 2));
      yield { patientId, geneSymbol, value, tpm: 2 ** value - 1, z: rng.normal(), source: "bench", dataRelease: RELEASE, sourceFile: `star-${patientId}` };
    }
}

const seconds = (start: number) => (performance.now() - start) / 1000;
const rate = (values: number, s: number) => `${Math.round(values / s).toLocaleString("en")} values/s`;

async function seed(store: GraphStore, genes: boolean): Promise<void> {
  await store.deleteEverything();
  await store.upsertCollections([{ id: "BENCH" }]);
  await store.upsertPatients(patientIds.map((id) => ({ id, collectionId: "BENCH" })));
  if (genes) await store.upsertGenes(geneSymbols.map((symbol) => ({ symbol })));
}

/** Our ingest path, timed; peak RSS sampled. */
async function ours(store: GraphStore): Promise<{ seconds: number; peakMiB: number; addedMiB: number }> {
  await seed(store, false);
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
  const before = process.memoryUsage().rss;
  const start = performance.now();
  const written = await writeExpressionByGene(store, transcriptome());
  const s = seconds(start);
  clearInterval(sampler);
  if (written !== N) throw new Error(`ours wrote ${written} values, expected ${N}`);
  return { seconds: s, peakMiB: Math.round(peak / 2 ** 20), addedMiB: Math.round((peak - before) / 2 ** 20) };
}

async function readBack(store: GraphStore): Promise<string> {
  const times: number[] = [];
  let values = 0;
  for (let i = 0; i < READ_REPEATS; i++) {
    const start = performance.now();
    const first = (i * READ_GENES) % Math.max(1, GENES - READ_GENES + 1); // different gene sets where there are enough genes
    values = (await store.expressionOf(patientIds, geneSymbols.slice(first, first + READ_GENES))).length;
    times.push(seconds(start));
  }
  return `read-back ${READ_GENES} genes × ${PATIENTS} patients (${values.toLocaleString("en")} values) in ${Math.min(...times).toFixed(2)} s (best of ${times.map((t) => t.toFixed(2)).join(", ")})`;
}

function csvQuoted(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** The same rows as CSV files of COPY_FILE_ROWS lines (endpoints, then EXPRESSES' columns in DDL order). */
async function writeYardstickCsv(dir: string, provenance: boolean): Promise<string[]> {
  const files: string[] = [];
  let out: ReturnType<typeof createWriteStream> | undefined;
  let lines = 0;
  let buffer = "";
  const flush = async () => {
    if (buffer && !out!.write(buffer)) await once(out!, "drain");
    buffer = "";
  };
  for (const r of transcriptome()) {
    if (lines % COPY_FILE_ROWS === 0) {
      if (out) {
        await flush();
        out.end();
        await once(out, "finish");
      }
      files.push(path.join(dir, `yardstick-${files.length}.csv`));
      out = createWriteStream(files[files.length - 1]!);
    }
    const release = provenance ? csvQuoted(r.dataRelease!) : "";
    const file = provenance ? csvQuoted(r.sourceFile!) : "";
    buffer += `${csvQuoted(r.patientId)},${csvQuoted(r.geneSymbol)},${r.value},${r.tpm},${r.z},${csvQuoted(r.source!)},${release},${file}\n`;
    if (++lines % 10_000 === 0) await flush();
  }
  await flush();
  out!.end();
  await once(out!, "finish");
  return files;
}

/** Ladybug's own bulk import: COPY of CSV files already on disk into a fresh database with our schema. */
async function ladybugCopy(provenance: boolean): Promise<{ seconds: number; csvSeconds: number }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "rg-bench-copy-"));
  try {
    const store = await openStore({ kind: "embedded", dataDir: dir });
    await seed(store, true);
    await store.close();
    const csvStart = performance.now();
    const files = await writeYardstickCsv(dir, provenance);
    const csvSeconds = seconds(csvStart);
    const database = new lbug.Database(path.join(dir, "graph"));
    const connection = new lbug.Connection(database);
    const start = performance.now();
    for (const file of files) await connection.query(`COPY EXPRESSES FROM '${file}' (header=false)`);
    const s = seconds(start);
    const counted = (await ((await connection.query("MATCH ()-[e:EXPRESSES]->() RETURN count(e) AS n")) as lbug.QueryResult).getAll())[0]!.n;
    if (Number(counted) !== N) throw new Error(`COPY stored ${counted} values, expected ${N}`);
    await connection.close();
    await database.close();
    return { seconds: s, csvSeconds };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Neo4j without our layer: the same rows in batched UNWIND … CREATE through the bare driver. */
async function neo4jUnwind(config: Extract<StoreConfig, { kind: "neo4j" }>): Promise<number> {
  const store = await openStore(config);
  await seed(store, true);
  await store.close();
  const driver = neo4j.driver(config.uri, config.user ? neo4j.auth.basic(config.user, config.password ?? "") : undefined);
  const text = `UNWIND $rows AS r MATCH (a:Patient {id: r.from}) MATCH (b:Gene {symbol: r.to})
    CREATE (a)-[:EXPRESSES {value: r.value, tpm: r.tpm, z: r.z, source: r.source, dataRelease: r.dataRelease, sourceFile: r.sourceFile}]->(b)`;
  const start = performance.now();
  let batch: Record<string, unknown>[] = [];
  const send = async () => {
    const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.executeWrite((tx) => tx.run(text, { rows: batch }));
    } finally {
      await session.close();
    }
    batch = [];
  };
  for (const r of transcriptome()) {
    batch.push({ from: r.patientId, to: r.geneSymbol, value: r.value, tpm: r.tpm, z: r.z, source: r.source, dataRelease: r.dataRelease, sourceFile: r.sourceFile });
    if (batch.length === UNWIND_BATCH) await send();
  }
  if (batch.length) await send();
  const s = seconds(start);
  await driver.close();
  return s;
}

function line(name: string, result: { seconds: number; peakMiB: number; addedMiB: number }, yardstick: string, ratio: number, read: string): void {
  console.log(
    `${name.padEnd(9)} ours ${N.toLocaleString("en")} values in ${result.seconds.toFixed(1)} s = ${rate(N, result.seconds)}, peak RSS ${result.peakMiB} MiB (+${result.addedMiB} MiB)\n` +
      `${"".padEnd(9)} ${yardstick}\n${"".padEnd(9)} ours / store's own bulk import = ${ratio.toFixed(2)}× (aim ≥ 0.70)\n${"".padEnd(9)} ${read}`,
  );
}

console.log(`bench/genomics: ${GENES.toLocaleString("en")} genes × ${PATIENTS} patients = ${N.toLocaleString("en")} values; load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
const dir = await mkdtemp(path.join(os.tmpdir(), "rg-bench-genomics-"));
try {
  const store = await openStore({ kind: "embedded", dataDir: dir });
  const result = await ours(store);
  const read = await readBack(store);
  await store.close();
  const copy = await ladybugCopy(true);
  line("embedded", result, `Ladybug COPY of the same rows (${Math.ceil(N / COPY_FILE_ROWS)} CSV files, written in ${copy.csvSeconds.toFixed(1)} s beforehand): ${copy.seconds.toFixed(1)} s = ${rate(N, copy.seconds)}`, copy.seconds / result.seconds, read);
  if (process.env.BENCH_PROVENANCE_PROBE !== "0") {
    const slim = await ladybugCopy(false);
    console.log(`${"".padEnd(9)} (COPY of the same rows without per-value release and source file: ${slim.seconds.toFixed(1)} s = ${rate(N, slim.seconds)}; provenance strings cost ${(copy.seconds / slim.seconds).toFixed(2)}× in COPY)`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
const uri = process.env.NEO4J_URI;
if (uri) {
  const config = { kind: "neo4j", uri, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD } satisfies StoreConfig;
  const store = await openStore(config);
  const result = await ours(store);
  const read = await readBack(store);
  await store.deleteEverything();
  await store.close();
  const unwind = await neo4jUnwind(config);
  line("neo4j", result, `bare-driver UNWIND … CREATE of the same rows (batches of ${UNWIND_BATCH.toLocaleString("en")}): ${unwind.toFixed(1)} s = ${rate(N, unwind)}`, unwind / result.seconds, read);
  const cleanup = await openStore(config);
  await cleanup.deleteEverything();
  await cleanup.close();
} else console.log("neo4j     skipped: set NEO4J_URI (e.g. `bash scripts/neo4j.sh start` then NEO4J_URI=bolt://127.0.0.1:7687)");
console.log(`load after: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
