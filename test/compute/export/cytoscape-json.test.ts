import { describe, expect, it } from "vitest";
import { formatCytoscapeJson } from "../../../compute/export/cytoscape-json.js";
import { mapToGraphDocument } from "../../../compute/export/graph-document.js";
import { buildRadiogenomicMap } from "../../../compute/export/radiogenomic-map.js";
import { HOSTILE, LINKS } from "./fixtures.js";

describe("Cytoscape.js JSON", () => {
  const map = buildRadiogenomicMap(LINKS);
  const parsed = JSON.parse(formatCytoscapeJson(mapToGraphDocument(map, "test map")));

  it("has the shape Cytoscape desktop and cy.json() use", () => {
    expect(parsed).toMatchObject({ format_version: "1.0", data: { name: "test map" }, elements: { nodes: expect.any(Array), edges: expect.any(Array) } });
    expect(parsed.elements.nodes).toHaveLength(map.nodes.length);
    expect(parsed.elements.edges).toHaveLength(map.edges.length);
  });

  it("gives every element a unique string id, and edges ends that are nodes", () => {
    const nodeIds = parsed.elements.nodes.map((n: any) => n.data.id);
    const all = [...nodeIds, ...parsed.elements.edges.map((e: any) => e.data.id)];
    expect(all.every((id) => typeof id === "string")).toBe(true);
    expect(new Set(all).size).toBe(all.length);
    for (const e of parsed.elements.edges) expect(nodeIds).toContain(e.data.source), expect(nodeIds).toContain(e.data.target);
  });

  it("keeps labels exactly (JSON escaping) and numbers as numbers, leaving nulls out", () => {
    const names = parsed.elements.nodes.map((n: any) => n.data.name);
    for (const label of HOSTILE.filter(Boolean)) expect(names).toContain(label);
    const edge = parsed.elements.edges.find((e: any) => e.data.target === "gene:CA9").data;
    expect(edge).toMatchObject({ rho: 0.52, effect: 0.52, q: 0.03, n: 30, measure: "rho", kind: "CORRELATES_WITH", analysisId: "assoc-1" });
    const gene = parsed.elements.nodes.find((n: any) => n.data.id === "gene:CA9").data;
    expect(gene).toEqual({ id: "gene:CA9", name: "CA9", label: "CA9", kind: "GENE", key: "CA9" });
  });

  it("refuses a non-finite number instead of writing invalid JSON", () => {
    const broken = buildRadiogenomicMap([{ ...LINKS[0]!, effect: Number.NaN }]);
    expect(() => formatCytoscapeJson(mapToGraphDocument(broken, "x"))).toThrow(/finite/);
  });
});
