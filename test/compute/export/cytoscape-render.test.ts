// The Cytoscape.js export rendered by the real Cytoscape.js (node_modules/cytoscape) in Debian's headless
// Chromium: the computed style Cytoscape.js reports (colour and shape per kind, labels, width by |rho|,
// edges above the q threshold hidden, the preset positions) AND the screenshot's pixels — each node's
// centre in its kind's colour, label ink under each node, both edge colours present, white background.
// The Cytoscape desktop style (vizmap XML) is evaluated by its documented mapping rules on the same
// elements and must give what Cytoscape.js drew.
import { describe, expect, it } from "vitest";
import { formatCytoscapeJson } from "../../../compute/export/cytoscape-json.js";
import { NODE_STYLE } from "../../../compute/export/cytoscape-style.js";
import { formatCytoscapeVizmap } from "../../../compute/export/cytoscape-vizmap.js";
import { mapToGraphDocument } from "../../../compute/export/graph-document.js";
import { buildRadiogenomicMap } from "../../../compute/export/radiogenomic-map.js";
import { pixel, type Png } from "../../support/png.js";
import { renderCytoscapeJson } from "../../support/cytoscape-render.js";
import { descendants, parseXml, type XmlElement } from "../../support/xml-tree.js";
import { LINKS } from "./fixtures.js";

const hex = (colour: string) => [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
const rgb = (css: string) => (css.match(/\d+/g) ?? []).slice(0, 3).map(Number);
/** `colour` drawn at `opacity` over white. */
const over = (colour: number[], opacity: number) => colour.map((c) => Math.round(opacity * c + (1 - opacity) * 255));
const near = (a: number[], b: number[], tolerance = 6) => a.every((v, i) => Math.abs(v - b[i]!) <= tolerance);

function countNear(png: Png, colour: number[], tolerance = 6): number {
  let n = 0;
  for (let i = 0; i < png.width * png.height; i++) if (near([png.rgba[i * 4]!, png.rgba[i * 4 + 1]!, png.rgba[i * 4 + 2]!], colour, tolerance)) n++;
  return n;
}

/** A vizmap visualProperty's value for one element's data: discrete lookup, passthrough, or continuous
 *  (below the first point its lesserValue, above the last its greaterValue, equal → equalValue, numbers
 *  interpolated linearly between points, anything else stepped); no mapping or no match → default. */
function vizmapValue(property: XmlElement, data: Record<string, string | number>): string {
  const [mapping] = property.children;
  if (!mapping) return property.attributes.default!;
  const value = data[mapping.attributes.attributeName!];
  if (value === undefined) return property.attributes.default!;
  if (mapping.name === "passthroughMapping") return String(value);
  if (mapping.name === "discreteMapping") return mapping.children.find((e) => e.attributes.attributeValue === String(value))?.attributes.value ?? property.attributes.default!;
  const points = mapping.children.map((p) => ({ at: Number(p.attributes.attrValue), lesser: p.attributes.lesserValue!, equal: p.attributes.equalValue!, greater: p.attributes.greaterValue! })).sort((a, b) => a.at - b.at);
  const v = Number(value);
  const exact = points.find((p) => p.at === v);
  if (exact) return exact.equal;
  if (v < points[0]!.at) return points[0]!.lesser;
  if (v > points.at(-1)!.at) return points.at(-1)!.greater;
  const i = points.findIndex((p) => p.at > v);
  const [lo, hi] = [points[i - 1]!, points[i]!];
  const [a, b] = [Number(lo.greater), Number(hi.lesser)];
  return Number.isFinite(a) && Number.isFinite(b) ? String(a + ((b - a) * (v - lo.at)) / (hi.at - lo.at)) : lo.greater;
}

describe("Cytoscape.js export rendered in headless Chromium", () => {
  const map = buildRadiogenomicMap(LINKS);
  const cyjs = formatCytoscapeJson(mapToGraphDocument(map, "rendered map"), "test", { maxQ: 0.05 });
  const file = JSON.parse(cyjs) as { elements: { nodes: { data: Record<string, string | number>; position: { x: number; y: number } }[]; edges: { data: Record<string, number | string> }[] } };
  const rendered = renderCytoscapeJson(cyjs);

  it("Cytoscape.js computes the style: colour and shape per kind, labels from the names, width by |rho|, q threshold", () => {
    expect(rendered.nodes).toHaveLength(file.elements.nodes.length);
    for (const node of rendered.nodes) {
      const style = NODE_STYLE[node.kind as keyof typeof NODE_STYLE];
      expect(rgb(node.background), node.id).toEqual(hex(style.color));
      expect(node.shape).toBe(style.shape);
      // Cytoscape.js trims a label string; the rest is drawn as written.
      expect(node.label).toBe(String(file.elements.nodes.find((n) => n.data.id === node.id)!.data.name).trim());
    }
    expect(rendered.nodes.map((n) => n.label)).toContain("line\nbreak and\r\nCRLF");
    const zoom = rendered.nodes[0]!.width / 24;
    for (const edge of rendered.edges) {
      const data = file.elements.edges.find((e) => e.data.id === edge.id)!.data;
      expect(edge.visible, `${edge.id} q ${edge.q}`).toBe(Number(data.q) <= 0.05);
      // mapData(absEffect, 0, 1, 1, 9): 1 + 8·|rho| model px, times the fit's zoom.
      expect(edge.width).toBeCloseTo((1 + 8 * Math.min(1, Number(data.absEffect))) * zoom, 1);
      expect(rgb(edge.lineColor)).toEqual(hex(Number(data.effect) >= 0 ? "#e6550d" : "#3182bd"));
    }
    expect(rendered.edges.some((e) => !e.visible) && rendered.edges.some((e) => e.visible)).toBe(true);
  });

  it("keeps the preset layout: rendered positions are the file's positions under one zoom and pan", () => {
    const [a, b] = [rendered.nodes[0]!, rendered.nodes[1]!];
    const [pa, pb] = [a, b].map((n) => file.elements.nodes.find((f) => f.data.id === n.id)!.position);
    const zoom = (b.x - a.x) / (pb!.x - pa!.x);
    for (const node of rendered.nodes) {
      const p = file.elements.nodes.find((f) => f.data.id === node.id)!.position;
      expect(node.x).toBeCloseTo(a.x + (p.x - pa!.x) * zoom, 3);
      expect(node.y).toBeCloseTo(a.y + (p.y - pa!.y) * zoom, 3);
    }
  });

  it("the screenshot shows every node in its kind's colour with label ink under it, edges in both colours, on white", () => {
    const { png } = rendered;
    expect([png.width, png.height]).toEqual([900, 900]);
    expect(pixel(png, 2, 2)).toEqual([255, 255, 255]);
    for (const node of rendered.nodes) {
      expect(pixel(png, node.x, node.y), `${node.id} at ${node.x},${node.y}`).toEqual(hex(NODE_STYLE[node.kind as keyof typeof NODE_STYLE].color));
      // text-valign bottom: the label sits just under the node; its glyphs are dark (#222, anti-aliased).
      let ink = 0;
      for (let dy = node.width / 2 + 1; dy < node.width / 2 + 30; dy++)
        for (let dx = -40; dx <= 40; dx++) if (Math.max(...pixel(png, node.x + dx, node.y + dy)) < 110) ink++;
      expect(ink, `label ink under ${node.id} (${JSON.stringify(node.label).slice(0, 40)})`).toBeGreaterThan(node.label.trim() === "" ? -1 : 3);
    }
    // Edges are drawn at opacity 0.8 over the white background.
    expect(countNear(png, over(hex("#e6550d"), 0.8))).toBeGreaterThan(50);
    expect(countNear(png, over(hex("#3182bd"), 0.8))).toBeGreaterThan(50);
  });

  it("the Cytoscape desktop style file (vizmap XML) maps the same columns to the same look Cytoscape.js drew", () => {
    const root = parseXml(formatCytoscapeVizmap(0.05));
    expect(root.name).toBe("vizmap");
    expect(root.attributes.documentVersion).toBe("3.1");
    const [style] = descendants(root, "visualStyle");
    const section = (name: string) => style!.children.find((c) => c.name === name)!;
    const prop = (part: string, name: string) => section(part).children.find((c) => c.name === "visualProperty" && c.attributes.name === name)!;
    const desktopShape: Record<string, string> = { ellipse: "ELLIPSE", "round-rectangle": "ROUND_RECTANGLE", diamond: "DIAMOND" };
    for (const node of rendered.nodes) {
      const data = file.elements.nodes.find((n) => n.data.id === node.id)!.data;
      expect(hex(vizmapValue(prop("node", "NODE_FILL_COLOR"), data))).toEqual(rgb(node.background));
      expect(vizmapValue(prop("node", "NODE_SHAPE"), data)).toBe(desktopShape[node.shape]);
      expect(vizmapValue(prop("node", "NODE_LABEL"), data).trim()).toBe(node.label);
    }
    const zoom = rendered.nodes[0]!.width / 24;
    for (const edge of rendered.edges) {
      const data = file.elements.edges.find((e) => e.data.id === edge.id)!.data;
      expect(Number(vizmapValue(prop("edge", "EDGE_WIDTH"), data)) * zoom).toBeCloseTo(edge.width, 1);
      expect(hex(vizmapValue(prop("edge", "EDGE_STROKE_UNSELECTED_PAINT"), data))).toEqual(rgb(edge.lineColor));
      expect(vizmapValue(prop("edge", "EDGE_VISIBLE"), data)).toBe(String(edge.visible));
    }
    // Every mapped column exists in the .cyjs with the declared type (string columns text, "float" numbers).
    for (const mapping of [...descendants(root, "discreteMapping"), ...descendants(root, "continuousMapping"), ...descendants(root, "passthroughMapping")]) {
      const column = mapping.attributes.attributeName!;
      const values = [...file.elements.nodes, ...file.elements.edges].map((e) => e.data[column]).filter((v) => v !== undefined);
      expect(values.length, column).toBeGreaterThan(0);
      expect(values.every((v) => typeof v === (mapping.attributes.attributeType === "float" ? "number" : "string")), column).toBe(true);
    }
  });
});
