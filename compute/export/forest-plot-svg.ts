// Forest plot of hazard ratios as SVG, the layout of a paper's Cox table: a label column, the plot (HR as
// a square, its 95 % CI as a whisker, on a log axis so that HR 2 and HR 0.5 lie equally far from the
// dashed line HR = 1), then the columns "HR (95 % CI)" and "p". The axis spans the intervals (and 1);
// a bound outside [0.001, 1000], 0 or infinite is drawn to the axis edge with an arrowhead.
import { escapeXml, escapeXmlAttribute } from "./xml-text.js";
import { bottomAxis, formatP, logScale, logTicks, px, svgDocument, text, textWidth, truncateLabel } from "./svg-plot.js";

export interface ForestPlotRow {
  label: string;
  hazardRatio: number;
  ci95Lower: number;
  ci95Upper: number;
  p: number;
}

export interface ForestPlotSvgOptions {
  title?: string;
  /** Axis title (default "Hazard ratio (log scale)"). */
  axisTitle?: string;
}

const PLOT_WIDTH = 360;
const TOP = 64;
const ROW = 24;
const LABEL = 40;
const FLOOR = 1e-3;
const CEILING = 1e3;
const COLOUR = "#0072B2";

function hrText(v: number): string {
  if (!Number.isFinite(v)) return v > 0 ? "∞" : "n/a";
  return v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
}

export function forestPlotSvg(rows: readonly ForestPlotRow[], options: ForestPlotSvgOptions = {}): string {
  if (rows.length === 0) throw new RangeError("forestPlotSvg: no rows to draw");
  rows.forEach((r) => {
    if (!(r.hazardRatio > 0) || !Number.isFinite(r.hazardRatio)) throw new RangeError(`forest plot row '${r.label}': hazard ratio must be a positive finite number, got ${r.hazardRatio}`);
    if (!(r.ci95Lower >= 0 && r.ci95Lower <= r.hazardRatio && r.ci95Upper >= r.hazardRatio)) {
      throw new RangeError(`forest plot row '${r.label}': the CI [${r.ci95Lower}, ${r.ci95Upper}] must be non-negative and contain the HR ${r.hazardRatio}`);
    }
  });
  const title = options.title ?? "Hazard ratios";
  const clamp = (v: number) => Math.min(CEILING, Math.max(FLOOR, v));
  // Infinite or zero bounds (separation in a Cox fit) do not stretch the axis: they end in an arrow.
  const low = Math.min(1, ...rows.map((r) => clamp(r.ci95Lower > 0 ? r.ci95Lower : r.hazardRatio / 10)));
  const high = Math.max(1, ...rows.map((r) => clamp(Number.isFinite(r.ci95Upper) ? r.ci95Upper : r.hazardRatio * 10)));
  const domain: [number, number] = [low / 1.15, high * 1.15];
  const labels = rows.map((r) => truncateLabel(r.label, LABEL));
  const left = Math.max(...labels.map((l) => textWidth(l, 12)), textWidth("Variable", 12)) + 24;
  const x = logScale(domain, [left, left + PLOT_WIDTH]);
  const hrColumn = left + PLOT_WIDTH + 24;
  const intervals = rows.map((r) => `${hrText(r.hazardRatio)} (${hrText(r.ci95Lower)}–${hrText(r.ci95Upper)})`);
  const pColumn = hrColumn + Math.max(...intervals.map((t) => textWidth(t, 12)), textWidth("HR (95% CI)", 12)) + 24;
  const width = pColumn + Math.max(...rows.map((r) => textWidth(formatP(r.p), 12)), 40) + 24;
  const bottom = TOP + ROW * rows.length + 8;
  const height = bottom + 56;
  const rowY = (i: number) => TOP + ROW * i + ROW / 2;
  const body = [
    text(12, 26, title, 'font-size="15" font-weight="bold" class="plot-title"'),
    `<g class="header" font-weight="bold">`,
    text(12, TOP - 12, "Variable"),
    text(hrColumn, TOP - 12, "HR (95% CI)"),
    text(pColumn, TOP - 12, "p"),
    `</g>`,
    `<line class="reference" x1="${px(x(1))}" y1="${px(TOP - 4)}" x2="${px(x(1))}" y2="${px(bottom)}" stroke="#555" stroke-dasharray="4,3"/>`,
    ...rows.flatMap((r, i) => row(r, i, labels[i]!, intervals[i]!)),
    ...bottomAxis(x, logTicks(domain[0], domain[1]), bottom, options.axisTitle ?? "Hazard ratio (log scale)"),
  ];
  return svgDocument(width, height, title, body);

  function row(r: ForestPlotRow, i: number, label: string, interval: string): string[] {
    const y = rowY(i);
    const lower = r.ci95Lower < domain[0] ? domain[0] : r.ci95Lower;
    const upper = r.ci95Upper > domain[1] ? domain[1] : r.ci95Upper;
    const out = [
      `<g class="forest-row" data-label="${escapeXmlAttribute(r.label)}">`,
      `<title>${escapeXml(`${r.label}: HR ${r.hazardRatio} (95% CI ${r.ci95Lower}–${r.ci95Upper}), p ${r.p}`)}</title>`,
      i % 2 === 0 ? `<rect x="8" y="${px(y - ROW / 2)}" width="${px(width - 16)}" height="${ROW}" fill="#f4f4f4"/>` : "",
      text(12, y + 4, label, 'class="row-label"'),
      `<line class="ci" x1="${px(x(lower))}" y1="${px(y)}" x2="${px(x(upper))}" y2="${px(y)}" stroke="${COLOUR}" stroke-width="1.5"/>`,
      `<rect class="hr" data-hr="${r.hazardRatio}" x="${px(x(r.hazardRatio) - 4)}" y="${px(y - 4)}" width="8" height="8" fill="${COLOUR}"/>`,
      text(hrColumn, y + 4, interval, 'class="hr-text"'),
      text(pColumn, y + 4, formatP(r.p), 'class="p-text"'),
    ];
    if (r.ci95Lower < domain[0]) out.push(`<path class="clipped" d="M${px(x(lower))},${px(y)} l6,-4 l0,8 z" fill="${COLOUR}"/>`);
    if (r.ci95Upper > domain[1]) out.push(`<path class="clipped" d="M${px(x(upper))},${px(y)} l-6,-4 l0,8 z" fill="${COLOUR}"/>`);
    out.push(`</g>`);
    return out;
  }
}
