// The map's Cytoscape.js stylesheet as its own file, in the shape Cytoscape desktop writes with
// File › Export › Styles to File… › "Style for cytoscape.js" (and web sessions load as styles.js):
// [{ format_version, generated_by, target_cytoscapejs_version, title, style: [{ selector, css }] }].
// Cytoscape.js takes `style[i]` as { selector, style } or { selector, css }; Cytoscape desktop does not
// import this form (use the vizmap XML, cytoscape-vizmap.ts).
import { cytoscapeStyle } from "./cytoscape-style.js";
import { VIZMAP_STYLE_NAME } from "./cytoscape-vizmap.js";

export function formatCytoscapeStyleJson(maxQ = 0.05, generatedBy = "radiogenomics"): string {
  const style = cytoscapeStyle(maxQ).map(({ selector, style: css }) => ({ selector, css }));
  return `${JSON.stringify([{ format_version: "1.0", generated_by: generatedBy, target_cytoscapejs_version: "~3", title: VIZMAP_STYLE_NAME, style }], null, 2)}\n`;
}
