// A Cytoscape.js stylesheet for the radiogenomic map (https://js.cytoscape.org/#style): node colour
// and shape by kind, labels from `name`, edge width by |effect| (rho), colour by sign, and edges
// above the q threshold hidden by a selector (`edge[q > t]`), so the file opens readable.
export interface CytoscapeStyleRule {
  selector: string;
  style: Record<string, string | number>;
}

export const NODE_STYLE = {
  FEATURE: { color: "#1f77b4", shape: "ellipse" },
  PATHWAY: { color: "#d62728", shape: "round-rectangle" },
  GENE: { color: "#2ca02c", shape: "diamond" },
} as const;

export function cytoscapeStyle(maxQ = 0.05): CytoscapeStyleRule[] {
  return [
    { selector: "node", style: { label: "data(name)", "font-size": 10, "text-wrap": "wrap", "text-max-width": "200px", "text-valign": "bottom", "text-halign": "center", width: 24, height: 24, color: "#222" } },
    ...Object.entries(NODE_STYLE).map(([kind, { color, shape }]) => ({ selector: `node[kind = "${kind}"]`, style: { "background-color": color, shape } })),
    // width 1..9 px for |effect| 0..1 (Cytoscape.js mapData(field, min, max, from, to) clamps outside the range).
    { selector: "edge", style: { width: "mapData(absEffect, 0, 1, 1, 9)", "curve-style": "bezier", opacity: 0.8, "line-color": "#888" } },
    { selector: "edge[effect >= 0]", style: { "line-color": "#e6550d" } },
    { selector: "edge[effect < 0]", style: { "line-color": "#3182bd" } },
    { selector: `edge[q > ${maxQ}]`, style: { display: "none" } },
  ];
}
