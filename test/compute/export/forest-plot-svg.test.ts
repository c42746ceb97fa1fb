import { describe, expect, it } from "vitest";
import { forestPlotSvg } from "../../../compute/export/forest-plot-svg.js";
import { descendants, parseXml, type XmlElement } from "../../support/xml-tree.js";
import { axisTicks } from "./plot-reading.js";

const rows = [
  { label: "age <per 10 y> & sex", hazardRatio: 2, ci95Lower: 1.4, ci95Upper: 2.9, p: 0.00012 },
  { label: "<script>alert('x')</script>", hazardRatio: 0.5, ci95Lower: 0.3, ci95Upper: 0.8, p: 0.004 },
  { label: "glcm entropy", hazardRatio: Math.SQRT2, ci95Lower: 1, ci95Upper: 2, p: 0.051 },
  { label: "separated", hazardRatio: 4, ci95Lower: 0.9, ci95Upper: Infinity, p: 0.2 },
];

function centreOf(row: XmlElement): number {
  const square = descendants(row, "rect").find((r) => r.attributes.class === "hr")!;
  return Number(square.attributes.x) + Number(square.attributes.width) / 2;
}

describe("forest plot SVG", () => {
  const svg = forestPlotSvg(rows, { title: "Cox model" });
  const root = parseXml(svg);
  const rowGroups = descendants(root, "g").filter((g) => g.attributes.class === "forest-row");

  it("is well-formed, escapes labels, and prints HR (CI) and p in columns", () => {
    expect(svg).not.toContain("<script>");
    const texts = descendants(root, "text").map((t) => t.text);
    expect(texts).toEqual(expect.arrayContaining(["Variable", "HR (95% CI)", "p", "Hazard ratio (log scale)", "age <per 10 y> & sex", "<script>alert('x')</script>"]));
    expect(texts).toEqual(expect.arrayContaining(["2.00 (1.40–2.90)", "0.50 (0.30–0.80)", "4.00 (0.90–∞)", "1.2 × 10⁻⁴", "0.004", "0.051", "0.20"]));
    expect(rowGroups.map((g) => g.attributes["data-label"])).toEqual(rows.map((r) => r.label));
  });

  it("places hazard ratios on a log axis: 2 at the tick 2, 0.5 as far below 1 as 2 above, √2 halfway", () => {
    const ticks = new Map(axisTicks(root, "x-axis").map((t) => [t.label, t.pixel]));
    expect([...ticks.keys()]).toEqual(expect.arrayContaining(["0.5", "1", "2"]));
    const one = ticks.get("1")!;
    expect(centreOf(rowGroups[0]!)).toBeCloseTo(ticks.get("2")!, 1);
    expect(centreOf(rowGroups[1]!)).toBeCloseTo(ticks.get("0.5")!, 1);
    expect(one - centreOf(rowGroups[1]!)).toBeCloseTo(centreOf(rowGroups[0]!) - one, 1);
    expect(centreOf(rowGroups[2]!)).toBeCloseTo((one + ticks.get("2")!) / 2, 1);
    const reference = descendants(root, "line").find((l) => l.attributes.class === "reference")!;
    expect(Number(reference.attributes.x1)).toBeCloseTo(one, 1);
  });

  it("draws CI whiskers from lower to upper and an arrow where the interval is unbounded", () => {
    const ticks = new Map(axisTicks(root, "x-axis").map((t) => [t.label, t.pixel]));
    const whisker = descendants(rowGroups[2]!, "line").find((l) => l.attributes.class === "ci")!;
    expect(Number(whisker.attributes.x1)).toBeCloseTo(ticks.get("1")!, 1);
    expect(Number(whisker.attributes.x2)).toBeCloseTo(ticks.get("2")!, 1);
    expect(descendants(rowGroups[3]!, "path").filter((p) => p.attributes.class === "clipped")).toHaveLength(1);
    expect(descendants(rowGroups[0]!, "path")).toHaveLength(0);
  });

  it("refuses a CI that does not contain the HR, or a non-positive HR", () => {
    expect(() => forestPlotSvg([{ label: "a", hazardRatio: 2, ci95Lower: 2.5, ci95Upper: 3, p: 0.1 }])).toThrow(/must be non-negative and contain the HR/);
    expect(() => forestPlotSvg([{ label: "a", hazardRatio: 0, ci95Lower: 0, ci95Upper: 3, p: 0.1 }])).toThrow(/positive finite/);
  });
});
