// An embedded database created before EXPRESSES carried its source (value, tpm, z only) opens with the
// new columns added empty, keeps its values (source null), and takes per-source values from then on.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import lbug from "@ladybugdb/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeTableDdl, relTableDdl } from "../../graph-model/ladybug/ladybug-ddl.js";
import * as N from "../../graph-model/model/nodes.js";
import { EXPRESSES } from "../../graph-model/model/relationships.js";
import { openStore } from "../../graph-model/open-store.js";

describe("embedded store opened on an older schema [embedded Ladybug]", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "rg-ladybug-old-"));
    const database = new lbug.Database(path.join(dir, "graph"));
    const connection = new lbug.Connection(database);
    const { value, tpm, z } = EXPRESSES.properties;
    const statements = [
      nodeTableDdl(N.Patient), nodeTableDdl(N.Gene),
      relTableDdl({ ...EXPRESSES, properties: { value, tpm, z } }),
      "CREATE (:Patient {id: 'TCGA-OL-0001'})", "CREATE (:Gene {symbol: 'EGFR'})", "CREATE (:Gene {symbol: 'KRAS'})",
      "MATCH (p:Patient {id: 'TCGA-OL-0001'}), (g:Gene {symbol: 'EGFR'}) CREATE (p)-[:EXPRESSES {value: 2.5, tpm: 4.66, z: 0.1}]->(g)",
    ];
    for (const statement of statements) {
      const result = await connection.query(statement);
      (Array.isArray(result) ? result : [result]).forEach((r) => r.close());
    }
    await connection.close();
    await database.close();
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("adds the missing columns, keeps the old value, and stores new ones with their source", async () => {
    const store = await openStore({ kind: "embedded", dataDir: dir });
    try {
      expect(await store.expressionOf(["TCGA-OL-0001"], ["EGFR"])).toEqual([
        { patientId: "TCGA-OL-0001", geneSymbol: "EGFR", value: 2.5, tpm: 4.66, z: 0.1, source: null, dataRelease: null, sourceFile: null },
      ]);
      await store.replaceExpression([{ patientId: "TCGA-OL-0001", geneSymbol: "KRAS", value: 1, source: "GDC", dataRelease: "Data Release 42.0", sourceFile: "f1" }]);
      expect(await store.expressionOf(["TCGA-OL-0001"], ["KRAS"], "GDC")).toEqual([
        { patientId: "TCGA-OL-0001", geneSymbol: "KRAS", value: 1, tpm: null, z: null, source: "GDC", dataRelease: "Data Release 42.0", sourceFile: "f1" },
      ]);
    } finally {
      await store.close();
    }
  });
});
