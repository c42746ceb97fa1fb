import { describe, expect, it } from "vitest";
import { divergingColour, formatHeatmapSvg, type HeatmapInput } from "../../../compute/export/heatmap-svg.js";
import { leafOrder } from "../../../compute/export/leaf-order.js";
import { descendants, parseXml } from "../../support/xml-tree.js";

function matrix(rows: number, columns: number): HeatmapInput {
  const r = Array.from({ length: rows }, (_, i) => ({ key: `f${i}`, label: i === 0 ? `<glcm> & "entropy" ${"x".repeat(60)}` : `feature_${i}` }));
  const c = Array.from({ length: columns }, (_, j) => ({ key: `p${j}`, label: j === 0 ? "HALLMARK_<HYPOXIA>&'" : `pathway_${j}` }));
  const cells = r.flatMap((row, i) =>
    c.flatMap((col, j) => ((i + j) % 7 === 3 ? [] : [{ row: row.key, column: col.key, rho: Math.sin(i * 0.7 + j * 1.3), q: ((i * 13 + j * 7) % 100) / 100 }])),
  );
  return { title: "rho <test> & more", rows: r, columns: c, cells };
}

describe("SVG heatmap", () => {
  const input = matrix(100, 50);
  const svg = formatHeatmapSvg(input);
  const root = parseXml(svg);

  it("is well-formed SVG with one cell per feature × pathway", () => {
    expect(root.name).toBe("svg");
    expect(root.attributes.xmlns).toBe("http://www.w3.org/2000/svg");
    const cells = descendants(root, "rect").filter((r) => r.attributes.class === "cell");
    expect(cells).toHaveLength(100 * 50);
    const untested = cells.filter((c) => c.attributes.fill === "#d9d9d9");
    expect(untested).toHaveLength(input.rows.length * input.columns.length - input.cells.length);
  });

  it("marks exactly the cells with q < 0.05", () => {
    const dots = descendants(root, "circle").filter((c) => c.attributes.class === "significant");
    expect(dots).toHaveLength(input.cells.filter((c) => c.q! < 0.05).length);
  });

  it("labels both axes, escapes text, and has a legend", () => {
    const texts = descendants(root, "text").map((t) => t.text);
    expect(texts.join(" ")).toContain("HALLMARK_<HYPOXIA>&'");
    expect(descendants(root, "title").map((t) => t.text)).toContain(`<glcm> & "entropy" ${"x".repeat(60)}`);
    expect(texts.some((t) => t.startsWith('<glcm> & "entropy"') && t.endsWith("…"))).toBe(true);
    expect(texts).toContain("Spearman rho");
    expect(texts).toContain("q < 0.05");
    expect(descendants(root, "linearGradient")).toHaveLength(1);
  });

  it("has a sensible size for 100 × 50", () => {
    const width = Number(root.attributes.width);
    const height = Number(root.attributes.height);
    expect(width).toBeGreaterThan(700);
    expect(width).toBeLessThan(2000);
    expect(height).toBeGreaterThan(1000);
    expect(height).toBeLessThan(2500);
  });

  it("puts rows in dendrogram order", () => {
    const cells = descendants(root, "rect").filter((r) => r.attributes.class === "cell");
    const rowOrder = [...new Set(cells.map((c) => c.attributes["data-row"]))];
    expect(rowOrder).toHaveLength(100);
    const vectors = input.rows.map((r) => input.columns.map((c) => input.cells.find((x) => x.row === r.key && x.column === c.key)?.rho ?? 0));
    expect(rowOrder).toEqual(leafOrder(vectors).map((i) => `f${i}`));
  });

  it("centres the diverging scale at zero", () => {
    expect(divergingColour(0)).toBe("#f7f7f7");
    expect(divergingColour(1)).toBe("#b2182b");
    expect(divergingColour(-1)).toBe("#2166ac");
    expect(divergingColour(5)).toBe("#b2182b");
    expect(divergingColour(-0.5)).toBe("#8cafd2");
  });
});

describe("leafOrder (UPGMA)", () => {
  it("keeps clusters together", () => {
    // Two tight groups {0,2,4} near the origin and {1,3} near (10,10).
    const rows = [[0, 0], [10, 10], [0.1, 0], [10, 10.2], [0, 0.3]];
    const order = leafOrder(rows);
    expect(order.slice().sort()).toEqual([0, 1, 2, 3, 4]);
    const positions = (group: number[]) => group.map((i) => order.indexOf(i)).sort((a, b) => a - b);
    const spans = [positions([0, 2, 4]), positions([1, 3])].map((p) => p[p.length - 1]! - p[0]!);
    expect(spans).toEqual([2, 1]);
    // The closest pair (0 and 2, distance 0.1) merges first and stays adjacent.
    expect(Math.abs(order.indexOf(0) - order.indexOf(2))).toBe(1);
  });

  it("handles zero and one row", () => {
    expect(leafOrder([])).toEqual([]);
    expect(leafOrder([[1]])).toEqual([0]);
  });
});
