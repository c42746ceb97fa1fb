import { describe, expect, it } from "vitest";
import { correlationHeatmap } from "../../../compute/export/correlation-heatmap.js";
import { featureMatrixTable } from "../../../compute/export/feature-matrix.js";
import { linkTable, LINK_COLUMNS } from "../../../compute/export/link-table.js";
import { buildRadiogenomicMap } from "../../../compute/export/radiogenomic-map.js";
import { LINKS } from "./fixtures.js";

describe("linkTable", () => {
  const map = buildRadiogenomicMap(LINKS);
  const analysis = { id: "assoc-1", kind: "PATHWAYS", params: { settingsHash: "abc123", method: { correlation: "Spearman" } }, dataVersion: { pathways: ["P@1"] }, createdAt: "2026-01-01T00:00:00Z" };
  const table = linkTable(map, [analysis], ["q <= 1"]);

  it("has one row per link, strongest evidence first", () => {
    expect(table.columns).toEqual([...LINK_COLUMNS]);
    expect(table.rows).toHaveLength(LINKS.length);
    const q = table.rows.map((r) => r[table.columns.indexOf("q")] as number);
    expect(q).toEqual([...q].sort((a, b) => a - b));
    expect(table.rows[0]!.slice(0, 3)).toEqual(["assoc-1", "CORRELATES_WITH", "hostile_0@abc123"]);
  });

  it("names targets by kind and records the analysis provenance", () => {
    const ca9 = table.rows.find((r) => r[8] === "CA9")!;
    expect(ca9.slice(7, 15)).toEqual(["GENE", "CA9", null, "rho", 0.52, 0.0075, 0.03, 30]);
    expect(table.comments[0]).toContain(`${LINKS.length} links (q <= 1)`);
    expect(table.comments.join("\n")).toContain('"settingsHash":"abc123"');
    expect(table.comments.join("\n")).toContain('"pathways":["P@1"]');
  });
});

describe("featureMatrixTable", () => {
  const value = (key: string, v: number | null) => ({ key: `${key}@h`, name: key, family: key.split("_")[0]!, ibsiCode: "X", value: v, imageSource: "orthanc SEG 1.2.3", computedAt: "2026-01-02T00:00:00Z" });
  const table = featureMatrixTable({
    settingsHash: "h",
    settings: { discretisation: { binCount: 32 } },
    selection: "cohort {}",
    store: "embedded",
    lesions: [
      { patientId: "TCGA-B", lesionId: "L2", features: [value("stat_mean", 2), value("cm_contrast", null)] },
      { patientId: "TCGA-A", lesionId: "L1", features: [value("cm_contrast", 0.5)] },
      { patientId: "TCGA-C", lesionId: "L3", features: [] },
    ],
  });

  it("has a row per lesion with values, a column per feature, missing as null", () => {
    expect(table.columns).toEqual(["patientId", "lesionId", "cm_contrast", "stat_mean"]);
    expect(table.rows).toEqual([["TCGA-A", "L1", 0.5, null], ["TCGA-B", "L2", null, 2]]);
  });

  it("records settings, source and what was left out", () => {
    const text = table.comments.join("\n");
    expect(text).toContain('settings: {"discretisation":{"binCount":32}}');
    expect(text).toContain("settingsHash: h");
    expect(text).toContain("imageSource: orthanc SEG 1.2.3");
    expect(text).toContain("1 of its 3 lesions have no values");
    expect(text).toContain("families: cm stat");
  });
});

describe("correlationHeatmap", () => {
  it("makes features rows and targets columns with each link's rho and q", () => {
    const input = correlationHeatmap(buildRadiogenomicMap(LINKS), "t");
    expect(input.rows).toHaveLength(12);
    expect(input.columns.map((c) => c.key)).toEqual(["pathway:HALLMARK_HYPOXIA", "pathway:P<&>'\"", "gene:CA9"]);
    expect(input.cells).toHaveLength(LINKS.length);
    expect(input.cells.find((c) => c.column === "gene:CA9")).toEqual({ row: "feature:cm_joint_entr@abc123", column: "gene:CA9", rho: 0.52, q: 0.03 });
  });
});
