// Kaplan–Meier plot as SVG: one step curve per group (S(t) constant between event times, dropping at
// each), censoring marked by short vertical ticks, optional 95 % CI bands (stepped like the curve), a
// legend with n and median survival, and the numbers at risk under the time axis at its tick times —
// the layout of Kaplan–Meier figures in clinical papers (cf. R survminer's ggsurvplot risk table).
// Number at risk at tick τ = number with follow-up ≥ τ = atRisk at the first listed time ≥ τ (0 after the last).
import { escapeXml, escapeXmlAttribute } from "./xml-text.js";
import {
  bottomAxis,
  checkSeries,
  colourOf,
  formatNumber,
  formatP,
  leftAxis,
  linearScale,
  niceTicks,
  px,
  svgDocument,
  text,
  textWidth,
  truncateLabel,
} from "./svg-plot.js";

export { SVG_CONTENT_TYPE } from "./heatmap-svg.js";

/** The part of m-survival's KaplanMeierCurve this plot reads (structurally compatible with it). */
export interface KaplanMeierCurveInput {
  group: string;
  /** Distinct event/censoring times, ascending. */
  times: ArrayLike<number>;
  /** S(t) just after each time. */
  survival: ArrayLike<number>;
  /** Number at risk just before each time (follow-up ≥ t). */
  atRisk: ArrayLike<number>;
  events: ArrayLike<number>;
  censored: ArrayLike<number>;
  /** Pointwise 95 % band; a non-finite bound is drawn at the curve itself. */
  ci95Lower?: ArrayLike<number>;
  ci95Upper?: ArrayLike<number>;
  medianSurvival?: number | null;
}

export interface KaplanMeierSvgOptions {
  title: string;
  /** Unit of the time axis, e.g. "days". */
  timeUnit: string;
  /** Draw the CI bands (default true when the curves carry them). */
  confidenceBands?: boolean;
  /** Times for ticks and numbers at risk (default: about six round ticks from 0 over the range). */
  tickTimes?: readonly number[];
  /** Printed under the legend, e.g. the log-rank test's p. */
  logRankP?: number;
}

const PLOT_WIDTH = 480;
const PLOT_HEIGHT = 300;
const TOP = 50;
const ROW = 18;
const GROUP_LABEL = 24;

/** The number at risk at time τ: atRisk at the first listed time ≥ τ, 0 beyond the last. */
export function numberAtRisk(curve: KaplanMeierCurveInput, tau: number): number {
  for (let i = 0; i < curve.times.length; i++) if (curve.times[i]! >= tau) return curve.atRisk[i]!;
  return 0;
}

export function kaplanMeierSvg(curves: readonly KaplanMeierCurveInput[], options: KaplanMeierSvgOptions): string {
  if (curves.length === 0) throw new RangeError("kaplanMeierSvg: no curves to draw");
  curves.forEach((c) => {
    checkSeries(`Kaplan–Meier curve '${c.group}'`, { times: c.times, survival: c.survival, atRisk: c.atRisk, events: c.events, censored: c.censored }, c.times.length);
    if (c.ci95Lower && c.ci95Lower.length !== c.times.length) throw new RangeError(`Kaplan–Meier curve '${c.group}': ci95Lower has ${c.ci95Lower.length} values for ${c.times.length} times`);
    if (c.ci95Upper && c.ci95Upper.length !== c.times.length) throw new RangeError(`Kaplan–Meier curve '${c.group}': ci95Upper has ${c.ci95Upper.length} values for ${c.times.length} times`);
  });
  const maxTime = Math.max(0, ...curves.flatMap((c) => (c.times.length ? [c.times[c.times.length - 1]!] : [])));
  const ticks = options.tickTimes ? [...options.tickTimes].sort((a, b) => a - b) : niceTicks(0, maxTime > 0 ? maxTime : 1, 6);
  const end = Math.max(maxTime, ticks[ticks.length - 1] ?? 0) || 1;

  const labels = curves.map((c) => truncateLabel(c.group, GROUP_LABEL));
  const left = Math.max(72, Math.max(...labels.map((l) => textWidth(l, 11))) + 34);
  const x = linearScale([0, end], [left, left + PLOT_WIDTH]);
  const y = linearScale([0, 1], [TOP + PLOT_HEIGHT, TOP]);
  const legend = curves.map((c, g) => legendText(c, labels[g]!, options.timeUnit));
  const legendX = left + PLOT_WIDTH + 24;
  const width = legendX + Math.max(...legend.map((l) => textWidth(l, 11)), 100) + 40;
  const tableTop = TOP + PLOT_HEIGHT + 66;
  const height = tableTop + ROW * (curves.length + 1) + 12;
  const bands = options.confidenceBands ?? curves.some((c) => c.ci95Lower && c.ci95Upper);

  const body = [
    text(left, 26, options.title, 'font-size="15" font-weight="bold" class="plot-title"'),
    ...leftAxis(y, niceTicks(0, 1, 6), left, left + PLOT_WIDTH, "Survival probability"),
    ...bottomAxis(x, ticks, TOP + PLOT_HEIGHT, `Time (${options.timeUnit})`),
  ];
  if (bands) curves.forEach((c, g) => body.push(band(c, g, x, y)));
  curves.forEach((c, g) => body.push(...curve(c, g, x, y)));
  body.push(...legendBlock(curves, legend, legendX, options.logRankP));
  body.push(...riskTable(curves, labels, ticks, x, left, tableTop));
  return svgDocument(width, height, options.title, body);
}

function legendText(c: KaplanMeierCurveInput, label: string, unit: string): string {
  const n = c.atRisk.length ? c.atRisk[0]! : 0;
  const median = c.medianSurvival === undefined ? "" : c.medianSurvival === null ? "; median not reached" : `; median ${formatNumber(c.medianSurvival)} ${unit}`;
  return `${label} (n = ${n}${median})`;
}

function stepPoints(c: KaplanMeierCurveInput, values: ArrayLike<number>): Array<[number, number]> {
  const points: Array<[number, number]> = [[0, 1]];
  let previous = 1;
  for (let i = 0; i < c.times.length; i++) {
    const v = Number.isFinite(values[i]!) ? values[i]! : c.survival[i]!;
    points.push([c.times[i]!, previous], [c.times[i]!, v]);
    previous = v;
  }
  return points;
}

function pathOf(points: ReadonlyArray<[number, number]>, x: (v: number) => number, y: (v: number) => number): string {
  return points.map(([t, s], i) => `${i === 0 ? "M" : "L"}${px(x(t))},${px(y(s))}`).join(" ");
}

function curve(c: KaplanMeierCurveInput, g: number, x: (v: number) => number, y: (v: number) => number): string[] {
  const colour = colourOf(g);
  const out = [
    `<path class="km-curve" data-group="${escapeXmlAttribute(c.group)}" d="${pathOf(stepPoints(c, c.survival), x, y)}" fill="none" stroke="${colour}" stroke-width="2"><title>${escapeXml(c.group)}</title></path>`,
  ];
  const marks: string[] = [];
  for (let i = 0; i < c.times.length; i++) {
    if (c.censored[i]! > 0) {
      const cx = x(c.times[i]!);
      const cy = y(c.survival[i]!);
      marks.push(`<line class="censor" data-time="${c.times[i]}" x1="${px(cx)}" y1="${px(cy - 4)}" x2="${px(cx)}" y2="${px(cy + 4)}" stroke="${colour}" stroke-width="1.5"/>`);
    }
  }
  if (marks.length) out.push(`<g class="censor-marks">`, ...marks, `</g>`);
  return out;
}

function band(c: KaplanMeierCurveInput, g: number, x: (v: number) => number, y: (v: number) => number): string {
  if (!c.ci95Lower || !c.ci95Upper) return "";
  const upper = stepPoints(c, c.ci95Upper);
  const lower = stepPoints(c, c.ci95Lower).reverse();
  const points = [...upper, ...lower].map(([t, s]) => `${px(x(t))},${px(y(Math.min(1, Math.max(0, s))))}`).join(" ");
  return `<polygon class="km-ci" data-group="${escapeXmlAttribute(c.group)}" points="${points}" fill="${colourOf(g)}" fill-opacity="0.15" stroke="none"/>`;
}

function legendBlock(curves: readonly KaplanMeierCurveInput[], legend: string[], x: number, logRankP: number | undefined): string[] {
  const out = [`<g class="legend" font-size="11">`];
  curves.forEach((_, g) => {
    const ly = TOP + 8 + g * ROW;
    out.push(`<line x1="${px(x)}" y1="${px(ly)}" x2="${px(x + 22)}" y2="${px(ly)}" stroke="${colourOf(g)}" stroke-width="2"/>`, text(x + 28, ly + 4, legend[g]!));
  });
  const below = TOP + 8 + curves.length * ROW + 6;
  out.push(
    `<line x1="${px(x)}" y1="${px(below)}" x2="${px(x + 22)}" y2="${px(below)}" stroke="#555" stroke-width="1"/>`,
    `<line x1="${px(x + 11)}" y1="${px(below - 4)}" x2="${px(x + 11)}" y2="${px(below + 4)}" stroke="#555" stroke-width="1.5"/>`,
    text(x + 28, below + 4, "censored"),
  );
  if (logRankP !== undefined) out.push(text(x, below + ROW + 8, `Log-rank p = ${formatP(logRankP)}`, 'class="log-rank"'));
  out.push(`</g>`);
  return out;
}

function riskTable(curves: readonly KaplanMeierCurveInput[], labels: string[], ticks: readonly number[], x: (v: number) => number, left: number, top: number): string[] {
  const out = [`<g class="risk-table" font-size="11">`, text(8, top, "Number at risk", 'font-weight="bold"')];
  curves.forEach((c, g) => {
    const ry = top + ROW * (g + 1);
    out.push(`<g class="risk-row" data-group="${escapeXmlAttribute(c.group)}">`);
    out.push(text(left - 26, ry, labels[g]!, `text-anchor="end" fill="${colourOf(g)}" class="risk-label"`));
    for (const t of ticks) out.push(text(x(t), ry, String(numberAtRisk(c, t)), `text-anchor="middle" class="at-risk" data-time="${t}"`));
    out.push(`</g>`);
  });
  out.push(`</g>`);
  return out;
}
