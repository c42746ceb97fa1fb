// Renders a Cytoscape.js JSON export in Debian's headless Chromium with the real cytoscape package
// (node_modules/cytoscape): one page that builds `cytoscape({ container, elements, style, layout })`
// from the file, writes what Cytoscape.js computed (per-element style, rendered positions) into the DOM
// (read with --dump-dom) and is screenshotted (--screenshot) for the pixels.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { decodePng, type Png } from "./png.js";

export const CHROMIUM = "/usr/bin/chromium";
export const VIEW = { width: 900, height: 900 };

export interface RenderedNode { id: string; kind: string; label: string; background: string; shape: string; x: number; y: number; width: number; visible: boolean }
export interface RenderedEdge { id: string; q: number; width: number; lineColor: string; visible: boolean; sourceXY: [number, number]; targetXY: [number, number] }
export interface Rendered { nodes: RenderedNode[]; edges: RenderedEdge[]; png: Png; cytoscapeVersion: string }

const PAGE = (script: string, json: string) => `<!doctype html><html><head><meta charset="utf-8">
<style>html,body{margin:0;padding:0;background:#fff}#report{display:none}#cy{position:absolute;left:0;top:0;width:${VIEW.width}px;height:${VIEW.height}px}</style>
<script src="${script}"></script></head><body><div id="cy"></div><pre id="report"></pre><script>
const file = ${json};
const cy = cytoscape({ container: document.getElementById("cy"), elements: file.elements, style: file.style, layout: file.layout, animate: false });
const px = (v) => parseFloat(v);
const report = {
  version: cytoscape.version,
  nodes: cy.nodes().map((n) => ({ id: n.id(), kind: n.data("kind"), label: n.style("label"), background: n.style("background-color"), shape: n.style("shape"),
    x: n.renderedPosition().x, y: n.renderedPosition().y, width: n.renderedWidth(), visible: n.visible() })),
  edges: cy.edges().map((e) => ({ id: e.id(), q: e.data("q"), width: px(e.renderedStyle("width")), lineColor: e.style("line-color"), visible: e.visible(),
    sourceXY: [e.source().renderedPosition().x, e.source().renderedPosition().y], targetXY: [e.target().renderedPosition().x, e.target().renderedPosition().y] })),
};
document.getElementById("report").textContent = JSON.stringify(report);
</script></body></html>`;

function chromium(args: string[]): string {
  return execFileSync(CHROMIUM, ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1", `--window-size=${VIEW.width},${VIEW.height}`, "--virtual-time-budget=5000", ...args],
    { encoding: "utf8", maxBuffer: 64 << 20, stdio: ["ignore", "pipe", "pipe"], timeout: 120_000 });
}

export function renderCytoscapeJson(cyjs: string): Rendered {
  const dir = mkdtempSync(join(tmpdir(), "rg-cyrender-"));
  const script = pathToFileURL(createRequire(import.meta.url).resolve("cytoscape/dist/cytoscape.min.js")).href;
  const page = join(dir, "map.html");
  // The export is JSON; inside a <script> only "</" could end it early.
  writeFileSync(page, PAGE(script, cyjs.replace(/<\//g, "<\\/")));
  const dom = chromium(["--dump-dom", pathToFileURL(page).href]);
  const match = /<pre id="report">([\s\S]*?)<\/pre>/.exec(dom);
  if (!match?.[1]) throw new Error(`the page reported nothing: ${dom.slice(0, 500)}`);
  const text = match[1].replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
  const report = JSON.parse(text) as { version: string; nodes: RenderedNode[]; edges: RenderedEdge[] };
  const shot = join(dir, "map.png");
  chromium([`--screenshot=${shot}`, pathToFileURL(page).href]);
  return { nodes: report.nodes, edges: report.edges, png: decodePng(readFileSync(shot)), cytoscapeVersion: report.version };
}
