// bench/store: write throughput of a 1M-relationship bulk load (patients × genes expression) on the
// embedded store and on Neo4j, against a baseline in the same run: the same relationships written as
// transactional `UNWIND … MATCH … CREATE` batches (the generic write path), on a 100k subset.
// Each embedded run gets a new database: Ladybug's COPY ran ~9× slower into endpoint nodes that had
// been deleted and re-created with the same keys (94 s vs 11 s for 10^6 here), which a first load never meets.
// Run: npm run bench:store   (Neo4j part needs NEO4J_URI, e.g. after `bash scripts/neo4j.sh start`)
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { CypherGraphStore } from "../graph-model/cypher-graph-store.js";
import type { CypherExecutor } from "../graph-model/cypher-executor.js";
import { LadybugExecutor } from "../graph-model/ladybug/ladybug-executor.js";
import type * as M from "../graph-model/model/records.js";
import { Neo4jExecutor } from "../graph-model/neo4j/neo4j-executor.js";
import { createRelationships, encodeRelationshipRows } from "../graph-model/cypher/relationship.cypher.js";
import { Gene, Patient } from "../graph-model/model/nodes.js";
import { EXPRESSES } from "../graph-model/model/relationships.js";

const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 1000);
const GENES = Number(process.env.BENCH_GENES ?? 1000);
const BASELINE_ROWS = 100_000;
const BASELINE_BATCH = 5_000;

function expressionRows(): M.ExpressionRecord[] {
  const rows: M.ExpressionRecord[] = [];
  for (let p = 0; p < PATIENTS; p++)
    for (let g = 0; g < GENES; g++) rows.push({ patientId: `TCGA-BN-${String(p).padStart(5, "0")}`, geneSymbol: `G${g}`, value: (p * g) % 17, tpm: p + g, z: (g % 7) - 3, source: "bench" });
  return rows;
}

async function seed(store: CypherGraphStore) {
  await store.upsertCollections([{ id: "BENCH" }]);
  await store.upsertPatients(Array.from({ length: PATIENTS }, (_, p) => ({ id: `TCGA-BN-${String(p).padStart(5, "0")}`, collectionId: "BENCH" })));
  await store.upsertGenes(Array.from({ length: GENES }, (_, g) => ({ symbol: `G${g}` })));
}

/** The generic path: transactional UNWIND batches that match both endpoints and CREATE. */
async function baseline(executor: CypherExecutor, rows: M.ExpressionRecord[]): Promise<number> {
  const target = { relationship: EXPRESSES, from: Patient, to: Gene };
  const start = performance.now();
  for (let i = 0; i < rows.length; i += BASELINE_BATCH) {
    const batch = rows.slice(i, i + BASELINE_BATCH).map((r) => ({ from: r.patientId, to: r.geneSymbol, properties: { value: r.value, tpm: r.tpm, z: r.z } }));
    await executor.write((tx) => tx.run(createRelationships(target, executor.dialect, encodeRelationshipRows(target, executor.dialect, batch))));
  }
  return rows.length / ((performance.now() - start) / 1000);
}

interface Target {
  name: string;
  /** A store to write into: a new empty database for the embedded store, the emptied server for Neo4j. */
  open(): Promise<CypherExecutor>;
}

async function baselineRate(target: Target): Promise<number> {
  const executor = await target.open();
  const store = new CypherGraphStore(executor);
  await seed(store);
  const rate = await baseline(executor, expressionRows().slice(0, BASELINE_ROWS));
  await store.deleteEverything();
  await store.close();
  return rate;
}

async function measure(target: Target) {
  const reference = await baselineRate(target);
  const executor = await target.open();
  const store = new CypherGraphStore(executor);
  await seed(store);
  const rows = expressionRows();
  const rssBefore = process.memoryUsage().rss;
  const start = performance.now();
  await store.replaceExpression(rows);
  const seconds = (performance.now() - start) / 1000;
  const counted = (await store.counts()).EXPRESSES;
  const rate = rows.length / seconds;
  console.log(
    `${target.name.padEnd(9)} bulk load ${rows.length.toLocaleString("en")} rels in ${seconds.toFixed(1)} s = ${Math.round(rate).toLocaleString("en")} rel/s ` +
      `(stored ${counted?.toLocaleString("en")}); baseline UNWIND…CREATE ${Math.round(reference).toLocaleString("en")} rel/s; ` +
      `ratio ${(rate / reference).toFixed(1)}×; RSS +${Math.round((process.memoryUsage().rss - rssBefore) / 2 ** 20)} MiB`,
  );
  await store.deleteEverything();
  await store.close();
}

const dirs: string[] = [];
const embedded: Target = {
  name: "embedded",
  async open() {
    const dir = await mkdtemp(path.join(os.tmpdir(), "rg-bench-store-"));
    dirs.push(dir);
    const executor = await LadybugExecutor.open(dir);
    await executor.ensureSchema();
    return executor;
  },
};
try {
  await measure(embedded);
} finally {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
}

const uri = process.env.NEO4J_URI;
if (uri) {
  await measure({
    name: "neo4j",
    async open() {
      const executor = await Neo4jExecutor.connect({ uri, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD });
      await executor.ensureSchema();
      await new CypherGraphStore(executor).deleteEverything();
      return executor;
    },
  });
} else console.log("neo4j     skipped: set NEO4J_URI (e.g. `bash scripts/neo4j.sh start` then NEO4J_URI=bolt://127.0.0.1:7687)");
