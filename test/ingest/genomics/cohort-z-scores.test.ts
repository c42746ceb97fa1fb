import { describe, expect, it } from "vitest";
import { withCohortZScores } from "../../../ingest/genomics/cohort-z-scores.js";

describe("cohort z-scores", () => {
  it("standardises each gene across patients with the sample standard deviation", () => {
    const { records, undefinedZ } = withCohortZScores([
      { patientId: "P1", geneSymbol: "EGFR", value: 1 },
      { patientId: "P2", geneSymbol: "EGFR", value: 2 },
      { patientId: "P3", geneSymbol: "EGFR", value: 3 },
    ]);
    // mean 2, sample sd 1
    expect(records.map((record) => record.z)).toEqual([-1, 0, 1]);
    expect(undefinedZ).toEqual([]);
  });

  it("leaves z null, with a reason, for constant genes and genes seen in one patient", () => {
    const { records, undefinedZ } = withCohortZScores([
      { patientId: "P1", geneSymbol: "TNMD", value: 0 },
      { patientId: "P2", geneSymbol: "TNMD", value: 0 },
      { patientId: "P1", geneSymbol: "ONLY1", value: 5 },
      { patientId: "P2", geneSymbol: "NOVALUE", value: null },
    ]);
    expect(records.every((record) => record.z === null)).toBe(true);
    expect(records).toHaveLength(4);
    expect(undefinedZ).toEqual([
      { geneSymbol: "TNMD", reason: "constant across the cohort", patients: 2 },
      { geneSymbol: "ONLY1", reason: "fewer than 2 patients", patients: 1 },
    ]);
  });
});
