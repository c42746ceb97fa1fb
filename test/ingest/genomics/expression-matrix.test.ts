import { describe, expect, it } from "vitest";
import { ExpressionMatrix } from "../../../ingest/genomics/expression-matrix.js";

describe("expression matrix", () => {
  it("gives log2(TPM+1), TPM and z per patient and gene with source, release and file; a gene a patient lacks is missing, not 0", () => {
    const matrix = new ExpressionMatrix({ source: "GDC", dataRelease: "Data Release 42.0" });
    matrix.addPatient("P1", new Map([["EGFR", 1], ["TNMD", 0]]), "file-1");
    matrix.addPatient("P2", new Map([["EGFR", 3], ["TNMD", 0], ["ONLY", 5]]), "file-2");
    matrix.addPatient("P3", new Map([["EGFR", 7], ["TNMD", 0]]), "file-3");
    const from = (n: number) => ({ source: "GDC", dataRelease: "Data Release 42.0", sourceFile: `file-${n}` });
    const records = [...matrix.records()];
    // log2(TPM+1) of 1, 3, 7 = 1, 2, 3: mean 2, sample sd 1
    expect(records.filter((r) => r.geneSymbol === "EGFR")).toEqual([
      { patientId: "P1", geneSymbol: "EGFR", tpm: 1, value: 1, z: -1, ...from(1) },
      { patientId: "P2", geneSymbol: "EGFR", tpm: 3, value: 2, z: 0, ...from(2) },
      { patientId: "P3", geneSymbol: "EGFR", tpm: 7, value: 3, z: 1, ...from(3) },
    ]);
    expect(records.filter((r) => r.geneSymbol === "ONLY")).toEqual([{ patientId: "P2", geneSymbol: "ONLY", tpm: 5, value: Math.log2(6), z: null, ...from(2) }]);
    expect(records.filter((r) => r.geneSymbol === "TNMD").map((r) => r.z)).toEqual([null, null, null]);
    expect(matrix.undefinedZ()).toEqual([
      { geneSymbol: "TNMD", reason: "constant across the cohort", patients: 3 },
      { geneSymbol: "ONLY", reason: "fewer than 2 patients", patients: 1 },
    ]);
  });
});
