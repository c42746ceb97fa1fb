// A format-neutral attributed graph: what the Cytoscape.js and GraphML writers take. Attributes are
// declared once with a type, so GraphML can declare its <key>s and every writer knows what a value is.
import type { RadiogenomicMap } from "./radiogenomic-map.js";

export type AttributeType = "string" | "double" | "int";
export type AttributeValue = string | number | null;

export interface AttributeDeclaration {
  name: string;
  type: AttributeType;
}

export interface GraphElement {
  id: string;
  attributes: Record<string, AttributeValue>;
}

export interface GraphEdgeElement extends GraphElement {
  source: string;
  target: string;
}

export interface GraphDocument {
  /** Name of the graph (the analyses it shows). */
  name: string;
  nodeAttributes: AttributeDeclaration[];
  edgeAttributes: AttributeDeclaration[];
  nodes: GraphElement[];
  edges: GraphEdgeElement[];
}

const NODE_ATTRIBUTES: AttributeDeclaration[] = [
  { name: "label", type: "string" },
  { name: "kind", type: "string" },
  { name: "key", type: "string" },
  { name: "family", type: "string" },
  { name: "ibsiCode", type: "string" },
  { name: "settingsHash", type: "string" },
];

const EDGE_ATTRIBUTES: AttributeDeclaration[] = [
  { name: "kind", type: "string" },
  { name: "measure", type: "string" },
  { name: "effect", type: "double" },
  { name: "rho", type: "double" },
  { name: "p", type: "double" },
  { name: "q", type: "double" },
  { name: "n", type: "int" },
  { name: "analysisId", type: "string" },
];

export function mapToGraphDocument(map: RadiogenomicMap, name: string): GraphDocument {
  return {
    name,
    nodeAttributes: NODE_ATTRIBUTES,
    edgeAttributes: EDGE_ATTRIBUTES,
    nodes: map.nodes.map(({ id, label, kind, key, family, ibsiCode, settingsHash }) => ({ id, attributes: { label, kind, key, family, ibsiCode, settingsHash } })),
    edges: map.edges.map(({ id, source, target, kind, measure, effect, rho, p, q, n, analysisId }) => ({
      id,
      source,
      target,
      attributes: { kind, measure, effect, rho, p, q, n, analysisId },
    })),
  };
}

/** A value fit for its declared type, or null: non-finite numbers have no place in any of the formats. */
export function checkedValue(declaration: AttributeDeclaration, value: AttributeValue | undefined): AttributeValue {
  if (value === null || value === undefined) return null;
  if (declaration.type === "string") return String(value);
  if (typeof value !== "number" || !Number.isFinite(value) || (declaration.type === "int" && !Number.isInteger(value)))
    throw new RangeError(`attribute '${declaration.name}' must be a finite ${declaration.type}, got ${String(value)}`);
  return value;
}
