// The survival tables a person reads: KM groups with numbers at risk per tick, Cox rows with only the
// columns the rows have, and the combined-model table (one row per model, then one per comparison).
import { describe, expect, it } from "vitest";
import { formatCsv } from "../../../compute/export/csv.js";
import { combinedModelTable, coxFeatureTable, kaplanMeierGroupTable } from "../../../compute/export/survival-tables.js";

describe("survival tables", () => {
  it("Kaplan–Meier groups: n, events, median (empty when not reached), at-risk columns named by time; mismatched ticks refused", () => {
    const t = kaplanMeierGroupTable([
      { group: "high", n: 10, events: 6, medianSurvival: 300, atRiskAt: [{ time: 0, atRisk: 10 }, { time: 500, atRisk: 3 }] },
      { group: "low", n: 9, events: 2, medianSurvival: null, atRiskAt: [{ time: 0, atRisk: 9 }, { time: 500, atRisk: 7 }] },
    ]);
    expect(t.columns).toEqual(["group", "n", "events", "median_survival", "at_risk_0", "at_risk_500"]);
    expect(formatCsv(t).split(/\r?\n/)[2]).toBe("low,9,2,,9,7");
    expect(() => kaplanMeierGroupTable([
      { group: "a", n: 1, events: 1, medianSurvival: 1, atRiskAt: [{ time: 0, atRisk: 1 }] },
      { group: "b", n: 1, events: 1, medianSurvival: 1, atRiskAt: [{ time: 5, atRisk: 1 }] },
    ])).toThrow(RangeError);
  });

  it("Cox rows: univariate columns when present, penalised rows only coefficient / HR / PH p; an infinite bound is empty", () => {
    const uni = coxFeatureTable([{ feature: "f", coefficient: 0.5, standardError: 0.1, hazardRatio: 1.65, hrLower: 1.3, hrUpper: Infinity, p: 0.001, q: 0.01, concordance: 0.6, phP: 0.4 }]);
    expect(uni.columns).toEqual(["feature", "coefficient", "se", "hazard_ratio", "hr_ci95_lower", "hr_ci95_upper", "p", "q", "c_index", "ph_test_p"]);
    expect(uni.rows[0]).toEqual(["f", 0.5, 0.1, 1.65, 1.3, null, 0.001, 0.01, 0.6, 0.4]);
    const pen = coxFeatureTable([{ feature: "g", coefficient: -0.2, hazardRatio: 0.82, phP: null }]);
    expect(pen.columns).toEqual(["feature", "coefficient", "hazard_ratio", "ph_test_p"]);
  });

  it("combined models: model rows then comparison rows with ΔC, its CI and the LR test", () => {
    const t = combinedModelTable(
      [{ name: "clinical", covariates: ["age", "sex"], df: 2, outOfFoldConcordance: 0.6, logLikelihood: -100, proportionalHazardsGlobalP: 0.5 }, { name: "clinical + radiomic", covariates: ["age", "sex", "f"], df: 3, outOfFoldConcordance: 0.7, logLikelihood: -90 }],
      [{ model: "clinical + radiomic", over: "clinical", deltaC: 0.1, ci95: [0.05, 0.15], likelihoodRatio: { statistic: 20, df: 1, p: 7.7e-6 } }],
    );
    const lines = formatCsv(t).split(/\r?\n/);
    expect(lines[1]).toBe("clinical,,age; sex,2,0.6,-100,0.5,,,,,,");
    expect(lines[3]).toBe("clinical + radiomic,clinical,,,,,,0.1,0.05,0.15,20,1,0.0000077");
  });
});
