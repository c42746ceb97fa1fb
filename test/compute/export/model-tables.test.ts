import { describe, expect, it } from "vitest";
import { formatCsv } from "../../../compute/export/csv.js";
import { foldTable, signatureCoefficientTable } from "../../../compute/export/model-tables.js";
import { formatTsv } from "../../../compute/export/tsv.js";

describe("signatureCoefficientTable", () => {
  const features = ["glcm_entropy", "shape, volume", "firstorder_mean", "ngtdm_busyness"];
  it("lists the intercept, then selected features by |coefficient|, then the rest in input order", () => {
    const t = signatureCoefficientTable(
      { features, coefficients: Float64Array.from([0.2, -1.5, 0]), modelFeatures: Uint32Array.from([0, 1, 3]), intercept: -0.3, selectionFrequency: [0.8, 1, 0.2, 0.4] },
      ["model: L1 logistic, λ = 0.05, seed 7"],
    );
    expect(t.columns).toEqual(["feature", "coefficient", "selected", "selection_frequency"]);
    expect(t.rows).toEqual([
      ["(intercept)", -0.3, null, null],
      ["shape, volume", -1.5, "yes", 1],
      ["glcm_entropy", 0.2, "yes", 0.8],
      ["firstorder_mean", null, "no", 0.2],
      ["ngtdm_busyness", 0, "no", 0.4],
    ]);
    const csv = formatCsv(t);
    expect(t.comments).toEqual(["model: L1 logistic, λ = 0.05, seed 7"]);
    expect(csv.split("\r\n").slice(0, 2)).toEqual(["feature,coefficient,selected,selection_frequency", "(intercept),-0.3,,"]);
    expect(csv).toContain('"shape, volume",-1.5,yes,1');
  });

  it("refuses misaligned inputs", () => {
    expect(() => signatureCoefficientTable({ features, coefficients: [1, 2] })).toThrow(/2 coefficients for 4 model features/);
    expect(() => signatureCoefficientTable({ features, coefficients: [1], modelFeatures: [9] })).toThrow(/outside the 4 features/);
  });
});

describe("foldTable", () => {
  it("one row per fold with sizes, λ, the selected features by name and the fold AUC", () => {
    const t = foldTable(
      [
        { repeat: 0, fold: 0, trainIndices: new Uint32Array(8), testIndices: new Uint32Array(2), chosenLambda: 0.1, selectedFeatures: Uint32Array.from([2, 0]), auc: 0.75 },
        { repeat: 0, fold: 1, trainIndices: new Uint32Array(8), testIndices: new Uint32Array(2), chosenLambda: 0.2, selectedFeatures: new Uint32Array(0), auc: 0.5 },
      ],
      ["a", "b", "c\td"],
    );
    expect(t.columns).toEqual(["repeat", "fold", "train_size", "test_size", "chosen_lambda", "selected_count", "selected_features", "auc"]);
    expect(t.rows[0]).toEqual([0, 0, 8, 2, 0.1, 2, "c\td; a", 0.75]);
    expect(formatTsv(t).split("\n")[1]).toBe("0\t0\t8\t2\t0.1\t2\t\"c\td; a\"\t0.75");
  });

  it("a Cox fold table carries the C-index instead", () => {
    const t = foldTable([{ fold: 0, trainIndices: [1, 2, 3], testIndices: [0], concordance: 0.66 }]);
    expect(t.columns).toEqual(["repeat", "fold", "train_size", "test_size", "c_index"]);
    expect(t.rows).toEqual([[0, 0, 3, 1, 0.66]]);
  });
});
