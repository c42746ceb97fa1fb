// The bulk expression path as the GDC and cBioPortal jobs run it (withExpressionMarker around
// writeExpressionByGene, chunks smaller than the load so several bulk writes happen): a re-run replaces and
// never duplicates, a load that fails midway leaves none of its values (no mix of two releases) while other
// sources keep theirs, and every value keeps its own release and source file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphStore } from "../../../graph-model/graph-store.js";
import type * as M from "../../../graph-model/model/records.js";
import { expressionMarkerId, withExpressionMarker, type ExpressionLoad } from "../../../ingest/genomics/expression-load-marker.js";
import { writeExpressionByGene } from "../../../ingest/genomics/write-expression.js";
import { BOTH_STORES } from "../../support/stores.js";

const COLLECTION = "TCGA-BL";
const PATIENTS = ["TCGA-BL-0001", "TCGA-BL-0002", "TCGA-BL-0003"];
const GENES = ["CA9", "EGFR", "KRAS", "TP53"];
/** Records per chunk: each chunk ends on a gene boundary, so every gene is its own bulk write here. */
const CHUNK = 2;

const load = (dataRelease: string): ExpressionLoad => ({ source: "GDC", project: COLLECTION, collectionId: COLLECTION, dataRelease });

/** Gene by gene, as ExpressionMatrix.records() yields them; `truncatedAfterGenes` throws as a cut-off file would. */
function* records(dataRelease: string, base: number, truncatedAfterGenes?: number): Generator<M.ExpressionRecord> {
  for (const [g, geneSymbol] of GENES.entries()) {
    if (g === truncatedAfterGenes) throw new Error("upstream file ended early");
    for (const [p, patientId] of PATIENTS.entries())
      yield { patientId, geneSymbol, value: base + g + p / 10, tpm: p === 1 ? null : 2 ** (base + g) - 1, z: g - 1.5, source: "GDC", dataRelease, sourceFile: `star "${patientId}", v\\1` };
  }
}

const expected = (dataRelease: string, base: number) =>
  [...records(dataRelease, base)].sort((a, b) => (a.patientId < b.patientId ? -1 : a.patientId > b.patientId ? 1 : a.geneSymbol < b.geneSymbol ? -1 : 1));

describe.each(BOTH_STORES)("bulk expression load [$name]", (target) => {
  let store: GraphStore;
  const cbioportal: M.ExpressionRecord[] = PATIENTS.map((patientId, p) => ({ patientId, geneSymbol: "CA9", value: 7 + p, source: "cBioPortal", dataRelease: "2026-06-01", sourceFile: "blca_rna_seq" }));
  const marker = async () => (await store.loadMarkers()).find((m) => m.id === expressionMarkerId(load("")));
  const gdc = () => store.expressionOf(PATIENTS, GENES, "GDC");

  beforeAll(async () => {
    store = await target.open();
    await store.deleteEverything();
    await store.upsertCollections([{ id: COLLECTION }]);
    await store.upsertPatients(PATIENTS.map((id) => ({ id, collectionId: COLLECTION })));
    await store.upsertGenes(GENES.map((symbol) => ({ symbol })));
    await store.replaceExpression(cbioportal);
  });
  afterAll(() => target.dispose(store));

  it("stores every value with its own release and source file, and a re-run replaces without duplicating", async () => {
    for (let run = 0; run < 2; run++) {
      expect(await withExpressionMarker(store, load("Data Release 42.0"), () => writeExpressionByGene(store, records("Data Release 42.0", 1), CHUNK))).toBe(12);
      expect((await store.counts()).EXPRESSES).toBe(12 + cbioportal.length);
      expect(await gdc()).toEqual(expected("Data Release 42.0", 1));
      expect(await marker()).toMatchObject({ status: "COMPLETE", version: "Data Release 42.0", counts: { collection: COLLECTION, expression: 12 } });
    }
    // a new release replaces the old one value for value
    await withExpressionMarker(store, load("Data Release 43.0"), () => writeExpressionByGene(store, records("Data Release 43.0", 3), CHUNK));
    expect((await store.counts()).EXPRESSES).toBe(12 + cbioportal.length);
    expect(await gdc()).toEqual(expected("Data Release 43.0", 3));
  });

  it("leaves none of a load that fails midway (no mix of two releases), keeps other sources, and loads whole when run again", async () => {
    const failed = withExpressionMarker(store, load("Data Release 44.0"), () => writeExpressionByGene(store, records("Data Release 44.0", 5, 2), CHUNK));
    await expect(failed).rejects.toThrow("upstream file ended early");
    expect(await gdc()).toEqual([]);
    expect(await marker()).toMatchObject({ status: "ROLLED_BACK", version: "Data Release 44.0" });
    expect((await store.expressionOf(PATIENTS, GENES, "cBioPortal")).map((e) => [e.patientId, e.value, e.dataRelease, e.sourceFile])).toEqual(
      cbioportal.map((e) => [e.patientId, e.value, "2026-06-01", "blca_rna_seq"]),
    );
    await withExpressionMarker(store, load("Data Release 44.0"), () => writeExpressionByGene(store, records("Data Release 44.0", 5), CHUNK));
    expect(await gdc()).toEqual(expected("Data Release 44.0", 5));
    expect(await marker()).toMatchObject({ status: "COMPLETE", counts: { expression: 12 } });
  });
});
