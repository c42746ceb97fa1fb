// GraphML 1.0 (http://graphml.graphdrawing.org/specification.html), the graph format Gephi, yEd,
// Cytoscape desktop, igraph and NetworkX read. Every attribute is declared once in a
// <key id for attr.name attr.type> before the <graph>; values sit in <data key> children of
// <graph>/<node>/<edge>; a missing (null) value is simply absent. attr.type is one of boolean, int,
// long, float, double, string. The schema types node/edge/key ids as xs:NMTOKEN (no spaces, '@', '>'),
// so elements get ids n0…, e0… and keep the map's own id in the `mapId` attribute. Text is
// XML-escaped (xml-text.ts). Edges are directed (feature → target).
import { checkedValue, type AttributeDeclaration, type GraphDocument, type GraphElement } from "./graph-document.js";
import { escapeXml, escapeXmlAttribute } from "./xml-text.js";

const HEADER = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">`;

type Domain = "graph" | "node" | "edge";
const MAP_ID: AttributeDeclaration = { name: "mapId", type: "string" };

/** Key ids are NMTOKENs too: attribute names reduced to [A-Za-z0-9_.-], numbered to stay unique. */
function keyIds(domain: Domain, declarations: AttributeDeclaration[]): Map<string, string> {
  return new Map(declarations.map((d, i) => [d.name, `${domain[0]}${i}_${d.name.replace(/[^A-Za-z0-9_.-]/g, "_")}`]));
}

function keyLines(domain: Domain, declarations: AttributeDeclaration[], ids: Map<string, string>): string[] {
  return declarations.map((d) => `  <key id="${ids.get(d.name)}" for="${domain}" attr.name="${escapeXmlAttribute(d.name)}" attr.type="${d.type}"/>`);
}

function dataLines(element: GraphElement, declarations: AttributeDeclaration[], ids: Map<string, string>, indent: string): string[] {
  return declarations.flatMap((d) => {
    const value = checkedValue(d, element.attributes[d.name]);
    return value === null ? [] : [`${indent}<data key="${ids.get(d.name)}">${escapeXml(String(value))}</data>`];
  });
}

export function formatGraphml(graph: GraphDocument): string {
  const graphAttributes: AttributeDeclaration[] = [{ name: "name", type: "string" }];
  const nodeAttributes = [MAP_ID, ...graph.nodeAttributes];
  const edgeAttributes = [MAP_ID, ...graph.edgeAttributes];
  const ids = { graph: keyIds("graph", graphAttributes), node: keyIds("node", nodeAttributes), edge: keyIds("edge", edgeAttributes) };
  const nodeIds = new Map(graph.nodes.map((node, i) => [node.id, `n${i}`]));
  const nodeRef = (id: string) => {
    const ref = nodeIds.get(id);
    if (!ref) throw new RangeError(`edge end '${id}' is not a node of the graph`);
    return ref;
  };
  const lines = [HEADER, ...keyLines("graph", graphAttributes, ids.graph), ...keyLines("node", nodeAttributes, ids.node), ...keyLines("edge", edgeAttributes, ids.edge)];
  lines.push(`  <graph id="G" edgedefault="directed">`, ...dataLines({ id: "G", attributes: { name: graph.name } }, graphAttributes, ids.graph, "    "));
  for (const node of graph.nodes)
    lines.push(`    <node id="${nodeIds.get(node.id)}">`, ...dataLines({ id: node.id, attributes: { ...node.attributes, mapId: node.id } }, nodeAttributes, ids.node, "      "), "    </node>");
  graph.edges.forEach((edge, i) =>
    lines.push(
      `    <edge id="e${i}" source="${nodeRef(edge.source)}" target="${nodeRef(edge.target)}">`,
      ...dataLines({ id: edge.id, attributes: { ...edge.attributes, mapId: edge.id } }, edgeAttributes, ids.edge, "      "),
      "    </edge>",
    ),
  );
  lines.push("  </graph>", "</graphml>", "");
  return lines.join("\n");
}
