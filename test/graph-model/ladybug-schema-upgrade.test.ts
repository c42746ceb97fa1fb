// An embedded database created by an older version (tables without columns the model added since) opens
// with those columns added as null, so `npm start` on an existing ./data keeps working. Ladybug only:
// Neo4j has no declared columns.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import lbug from "@ladybugdb/core";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "../../graph-model/open-store.js";

describe("embedded Ladybug schema upgrade", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it("adds the columns a table made by an older version lacks, keeping its rows", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "rg-ladybug-old-"));
    dirs.push(dir);
    const database = new lbug.Database(path.join(dir, "graph"));
    const connection = new lbug.Connection(database);
    // The Analysis and Cohort tables as the previous model declared them.
    for (const statement of [
      "CREATE NODE TABLE Analysis(id STRING, kind STRING, params STRING, dataVersion STRING, createdAt STRING, PRIMARY KEY (id))",
      "CREATE NODE TABLE Cohort(id STRING, name STRING, filter STRING, createdAt STRING, PRIMARY KEY (id))",
      "CREATE (:Analysis {id: 'assoc-old', kind: 'PATHWAYS', createdAt: '2026-01-01T00:00:00.000Z'})",
    ])
      await connection.query(statement);
    await connection.close();
    await database.close();

    const store = await openStore({ kind: "embedded", dataDir: dir });
    try {
      expect(await store.analysisById("assoc-old")).toMatchObject({ id: "assoc-old", kind: "PATHWAYS", cohortId: null });
      await store.upsertCollections([{ id: "C" }]);
      await store.upsertPatients([{ id: "TCGA-DM-0001", collectionId: "C" }]);
      const saved = await store.saveCohort({ id: "c1", name: "one", filter: {}, createdAt: "2026-01-02T00:00:00.000Z", platformVersion: "radiogenomics 0.1.0" }, {});
      expect(saved).toMatchObject({ id: "c1", patientCount: 1, platformVersion: "radiogenomics 0.1.0" });
    } finally {
      await store.close();
    }
  });
});
