// An SVG heatmap (SVG 1.1 elements, https://www.w3.org/TR/SVG11/, plus SVG 2 data-* attributes) of a feature × target (pathway or gene) Spearman
// rho matrix. Diverging scale centred at 0: ColorBrewer RdBu end and mid colours, blue −1, near-white
// 0, red +1, linear in sRGB between them; untested cells grey. A dot marks q below the threshold.
// Rows and columns are in dendrogram leaf order (leaf-order.ts) so similar profiles sit together.
// Every text is XML-escaped; each cell has a <title> tooltip with its exact values. Cells shrink
// from 16 px as the matrix grows (100 × 50 → 14 px, about 1,000 × 1,700 px in all).
import { leafOrder } from "./leaf-order.js";
import { escapeXml, escapeXmlAttribute } from "./xml-text.js";

export const SVG_CONTENT_TYPE = "image/svg+xml; charset=utf-8";

export interface HeatmapAxisItem {
  key: string;
  label: string;
}

export interface HeatmapCell {
  row: string;
  column: string;
  rho: number | null;
  q: number | null;
}

export interface HeatmapInput {
  title: string;
  rows: HeatmapAxisItem[];
  columns: HeatmapAxisItem[];
  cells: HeatmapCell[];
  /** Cells with q below this get a dot (default 0.05). */
  qThreshold?: number;
  /** "clustered" (default) or the order given. */
  order?: "clustered" | "given";
}

const NEGATIVE = [0x21, 0x66, 0xac];
const MIDDLE = [0xf7, 0xf7, 0xf7];
const POSITIVE = [0xb2, 0x18, 0x2b];
const UNTESTED = "#d9d9d9";
const MAX_LABEL = 40;

/** The fill for a rho in [−1, 1] (clamped). */
export function divergingColour(rho: number): string {
  const t = Math.max(-1, Math.min(1, rho));
  const end = t < 0 ? NEGATIVE : POSITIVE;
  const w = Math.abs(t);
  return `#${MIDDLE.map((m, k) => Math.round(m + (end[k]! - m) * w).toString(16).padStart(2, "0")).join("")}`;
}

function truncate(label: string): string {
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}

function format(x: number | null): string {
  return x === null ? "n/a" : Math.abs(x) >= 1e-3 || x === 0 ? x.toFixed(3) : x.toExponential(2);
}

interface Layout {
  cell: number;
  font: number;
  left: number;
  top: number;
  gridWidth: number;
  gridHeight: number;
  width: number;
  height: number;
}

function layout(input: HeatmapInput): Layout {
  const longest = (items: HeatmapAxisItem[]) => Math.max(1, ...items.map((i) => truncate(i.label).length));
  const cell = Math.max(4, Math.min(16, Math.floor(1400 / Math.max(1, input.rows.length, input.columns.length))));
  const font = Math.max(6, Math.min(11, cell - 3));
  const charWidth = font * 0.6;
  const left = Math.ceil(longest(input.rows) * charWidth) + 12;
  const top = 40 + Math.ceil(longest(input.columns) * charWidth * Math.SQRT1_2) + 8;
  const gridWidth = cell * input.columns.length;
  const gridHeight = cell * input.rows.length;
  return { cell, font, left, top, gridWidth, gridHeight, width: left + gridWidth + 200, height: top + Math.max(gridHeight, 220) + 20 };
}

function ordered(input: HeatmapInput, values: Map<string, HeatmapCell>): { rows: HeatmapAxisItem[]; columns: HeatmapAxisItem[] } {
  if (input.order === "given") return { rows: input.rows, columns: input.columns };
  const rho = (r: HeatmapAxisItem, c: HeatmapAxisItem) => values.get(`${r.key}\u0000${c.key}`)?.rho ?? 0;
  const rowOrder = leafOrder(input.rows.map((r) => input.columns.map((c) => rho(r, c))));
  const columnOrder = leafOrder(input.columns.map((c) => input.rows.map((r) => rho(r, c))));
  return { rows: rowOrder.map((i) => input.rows[i]!), columns: columnOrder.map((i) => input.columns[i]!) };
}

function legend(l: Layout, threshold: number): string[] {
  const x = l.left + l.gridWidth + 24;
  const y = l.top;
  const h = 160;
  return [
    `<defs><linearGradient id="rho-scale" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${divergingColour(1)}"/><stop offset="0.5" stop-color="${divergingColour(0)}"/><stop offset="1" stop-color="${divergingColour(-1)}"/></linearGradient></defs>`,
    `<g class="legend" font-size="11">`,
    `<text x="${x}" y="${y - 8}">Spearman rho</text>`,
    `<rect x="${x}" y="${y}" width="14" height="${h}" fill="url(#rho-scale)" stroke="#999"/>`,
    ...[1, 0.5, 0, -0.5, -1].map((v) => `<text x="${x + 20}" y="${(y + ((1 - v) / 2) * h + 4).toFixed(1)}">${v > 0 ? "+" : ""}${v}</text>`),
    `<circle cx="${x + 7}" cy="${y + h + 22}" r="3" fill="#000"/><text x="${x + 20}" y="${y + h + 26}">q &lt; ${threshold}</text>`,
    `<rect x="${x}" y="${y + h + 36}" width="14" height="14" fill="${UNTESTED}"/><text x="${x + 20}" y="${y + h + 47}">not tested or filtered out</text>`,
    `</g>`,
  ];
}

export function formatHeatmapSvg(input: HeatmapInput): string {
  const threshold = input.qThreshold ?? 0.05;
  const values = new Map(input.cells.map((c) => [`${c.row}\u0000${c.column}`, c]));
  const { rows, columns } = ordered(input, values);
  const l = layout(input);
  const out = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${l.width}" height="${l.height}" viewBox="0 0 ${l.width} ${l.height}" font-family="Helvetica, Arial, sans-serif">`,
    `<title>${escapeXml(input.title)}</title>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="10" y="22" font-size="14" font-weight="bold">${escapeXml(input.title)}</text>`,
    ...legend(l, threshold),
    `<g class="row-labels" font-size="${l.font}" text-anchor="end">`,
    ...rows.map((r, i) => `<text x="${l.left - 6}" y="${(l.top + (i + 0.5) * l.cell + l.font * 0.35).toFixed(1)}"><title>${escapeXml(r.label)}</title>${escapeXml(truncate(r.label))}</text>`),
    `</g>`,
    `<g class="column-labels" font-size="${l.font}">`,
    ...columns.map((c, j) => {
      const x = (l.left + (j + 0.5) * l.cell + l.font * 0.35).toFixed(1);
      const y = l.top - 6;
      return `<text x="${x}" y="${y}" transform="rotate(-45 ${x} ${y})"><title>${escapeXml(c.label)}</title>${escapeXml(truncate(c.label))}</text>`;
    }),
    `</g>`,
    `<g class="cells" stroke="#fff" stroke-width="0.5">`,
  ];
  const dots: string[] = [];
  rows.forEach((r, i) =>
    columns.forEach((c, j) => {
      const cell = values.get(`${r.key}\u0000${c.key}`);
      const x = l.left + j * l.cell;
      const y = l.top + i * l.cell;
      const rho = cell?.rho ?? null;
      const fill = rho === null ? UNTESTED : divergingColour(rho);
      const tip = `${r.label} × ${c.label}: rho ${format(rho)}, q ${format(cell?.q ?? null)}`;
      out.push(`<rect class="cell" x="${x}" y="${y}" width="${l.cell}" height="${l.cell}" fill="${fill}" data-row="${escapeXmlAttribute(r.key)}" data-column="${escapeXmlAttribute(c.key)}"><title>${escapeXml(tip)}</title></rect>`);
      if (cell?.q !== null && cell?.q !== undefined && cell.q < threshold)
        dots.push(`<circle class="significant" cx="${x + l.cell / 2}" cy="${y + l.cell / 2}" r="${Math.max(1, l.cell / 6).toFixed(1)}" fill="#000"/>`);
    }),
  );
  out.push(`</g>`, `<g class="significance">`, ...dots, `</g>`, `</svg>`, ``);
  return out.join("\n");
}
