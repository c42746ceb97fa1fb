import { describe, expect, it } from "vitest";
import { concentricLayout } from "../../../compute/export/concentric-layout.js";
import { toCytoscapeJson } from "../../../compute/export/cytoscape-json.js";
import { cytoscapeStyle, NODE_STYLE } from "../../../compute/export/cytoscape-style.js";
import type { GraphDocument } from "../../../compute/export/graph-document.js";

const graph: GraphDocument = {
  name: "m",
  nodeAttributes: [{ name: "label", type: "string" }, { name: "kind", type: "string" }],
  edgeAttributes: [{ name: "effect", type: "double" }, { name: "q", type: "double" }],
  nodes: [
    { id: "feature:b", attributes: { label: "b", kind: "FEATURE" } },
    { id: "feature:a", attributes: { label: "a", kind: "FEATURE" } },
    { id: "pathway:P", attributes: { label: "P", kind: "PATHWAY" } },
    { id: "gene:G", attributes: { label: "G", kind: "GENE" } },
  ],
  edges: [
    { id: "e1", source: "feature:a", target: "pathway:P", attributes: { effect: -0.7, q: 0.01 } },
    { id: "e2", source: "feature:b", target: "gene:G", attributes: { effect: 0.2, q: 0.4 } },
  ],
};

describe("Cytoscape.js style and preset layout", () => {
  const json = toCytoscapeJson(graph, "test", { maxQ: 0.05 });

  it("carries a stylesheet: colour and shape per kind, labels, width by |rho|, q threshold", () => {
    expect(json.layout).toEqual({ name: "preset" });
    const rule = (selector: string) => json.style.find((r) => r.selector === selector)?.style;
    expect(rule("node")?.label).toBe("data(name)");
    expect(rule('node[kind = "PATHWAY"]')).toEqual({ "background-color": NODE_STYLE.PATHWAY.color, shape: "round-rectangle" });
    expect(rule("edge")?.width).toBe("mapData(absEffect, 0, 1, 1, 9)");
    expect(rule("edge[q > 0.05]")).toEqual({ display: "none" });
    expect(json.elements.edges.map((e) => e.data.absEffect)).toEqual([0.7, 0.2]);
    expect(cytoscapeStyle(0.1).some((r) => r.selector === "edge[q > 0.1]")).toBe(true);
  });

  it("places every node, features inside the targets, the same way every time", () => {
    const radius = (id: string) => { const p = json.elements.nodes.find((n) => n.data.id === id)!.position!; return Math.hypot(p.x, p.y); };
    expect(radius("feature:a")).toBeCloseTo(radius("feature:b"), 6);
    expect(radius("pathway:P")).toBeGreaterThan(radius("feature:a"));
    const shuffled = concentricLayout([...graph.nodes].reverse().map((n) => ({ id: n.id, kind: String(n.attributes.kind) })));
    for (const node of json.elements.nodes) expect(shuffled.get(String(node.data.id))).toEqual(node.position);
    expect(new Set(json.elements.nodes.map((n) => `${n.position!.x},${n.position!.y}`)).size).toBe(4);
  });
});
