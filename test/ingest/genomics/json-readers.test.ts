// Readers of upstream JSON: GDC sends some flags as text depending on the index (is_canonical,
// diagnosis_is_primary_disease), so a boolean reader accepts "true" / "false" and nothing looser.
import { describe, expect, it } from "vitest";
import { booleanAt } from "../../../ingest/genomics/json-readers.js";
import { mutationsFromSsmOccurrence } from "../../../ingest/gdc/gdc-ssm-to-mutations.js";

describe("booleanAt", () => {
  it("reads JSON booleans and their text forms, and nothing else", () => {
    expect([true, false, "true", "False", " TRUE ", "yes", 1, 0, null, undefined].map((v) => booleanAt({ flag: v }, "flag"))).toEqual([
      true, false, true, false, true, null, null, null, null, null,
    ]);
    expect(booleanAt(null, "flag")).toBeNull();
  });
});

describe("GDC ssm_occurrences with is_canonical as text", () => {
  it("keeps the canonical transcript's change whether is_canonical is true or \"true\"", () => {
    const hit = (flag: unknown) => ({
      case: { submitter_id: "TCGA-AA-0001-01A" },
      ssm: {
        genomic_dna_change: "chr17:g.7675088C>T",
        consequence: [
          { transcript: { gene: { symbol: "TP53" }, aa_change: "R248W", consequence_type: "missense_variant", is_canonical: typeof flag === "boolean" ? !flag : "false" } },
          { transcript: { gene: { symbol: "TP53" }, aa_change: "R175H", consequence_type: "missense_variant", is_canonical: flag } },
        ],
      },
    });
    for (const flag of [true, "true"]) expect(mutationsFromSsmOccurrence(hit(flag), null).map((m) => m.proteinChange)).toEqual(["p.R175H"]);
  });
});
