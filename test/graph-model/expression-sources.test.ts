// Expression provenance: values are kept per source (GDC, cBioPortal, …) with their release and file or
// profile; a source's re-ingest replaces only its own values; readers choose a source.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphStore } from "../../graph-model/graph-store.js";
import type * as M from "../../graph-model/model/records.js";
import { BOTH_STORES } from "../support/stores.js";

const PATIENTS = ["TCGA-XS-0001", "TCGA-XS-0002"];
const GENES = ["EGFR", "KRAS"];

function values(source: string, dataRelease: string, base: number): M.ExpressionRecord[] {
  return PATIENTS.flatMap((patientId, p) =>
    GENES.map((geneSymbol, g) => ({ patientId, geneSymbol, value: base + p + g / 10, tpm: null, z: p === 0 ? null : g - 0.5, source, dataRelease, sourceFile: `${source}-${patientId}` })),
  );
}

const key = (e: M.Expression) => `${e.patientId}|${e.geneSymbol}|${e.source}`;

describe.each(BOTH_STORES)("expression kept per source [$name]", (target) => {
  let store: GraphStore;

  beforeAll(async () => {
    store = await target.open();
    await store.deleteEverything();
    await store.upsertCollections([{ id: "TCGA-XS" }]);
    await store.upsertPatients(PATIENTS.map((id) => ({ id, collectionId: "TCGA-XS" })));
    await store.upsertGenes(GENES.map((symbol) => ({ symbol })));
  });
  afterAll(() => target.dispose(store));

  it("stores a second source beside the first, each value with its release and file or profile", async () => {
    await store.replaceExpression(values("GDC", "Data Release 42.0", 1));
    await store.replaceExpression(values("cBioPortal", "2026-06-01 10:00:00", 5));
    expect((await store.counts()).EXPRESSES).toBe(8);
    const all = await store.expressionOf(PATIENTS, GENES);
    expect(all.map(key)).toEqual([...all.map(key)].sort());
    expect(all).toHaveLength(8);
    expect(all.find((e) => key(e) === "TCGA-XS-0002|KRAS|GDC")).toEqual({
      patientId: "TCGA-XS-0002", geneSymbol: "KRAS", value: 2.1, tpm: null, z: 0.5, source: "GDC", dataRelease: "Data Release 42.0", sourceFile: "GDC-TCGA-XS-0002",
    });
    // a null z stays with its own patient (values come back as per-gene parallel lists)
    expect(all.filter((e) => e.patientId === "TCGA-XS-0001").map((e) => e.z)).toEqual([null, null, null, null]);
    const cbio = await store.expressionOf(PATIENTS, GENES, "cBioPortal");
    expect(cbio.map((e) => [e.patientId, e.geneSymbol, e.value, e.dataRelease])).toEqual([
      ["TCGA-XS-0001", "EGFR", 5, "2026-06-01 10:00:00"],
      ["TCGA-XS-0001", "KRAS", 5.1, "2026-06-01 10:00:00"],
      ["TCGA-XS-0002", "EGFR", 6, "2026-06-01 10:00:00"],
      ["TCGA-XS-0002", "KRAS", 6.1, "2026-06-01 10:00:00"],
    ]);
  });

  it("replaces only the re-ingested source's values", async () => {
    await store.replaceExpression(values("GDC", "Data Release 43.0", 10));
    expect((await store.counts()).EXPRESSES).toBe(8);
    const gdc = await store.expressionOf(PATIENTS, GENES, "GDC");
    expect(gdc.map((e) => [e.value, e.dataRelease])).toEqual([[10, "Data Release 43.0"], [10.1, "Data Release 43.0"], [11, "Data Release 43.0"], [11.1, "Data Release 43.0"]]);
    expect((await store.expressionOf(PATIENTS, GENES, "cBioPortal")).map((e) => e.value)).toEqual([5, 5.1, 6, 6.1]);
    expect(await store.expressionOf(PATIENTS, GENES, "nowhere")).toEqual([]);
  });

  it("refuses values that name no source and writes none of the batch", async () => {
    const before = await store.counts();
    const rows = [{ ...values("GDC", "x", 0)[0]! }, { patientId: PATIENTS[0]!, geneSymbol: "KRAS", value: 3 }];
    await expect(store.replaceExpression(rows)).rejects.toMatchObject({ code: "BAD_USER_INPUT", message: expect.stringContaining("no source") });
    expect(await store.counts()).toEqual(before);
  });
});
