import { describe, expect, it } from "vitest";
import { mapToGraphDocument } from "../../../compute/export/graph-document.js";
import { formatGraphml } from "../../../compute/export/graphml.js";
import { buildRadiogenomicMap } from "../../../compute/export/radiogenomic-map.js";
import { descendants, parseXml } from "../../support/xml-tree.js";
import { HOSTILE, LINKS } from "./fixtures.js";

describe("GraphML", () => {
  const map = buildRadiogenomicMap(LINKS);
  const xml = formatGraphml(mapToGraphDocument(map, 'map of "assoc-1" & <friends>'));
  const root = parseXml(xml);
  const keys = root.children.filter((c) => c.name === "key");
  const graph = root.children.find((c) => c.name === "graph")!;
  const keyById = new Map(keys.map((k) => [k.attributes.id!, k.attributes]));
  const dataOf = (element: { children: { name: string; attributes: Record<string, string>; text: string }[] }) =>
    Object.fromEntries(element.children.filter((c) => c.name === "data").map((d) => [keyById.get(d.attributes.key!)!["attr.name"], d.text]));

  it("is well-formed GraphML with every <key> declared before the graph", () => {
    expect(root.name).toBe("graphml");
    expect(root.attributes.xmlns).toBe("http://graphml.graphdrawing.org/xmlns");
    expect(root.children.map((c) => c.name).lastIndexOf("key")).toBeLessThan(root.children.map((c) => c.name).indexOf("graph"));
    expect(graph.attributes.edgedefault).toBe("directed");
    for (const d of descendants(root, "data")) expect(keyById.has(d.attributes.key!)).toBe(true);
    for (const k of keys) expect(["boolean", "int", "long", "float", "double", "string"]).toContain(k.attributes["attr.type"]);
    expect(keys.find((k) => k.attributes["attr.name"] === "rho" && k.attributes.for === "edge")!.attributes["attr.type"]).toBe("double");
    expect(keys.find((k) => k.attributes["attr.name"] === "n")!.attributes["attr.type"]).toBe("int");
  });

  it("uses NMTOKEN ids and edges that name nodes", () => {
    const nodes = graph.children.filter((c) => c.name === "node");
    const edges = graph.children.filter((c) => c.name === "edge");
    expect(nodes).toHaveLength(map.nodes.length);
    expect(edges).toHaveLength(map.edges.length);
    const ids = new Set(nodes.map((n) => n.attributes.id));
    for (const el of [...nodes, ...edges]) expect(el.attributes.id).toMatch(/^[\w.:-]+$/);
    for (const e of edges) expect(ids.has(e.attributes.source) && ids.has(e.attributes.target)).toBe(true);
  });

  it("carries every attribute, with hostile text escaped and read back", () => {
    const nodes = graph.children.filter((c) => c.name === "node").map(dataOf);
    expect(dataOf(graph).name).toBe('map of "assoc-1" & <friends>');
    const labels = nodes.map((n) => n.label);
    for (const label of HOSTILE.filter((h) => h && !/[\u0001\u0008]/.test(h))) expect(labels).toContain(label);
    expect(labels).toContain("control\uFFFD\uFFFDchars");
    expect(nodes.find((n) => n.mapId === "pathway:P<&>'\"")).toMatchObject({ kind: "PATHWAY", key: "P<&>'\"" });
    const edges = graph.children.filter((c) => c.name === "edge").map(dataOf);
    const ca9 = edges.find((e) => e.mapId.endsWith("->gene:CA9"))!;
    expect(ca9).toMatchObject({ rho: "0.52", effect: "0.52", q: "0.03", p: "0.0075", n: "30", analysisId: "assoc-1", kind: "CORRELATES_WITH" });
    expect(Number(ca9.rho)).toBe(0.52);
  });
});
