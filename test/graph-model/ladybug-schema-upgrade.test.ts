// An embedded database made before PREDICTS gained u / nMutated / nWildType opens with the current
// model, gains the columns, and stores and reads a mutation analysis (embedded Ladybug only: Neo4j has
// no declared columns).
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import lbug from "@ladybugdb/core";
import { afterAll, describe, expect, it } from "vitest";
import { nodeTableDdl } from "../../graph-model/ladybug/ladybug-ddl.js";
import * as N from "../../graph-model/model/nodes.js";
import { openStore } from "../../graph-model/open-store.js";

describe("Ladybug schema upgrade [embedded Ladybug]", () => {
  let dir: string;
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("adds properties declared since the database was made, keeping its data", async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "rg-ladybug-upgrade-"));
    const database = new lbug.Database(path.join(dir, "graph"));
    const connection = new lbug.Connection(database);
    for (const statement of [
      nodeTableDdl(N.Feature),
      nodeTableDdl(N.Gene),
      "CREATE REL TABLE PREDICTS(FROM Feature TO Gene, auc DOUBLE, p DOUBLE, q DOUBLE, n INT64, analysisId STRING)",
      "CREATE (:Feature {key: 'f@h', name: 'f', family: 'glcm'})",
      "CREATE (:Gene {symbol: 'IDH1'})",
    ])
      await connection.query(statement);
    await connection.close();
    await database.close();

    const store = await openStore({ kind: "embedded", dataDir: dir });
    try {
      expect((await store.genesBySymbols(["IDH1"])).map((g) => g.symbol)).toEqual(["IDH1"]);
      const analysis = { id: "assoc-old", kind: "MUTATIONS", params: {}, dataVersion: {}, createdAt: "2026-11-29T00:00:00Z" };
      await store.savePredictionAnalysis(analysis, [{ featureKey: "f@h", geneSymbol: "IDH1", analysisId: "assoc-old", auc: 0.75, u: 30, p: 0.04, q: 0.04, n: 13, nMutated: 5, nWildType: 8 }]);
      const [link] = await store.predictionLinks({ analysisId: "assoc-old", skip: 0, first: 5 });
      expect(link).toMatchObject({ auc: 0.75, u: 30, nMutated: 5, nWildType: 8, feature: { name: "f" } });
    } finally {
      await store.close();
    }
  });
});
