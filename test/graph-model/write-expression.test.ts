// Chunked expression writes end on gene boundaries, so nothing a chunk wrote is deleted by the next.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphStore } from "../../graph-model/graph-store.js";
import type { ExpressionRecord } from "../../graph-model/model/records.js";
import { writeExpressionByGene } from "../../ingest/genomics/write-expression.js";
import { embeddedStore } from "../support/stores.js";

describe("writeExpressionByGene [embedded Ladybug]", () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await embeddedStore.open();
    await store.upsertCollections([{ id: "C" }]);
    await store.upsertPatients(["P1", "P2", "P3"].map((id) => ({ id, collectionId: "C" })));
  });
  afterAll(() => embeddedStore.dispose(store));

  it("writes every value when chunks are smaller than a gene", async () => {
    const records: ExpressionRecord[] = [];
    for (const gene of ["G1", "G2", "G3", "G4"]) for (const patientId of ["P1", "P2", "P3"]) records.push({ patientId, geneSymbol: gene, value: records.length, source: "GDC" });
    expect(await writeExpressionByGene(store, records, 2)).toBe(12);
    const stored = await store.expressionOf(["P1", "P2", "P3"], ["G1", "G2", "G3", "G4"]);
    expect(stored.map((e) => e.value).sort((a, b) => a! - b!)).toEqual(records.map((r) => r.value));
    expect(await writeExpressionByGene(store, records, 5)).toBe(12);
    expect((await store.counts()).EXPRESSES).toBe(12);
  });
});
