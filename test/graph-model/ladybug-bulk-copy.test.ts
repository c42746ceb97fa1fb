// The embedded bulk path with small COPY chunks, so several CSV files are written while the previous one
// is being copied: every row arrives once with its values exact (doubles round-trip, nulls stay null,
// quotes, commas and backslashes in strings survive the CSV), and no temporary file stays beside the database.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CypherGraphStore } from "../../graph-model/cypher-graph-store.js";
import { LadybugExecutor } from "../../graph-model/ladybug/ladybug-executor.js";
import type * as M from "../../graph-model/model/records.js";

const PATIENTS = ["TCGA-CP-0001", 'TCGA-CP-"2"', "TCGA-CP-0003"];
const GENES = ["A1", "B2", "C3", "D4", "E5"];

describe("bulk COPY in several files [embedded Ladybug]", () => {
  let dir: string;
  let store: CypherGraphStore;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "rg-ladybug-copy-"));
    const executor = await LadybugExecutor.open(dir, { copyChunkRows: 4 });
    await executor.ensureSchema();
    store = new CypherGraphStore(executor);
    await store.upsertCollections([{ id: "TCGA-CP" }]);
    await store.upsertPatients(PATIENTS.map((id) => ({ id, collectionId: "TCGA-CP" })));
    await store.upsertGenes(GENES.map((symbol) => ({ symbol })));
  });
  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("writes 15 values through 4 COPY files, exact, with no temporary file left", async () => {
    const records: M.ExpressionRecord[] = GENES.flatMap((geneSymbol, g) =>
      PATIENTS.map((patientId, p) => ({
        patientId, geneSymbol, value: (g + 1) / 7 + p * 1e-17, tpm: p === 1 ? null : 2 ** (40 + g) - 1 / 3, z: g === 2 ? null : -1e-300 * (p + 1),
        source: "GDC", dataRelease: 'Data Release "42.0", final', sourceFile: p === 2 ? null : `dir\\file,${p}`,
      })),
    );
    expect((await store.replaceExpression(records)).written).toBe(15);
    expect((await store.counts()).EXPRESSES).toBe(15);
    const back = await store.expressionOf(PATIENTS, GENES);
    const byKey = (r: M.ExpressionRecord) => `${r.patientId}|${r.geneSymbol}`;
    expect(new Map(back.map((r) => [byKey(r), r]))).toEqual(new Map(records.map((r) => [byKey(r), { ...r, tpm: r.tpm ?? null, z: r.z ?? null, sourceFile: r.sourceFile ?? null }])));
    expect((await readdir(dir)).filter((name) => name.startsWith(".bulk-"))).toEqual([]);
  });
});
