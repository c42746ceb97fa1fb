import { describe, expect, it } from "vitest";
import { buildRadiogenomicMap } from "../../../compute/export/radiogenomic-map.js";
import { LINKS } from "./fixtures.js";

describe("buildRadiogenomicMap", () => {
  const map = buildRadiogenomicMap(LINKS);

  it("has each feature, pathway and gene once, features first", () => {
    const ids = map.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(map.nodes.filter((n) => n.kind === "GENE").map((n) => n.label)).toEqual(["CA9"]);
    expect(map.nodes.filter((n) => n.kind === "PATHWAY").map((n) => n.key).sort()).toEqual(["HALLMARK_HYPOXIA", "P<&>'\""]);
    expect(map.nodes.filter((n) => n.kind === "FEATURE")).toHaveLength(2 + 10);
    const kinds = map.nodes.map((n) => n.kind);
    expect(kinds.indexOf("PATHWAY")).toBeGreaterThan(kinds.lastIndexOf("FEATURE"));
    expect(kinds.indexOf("GENE")).toBeGreaterThan(kinds.lastIndexOf("PATHWAY"));
  });

  it("labels pathways by name, genes by symbol, features by name with family and code", () => {
    const hypoxia = map.nodes.find((n) => n.id === "pathway:HALLMARK_HYPOXIA")!;
    expect(hypoxia.label).toBe("HALLMARK_HYPOXIA name");
    const feature = map.nodes.find((n) => n.id === "feature:cm_joint_entr@abc123")!;
    expect(feature).toMatchObject({ label: "cm_joint_entr", family: "glcm", ibsiCode: "8ZQL", settingsHash: "abc123" });
  });

  it("keeps one edge per link with its numbers and analysis, ends naming nodes", () => {
    expect(map.edges).toHaveLength(LINKS.length);
    const nodeIds = new Set(map.nodes.map((n) => n.id));
    for (const e of map.edges) expect(nodeIds.has(e.source) && nodeIds.has(e.target)).toBe(true);
    const edge = map.edges.find((e) => e.source === "feature:cm_joint_entr@abc123" && e.target === "gene:CA9")!;
    expect(edge).toMatchObject({ kind: "CORRELATES_WITH", measure: "rho", effect: 0.52, rho: 0.52, q: 0.03, p: 0.0075, n: 30, analysisId: "assoc-1" });
  });

  it("merges the same link given twice", () => {
    expect(buildRadiogenomicMap([LINKS[0]!, LINKS[0]!]).edges).toHaveLength(1);
  });
});
