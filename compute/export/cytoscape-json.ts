// Cytoscape.js JSON (the `.cyjs` file Cytoscape desktop exports and imports, and what `cy.json()` /
// `cytoscape({ elements })` in Cytoscape.js read):
//   { format_version, generated_by, target_cytoscapejs_version, data: {…graph attributes},
//     elements: { nodes: [{ data: { id, … } }], edges: [{ data: { id, source, target, … } }] } }
// Spec: https://js.cytoscape.org/#notation/elements-json and Cytoscape desktop's "Cytoscape.js JSON"
// export (format_version "1.0"). Ids are strings, unique across nodes and edges; `source` and
// `target` name node ids. Desktop labels nodes by `name`, so each node also carries its label there.
// Null attributes are left out (JSON has no typed null for a numeric column).
import { concentricLayout, type Position } from "./concentric-layout.js";
import { cytoscapeStyle, type CytoscapeStyleRule } from "./cytoscape-style.js";
import { checkedValue, type AttributeDeclaration, type AttributeValue, type GraphDocument, type GraphElement } from "./graph-document.js";

export interface CytoscapeElement {
  data: Record<string, string | number>;
  /** Preset layout position (Cytoscape.js `position`, also read by Cytoscape desktop). */
  position?: Position;
}

export interface CytoscapeJson {
  format_version: "1.0";
  generated_by: string;
  target_cytoscapejs_version: string;
  data: { name: string; shared_name: string };
  elements: { nodes: CytoscapeElement[]; edges: CytoscapeElement[] };
  /** Cytoscape.js stylesheet (cy.json() reads it) and the preset layout the positions are for. */
  style: CytoscapeStyleRule[];
  layout: { name: "preset" };
}

export interface CytoscapeJsonOptions {
  /** Edges with q above this are hidden by the style (default 0.05). */
  maxQ?: number;
}

function dataOf(element: GraphElement, declarations: AttributeDeclaration[], base: Record<string, string>): Record<string, string | number> {
  const data: Record<string, string | number> = {};
  for (const declaration of declarations) {
    const value: AttributeValue = checkedValue(declaration, element.attributes[declaration.name]);
    if (value !== null) data[declaration.name] = value;
  }
  return { ...data, ...base };
}

export function toCytoscapeJson(graph: GraphDocument, generatedBy = "radiogenomics", { maxQ = 0.05 }: CytoscapeJsonOptions = {}): CytoscapeJson {
  const positions = concentricLayout(graph.nodes.map((n) => ({ id: n.id, kind: String(n.attributes.kind ?? "") })));
  return {
    format_version: "1.0",
    generated_by: generatedBy,
    target_cytoscapejs_version: "~3",
    data: { name: graph.name, shared_name: graph.name },
    elements: {
      nodes: graph.nodes.map((node) => {
        const label = node.attributes.label;
        return { data: dataOf(node, graph.nodeAttributes, { id: node.id, ...(typeof label === "string" ? { name: label } : {}) }), position: positions.get(node.id)! };
      }),
      edges: graph.edges.map((edge) => {
        const data = dataOf(edge, graph.edgeAttributes, { id: edge.id, source: edge.source, target: edge.target });
        return { data: typeof data.effect === "number" ? { ...data, absEffect: Math.abs(data.effect) } : data };
      }),
    },
    style: cytoscapeStyle(maxQ),
    layout: { name: "preset" },
  };
}

export function formatCytoscapeJson(graph: GraphDocument, generatedBy?: string, options: CytoscapeJsonOptions = {}): string {
  return `${JSON.stringify(toCytoscapeJson(graph, generatedBy, options), null, 2)}\n`;
}
