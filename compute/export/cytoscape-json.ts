// Cytoscape.js JSON (the `.cyjs` file Cytoscape desktop exports and imports, and what `cy.json()` /
// `cytoscape({ elements })` in Cytoscape.js read):
//   { format_version, generated_by, target_cytoscapejs_version, data: {…graph attributes},
//     elements: { nodes: [{ data: { id, … } }], edges: [{ data: { id, source, target, … } }] } }
// Spec: https://js.cytoscape.org/#notation/elements-json and Cytoscape desktop's "Cytoscape.js JSON"
// export (format_version "1.0"). Ids are strings, unique across nodes and edges; `source` and
// `target` name node ids. Desktop labels nodes by `name`, so each node also carries its label there.
// Null attributes are left out (JSON has no typed null for a numeric column).
import { checkedValue, type AttributeDeclaration, type AttributeValue, type GraphDocument, type GraphElement } from "./graph-document.js";

export interface CytoscapeElement {
  data: Record<string, string | number>;
}

export interface CytoscapeJson {
  format_version: "1.0";
  generated_by: string;
  target_cytoscapejs_version: string;
  data: { name: string; shared_name: string };
  elements: { nodes: CytoscapeElement[]; edges: CytoscapeElement[] };
}

function dataOf(element: GraphElement, declarations: AttributeDeclaration[], base: Record<string, string>): Record<string, string | number> {
  const data: Record<string, string | number> = {};
  for (const declaration of declarations) {
    const value: AttributeValue = checkedValue(declaration, element.attributes[declaration.name]);
    if (value !== null) data[declaration.name] = value;
  }
  return { ...data, ...base };
}

export function toCytoscapeJson(graph: GraphDocument, generatedBy = "radiogenomics"): CytoscapeJson {
  return {
    format_version: "1.0",
    generated_by: generatedBy,
    target_cytoscapejs_version: "~3",
    data: { name: graph.name, shared_name: graph.name },
    elements: {
      nodes: graph.nodes.map((node) => {
        const label = node.attributes.label;
        return { data: dataOf(node, graph.nodeAttributes, { id: node.id, ...(typeof label === "string" ? { name: label } : {}) }) };
      }),
      edges: graph.edges.map((edge) => ({ data: dataOf(edge, graph.edgeAttributes, { id: edge.id, source: edge.source, target: edge.target }) })),
    },
  };
}

export function formatCytoscapeJson(graph: GraphDocument, generatedBy?: string): string {
  return `${JSON.stringify(toCytoscapeJson(graph, generatedBy), null, 2)}\n`;
}
