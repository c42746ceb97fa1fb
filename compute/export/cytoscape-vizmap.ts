// The radiogenomic map's style as a Cytoscape desktop style file (vizmap XML, documentVersion 3.1): what
// File › Import › Styles from File… reads (its only style readers are "Style XML" and the 2.x vizmap
// properties; the Cytoscape.js style JSON is export-only there). Same look as cytoscape-style.ts:
// colour and shape by `kind` (discrete), label from `name` (passthrough), edge width from `absEffect`
// 0..1 → 1..9 px and colour by the sign of `effect` (continuous), edges with q above the threshold hidden.
// Continuous mappings: below the first point its lesserValue, above the last its greaterValue; numbers
// interpolate between points, booleans step. attributeType is the column type ("float" for doubles).
import { NODE_STYLE } from "./cytoscape-style.js";
import { escapeXmlAttribute } from "./xml-text.js";

export const VIZMAP_STYLE_NAME = "radiogenomic map";

const SHAPES: Record<string, string> = { ellipse: "ELLIPSE", "round-rectangle": "ROUND_RECTANGLE", diamond: "DIAMOND" };
const POSITIVE = "#E6550D";
const NEGATIVE = "#3182BD";

const attr = (value: string | number) => `"${escapeXmlAttribute(String(value))}"`;
const property = (name: string, value: string | number, mapping = "") =>
  mapping ? `      <visualProperty name=${attr(name)} default=${attr(value)}>\n${mapping}      </visualProperty>\n` : `      <visualProperty name=${attr(name)} default=${attr(value)}/>\n`;
const passthrough = (column: string, type: string) => `        <passthroughMapping attributeName=${attr(column)} attributeType=${attr(type)}/>\n`;
const discrete = (column: string, entries: [string, string][]) =>
  `        <discreteMapping attributeName=${attr(column)} attributeType="string">\n${entries.map(([k, v]) => `          <discreteMappingEntry attributeValue=${attr(k)} value=${attr(v)}/>\n`).join("")}        </discreteMapping>\n`;
const continuous = (column: string, points: { at: number; lesser: string | number; equal: string | number; greater: string | number }[]) =>
  `        <continuousMapping attributeName=${attr(column)} attributeType="float">\n${points.map((p) => `          <continuousMappingPoint attrValue=${attr(p.at)} lesserValue=${attr(p.lesser)} equalValue=${attr(p.equal)} greaterValue=${attr(p.greater)}/>\n`).join("")}        </continuousMapping>\n`;

/** The vizmap XML document with one visual style, edges with q > maxQ invisible. */
export function formatCytoscapeVizmap(maxQ = 0.05, styleName = VIZMAP_STYLE_NAME): string {
  const kinds = Object.entries(NODE_STYLE);
  const node = [
    `      <dependency name="nodeSizeLocked" value="true"/>\n`,
    property("NODE_SIZE", 24),
    property("NODE_LABEL", "", passthrough("name", "string")),
    property("NODE_LABEL_FONT_SIZE", 10),
    property("NODE_LABEL_COLOR", "#222222"),
    property("NODE_LABEL_POSITION", "S,N,c,0.00,0.00"),
    property("NODE_FILL_COLOR", "#888888", discrete("kind", kinds.map(([k, s]) => [k, s.color.toUpperCase()]))),
    property("NODE_SHAPE", "ELLIPSE", discrete("kind", kinds.map(([k, s]) => [k, SHAPES[s.shape]!]))),
    property("NODE_BORDER_WIDTH", 0),
  ].join("");
  const edge = [
    `      <dependency name="arrowColorMatchesEdge" value="true"/>\n`,
    property("EDGE_WIDTH", 1, continuous("absEffect", [{ at: 0, lesser: 1, equal: 1, greater: 1 }, { at: 1, lesser: 9, equal: 9, greater: 9 }])),
    property("EDGE_STROKE_UNSELECTED_PAINT", "#888888", continuous("effect", [{ at: 0, lesser: NEGATIVE, equal: POSITIVE, greater: POSITIVE }])),
    property("EDGE_UNSELECTED_PAINT", "#888888", continuous("effect", [{ at: 0, lesser: NEGATIVE, equal: POSITIVE, greater: POSITIVE }])),
    property("EDGE_TRANSPARENCY", 204),
    property("EDGE_TARGET_ARROW_SHAPE", "NONE"),
    property("EDGE_VISIBLE", "true", continuous("q", [{ at: maxQ, lesser: "true", equal: "true", greater: "false" }])),
  ].join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<vizmap id="VizMap-radiogenomics" documentVersion="3.1">\n  <visualStyle name=${attr(styleName)}>\n    <network>\n${property("NETWORK_BACKGROUND_PAINT", "#FFFFFF")}    </network>\n    <node>\n${node}    </node>\n    <edge>\n${edge}    </edge>\n  </visualStyle>\n</vizmap>\n`;
}
