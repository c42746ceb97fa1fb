import { describe, expect, it } from "vitest";
import { kaplanMeierSvg, type KaplanMeierCurveInput } from "../../../compute/export/kaplan-meier-svg.js";
import { SeededRandom } from "../../../compute/seeded-random.js";
import { descendants, parseXml } from "../../support/xml-tree.js";
import { linearAxis, pathVertices } from "./plot-reading.js";

interface Follow { time: number; event: boolean }

/** A product-limit curve over raw follow-up, in the KaplanMeierCurve shape (the plot's input). */
function curveOf(group: string, follow: Follow[]): KaplanMeierCurveInput {
  const times = [...new Set(follow.map((f) => f.time))].sort((a, b) => a - b);
  let s = 1;
  const out = { group, times: [] as number[], survival: [] as number[], atRisk: [] as number[], events: [] as number[], censored: [] as number[], ci95Lower: [] as number[], ci95Upper: [] as number[], medianSurvival: null as number | null };
  for (const t of times) {
    const r = follow.filter((f) => f.time >= t).length;
    const d = follow.filter((f) => f.time === t && f.event).length;
    s *= 1 - d / r;
    out.times.push(t);
    out.survival.push(s);
    out.atRisk.push(r);
    out.events.push(d);
    out.censored.push(follow.filter((f) => f.time === t && !f.event).length);
    out.ci95Lower.push(Math.max(0, s - 0.1));
    out.ci95Upper.push(Math.min(1, s + 0.1));
    if (out.medianSurvival === null && s <= 0.5) out.medianSurvival = t;
  }
  return out;
}

function cohort(seed: number, n: number, scale: number): Follow[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: n }, () => {
    const event = Math.round(-Math.log(1 - random.next()) * scale);
    const censor = Math.round(random.next() * 2000);
    return { time: Math.min(event, censor), event: event <= censor };
  });
}

describe("Kaplan–Meier SVG", () => {
  const groups = { "high <risk> & \"co\"": cohort(1, 40, 600), low: cohort(2, 55, 1500) };
  const curves = Object.entries(groups).map(([g, f]) => curveOf(g, f));
  const svg = kaplanMeierSvg(curves, { title: "OS <script>alert(1)</script> & more", timeUnit: "days", logRankP: 0.0042 });
  const root = parseXml(svg);
  const texts = descendants(root, "text").map((t) => t.text);

  it("is well-formed SVG with a title, axis titles, ticks and a legend", () => {
    expect(root.name).toBe("svg");
    expect(root.children.find((c) => c.name === "title")!.text).toBe("OS <script>alert(1)</script> & more");
    expect(svg).not.toContain("<script>");
    expect(texts).toContain("Survival probability");
    expect(texts).toContain("Time (days)");
    expect(texts).toContain("Number at risk");
    expect(texts).toContain("Log-rank p = 0.004");
    expect(texts.some((t) => t.startsWith('high <risk> & "co" (n = 40'))).toBe(true);
  });

  it("prints, at every time tick, the number of patients still followed (time ≥ tick) in each group", () => {
    const tickTimes = descendants(root, "g").find((g) => g.attributes.class === "x-axis")!.children.filter((c) => c.attributes.class === "tick").map((c) => Number(c.children.find((x) => x.name === "text")!.text));
    expect(tickTimes[0]).toBe(0);
    expect(tickTimes.length).toBeGreaterThanOrEqual(4);
    const rows = descendants(root, "g").filter((g) => g.attributes.class === "risk-row");
    expect(rows.map((r) => r.attributes["data-group"])).toEqual(Object.keys(groups));
    rows.forEach((row, g) => {
      const follow = Object.values(groups)[g]!;
      const printed = row.children.filter((c) => c.attributes.class === "at-risk");
      expect(printed.map((p) => Number(p.attributes["data-time"]))).toEqual(tickTimes);
      expect(printed.map((p) => Number(p.text))).toEqual(tickTimes.map((t) => follow.filter((f) => f.time >= t).length));
    });
  });

  it("puts the numbers at risk under their ticks", () => {
    const toTime = linearAxis(root, "x-axis");
    for (const p of descendants(root, "text").filter((t) => t.attributes.class === "at-risk")) {
      expect(toTime(Number(p.attributes.x))).toBeCloseTo(Number(p.attributes["data-time"]), 0);
    }
  });

  it("draws each curve as steps through (t, S(t)) read back on the axes", () => {
    const toTime = linearAxis(root, "x-axis");
    const toSurvival = linearAxis(root, "y-axis");
    const paths = descendants(root, "path").filter((p) => p.attributes.class === "km-curve");
    expect(paths).toHaveLength(2);
    paths.forEach((path, g) => {
      const c = curves[g]!;
      const points = pathVertices(path.attributes.d!).map(([x, y]) => [toTime(x), toSurvival(y)] as const);
      expect(points[0]![0]).toBeCloseTo(0, 1);
      expect(points[0]![1]).toBeCloseTo(1, 3);
      expect(points).toHaveLength(1 + 2 * c.times.length);
      for (let i = 0; i < c.times.length; i++) {
        const [t, s] = points[2 + 2 * i]!; // after the drop at times[i]
        expect(Math.abs(t - c.times[i]!)).toBeLessThan(0.05 * 20); // 0.01 px rounding ≈ 0.05 days
        expect(s).toBeCloseTo(c.survival[i]!, 3);
        const [tBefore, sBefore] = points[1 + 2 * i]!; // horizontal run at the previous level
        expect(tBefore).toBeCloseTo(t, 6);
        expect(sBefore).toBeCloseTo(i === 0 ? 1 : c.survival[i - 1]!, 3);
      }
    });
  });

  it("marks each censoring time and shades the CI bands", () => {
    const marks = descendants(root, "line").filter((l) => l.attributes.class === "censor");
    const censoringTimes = curves.reduce((k, c) => k + Array.from(c.censored).filter((x) => x > 0).length, 0);
    expect(marks).toHaveLength(censoringTimes);
    expect(descendants(root, "polygon").filter((p) => p.attributes.class === "km-ci")).toHaveLength(2);
    expect(descendants(parseXml(kaplanMeierSvg(curves, { title: "t", timeUnit: "days", confidenceBands: false })), "polygon")).toHaveLength(0);
  });

  it("uses given tick times, and 0 at risk after the last follow-up", () => {
    const root2 = parseXml(kaplanMeierSvg(curves, { title: "t", timeUnit: "months", tickTimes: [0, 1000, 5000] }));
    const row = descendants(root2, "g").find((g) => g.attributes.class === "risk-row")!;
    expect(row.children.filter((c) => c.attributes.class === "at-risk").map((p) => p.text)).toEqual(["40", String(groups["high <risk> & \"co\""].filter((f) => f.time >= 1000).length), "0"]);
  });

  it("counts patients whose follow-up ends exactly at a tick as still at risk there", () => {
    const follow = groups.low;
    const at = [0, curves[1]!.times[3]!, curves[1]!.times[10]!];
    const root3 = parseXml(kaplanMeierSvg(curves, { title: "t", timeUnit: "days", tickTimes: at }));
    const row = descendants(root3, "g").filter((g) => g.attributes.class === "risk-row")[1]!;
    expect(row.children.filter((c) => c.attributes.class === "at-risk").map((p) => Number(p.text))).toEqual(at.map((t) => follow.filter((f) => f.time >= t).length));
  });

  it("refuses a curve with NaN survival or mismatched lengths", () => {
    const bad = { ...curves[0]!, survival: Float64Array.from(curves[0]!.survival, (s, i) => (i === 3 ? NaN : s)) };
    expect(() => kaplanMeierSvg([bad], { title: "t", timeUnit: "days" })).toThrow(/survival\[3\] is NaN/);
    expect(() => kaplanMeierSvg([{ ...curves[0]!, atRisk: [1] }], { title: "t", timeUnit: "days" })).toThrow(/atRisk has 1 values/);
  });
});
