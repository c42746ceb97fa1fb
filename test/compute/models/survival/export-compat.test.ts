// The survival results feed compute/export's plots directly (KM curves, forest plot rows from univariate Cox).
import { describe, expect, it } from "vitest";
import { forestPlotSvg } from "../../../../compute/export/forest-plot-svg.js";
import { kaplanMeierSvg, numberAtRisk } from "../../../../compute/export/kaplan-meier-svg.js";
import { kaplanMeier, logRankTest, univariateCox } from "../../../../compute/models/survival/index.js";
import { matrixFromRows } from "../../../../compute/stats/matrix.js";
import { loadModelFixture } from "../fixture-helpers.js";

const fx = loadModelFixture<{ X: number[][]; T: number[]; E: number[]; groups: string[] }>("survival.json");
const data = { time: fx.T, event: fx.E };

describe("survival → export", () => {
  it("KM curves draw as SVG; numbers at risk agree with the plot's rule", () => {
    const curves = kaplanMeier(data, fx.groups, [0, 12, 24, 36]);
    const svg = kaplanMeierSvg(curves, { title: "OS", timeUnit: "months", logRankP: logRankTest(data, fx.groups).p, tickTimes: [0, 12, 24, 36] });
    expect(svg.startsWith("<svg") || svg.startsWith("<?xml")).toBe(true);
    for (const c of curves) for (const { time, atRisk } of c.atRiskAt) expect(atRisk).toBe(numberAtRisk(c, time));
    // at-risk at 12 months = patients of the group with follow-up ≥ 12, counted from the raw data
    const a = curves[0]!;
    expect(a.atRiskAt[1]!.atRisk).toBe(fx.T.filter((t, i) => fx.groups[i] === a.group && t >= 12).length);
  });
  it("univariate Cox rows draw as a forest plot", () => {
    const rows = univariateCox(matrixFromRows(fx.X), data, ["a", "b", "c", "d", "e"]);
    const svg = forestPlotSvg(rows.map((r) => ({ label: r.name, hazardRatio: r.hazardRatio, ci95Lower: r.hrLower, ci95Upper: r.hrUpper, p: r.p })));
    expect(svg).toContain("HR (95% CI)");
  });
});
