import { describe, expect, it } from "vitest";
import { rocCurvesSvg } from "../../../compute/export/roc-curves-svg.js";
import { descendants, parseXml } from "../../support/xml-tree.js";
import { linearAxis, pathVertices } from "./plot-reading.js";

describe("ROC curves SVG", () => {
  const curves = [
    { label: "radiomic <script>x</script>", fpr: [0, 0, 0.25, 0.5, 1], tpr: [0, 0.5, 0.75, 1, 1], auc: 0.84375 },
    { label: "clinical & genomic", fpr: Float64Array.from([0, 0.5, 1]), tpr: Float64Array.from([0, 0.6, 1]), auc: 0.55 },
  ];
  const svg = rocCurvesSvg(curves, { title: "IDH status" });
  const root = parseXml(svg);
  const texts = descendants(root, "text").map((t) => t.text);

  it("is well-formed, escaped, with axes, diagonal and the AUC of each curve in the legend", () => {
    expect(root.name).toBe("svg");
    expect(svg).not.toContain("<script>");
    expect(texts).toContain("radiomic <script>x</script> (AUC = 0.844)");
    expect(texts).toContain("clinical & genomic (AUC = 0.550)");
    expect(texts).toContain("False positive rate (1 − specificity)");
    expect(texts).toContain("True positive rate (sensitivity)");
    expect(texts).toContain("IDH status");
    const chance = descendants(root, "line").find((l) => l.attributes.class === "chance")!;
    const x = linearAxis(root, "x-axis");
    const y = linearAxis(root, "y-axis");
    expect([x(Number(chance.attributes.x1)), y(Number(chance.attributes.y1)), x(Number(chance.attributes.x2)), y(Number(chance.attributes.y2))].map((v) => Number(v.toFixed(4)))).toEqual([0, 0, 1, 1]);
  });

  it("draws each curve through its (fpr, tpr) points", () => {
    const x = linearAxis(root, "x-axis");
    const y = linearAxis(root, "y-axis");
    const paths = descendants(root, "path").filter((p) => p.attributes.class === "roc-curve");
    expect(paths.map((p) => p.attributes["data-label"])).toEqual(curves.map((c) => c.label));
    paths.forEach((p, i) => {
      const points = pathVertices(p.attributes.d!);
      expect(points).toHaveLength(curves[i]!.fpr.length);
      points.forEach(([px, py], k) => {
        expect(x(px)).toBeCloseTo(curves[i]!.fpr[k]!, 4);
        expect(y(py)).toBeCloseTo(curves[i]!.tpr[k]!, 4);
      });
    });
  });

  it("refuses NaN points and an undefined AUC", () => {
    expect(() => rocCurvesSvg([{ label: "a", fpr: [0, NaN], tpr: [0, 1], auc: 0.5 }])).toThrow(/fpr\[1\] is NaN/);
    expect(() => rocCurvesSvg([{ label: "a", fpr: [0, 1], tpr: [0, 1], auc: NaN }])).toThrow(/AUC is NaN/);
  });
});
