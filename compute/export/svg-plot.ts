// Shared pieces of the plot exports (Kaplan–Meier, ROC, forest): the SVG document, linear and log
// scales with round ticks, the Okabe–Ito colour-blind-safe palette, number formats and text widths.
// SVG 1.1 elements only (https://www.w3.org/TR/SVG11/); every text goes through escapeXml.
import { escapeXml } from "./xml-text.js";

export const FONT = "Helvetica, Arial, sans-serif";

/** Okabe & Ito (2008) colours, distinguishable with the common colour-vision deficiencies. */
export const PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"];

export function colourOf(index: number): string {
  return PALETTE[index % PALETTE.length]!;
}

/** A scale from data to pixels. */
export interface Scale {
  (value: number): number;
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
}

export function linearScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  return Object.assign((v: number) => r0 + ((v - d0) / span) * (r1 - r0), { domain, range });
}

export function logScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const inner = linearScale([Math.log(domain[0]), Math.log(domain[1])], range);
  return Object.assign((v: number) => inner(Math.log(v)), { domain, range });
}

/** About `count` round ticks (1, 2, 2.5 or 5 × 10^k apart) covering [min, max]. */
export function niceTicks(min: number, max: number, count = 6): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / Math.max(1, count - 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const first = Math.ceil(min / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let t = first; t <= max + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

/** Round numbers for a log axis: 1, 2, 5 × 10^k inside [min, max] (always 1 when it lies inside). */
export function logTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let k = Math.floor(Math.log10(min)) - 1; k <= Math.ceil(Math.log10(max)); k++) {
    for (const m of [1, 2, 5]) {
      const t = Number((m * 10 ** k).toPrecision(12));
      if (t >= min * (1 - 1e-9) && t <= max * (1 + 1e-9)) ticks.push(t);
    }
  }
  if (ticks.length > 9) return ticks.filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9);
  return ticks;
}

/** A tick or table number: no trailing zeros, no exponent for everyday magnitudes. */
export function formatNumber(v: number): string {
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1e6 || a < 1e-3) return v.toExponential(1);
  return String(Number(v.toPrecision(4)));
}

const SUPERSCRIPT: Record<string, string> = { "-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹" };

/** A p-value as a paper prints it: 0.042, 0.001, 3.2 × 10⁻⁵; "< 10⁻³⁰⁰" at the floor. */
export function formatP(p: number): string {
  if (!Number.isFinite(p)) return "n/a";
  if (p >= 0.001) return p >= 0.1 ? p.toFixed(2) : p.toFixed(3);
  if (p < 1e-300) return "< 10⁻³⁰⁰";
  const [mantissa, exponent] = p.toExponential(1).split("e");
  return `${mantissa} × 10${exponent!.replace("+", "").replace(/[-0-9]/g, (c) => SUPERSCRIPT[c]!)}`;
}

/** Rough width of a Helvetica text at `size` px, for layout (average glyph ≈ 0.58 em). */
export function textWidth(text: string, size: number): number {
  return [...text].length * size * 0.55;
}

/** At most `max` characters, an ellipsis marking the cut. */
export function truncateLabel(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : text;
}

export function px(v: number): string {
  return String(Math.round(v * 100) / 100);
}

/** The document around a plot: XML declaration, svg root with size, title element, white background. */
export function svgDocument(width: number, height: number, title: string, body: string[]): string {
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${px(width)}" height="${px(height)}" viewBox="0 0 ${px(width)} ${px(height)}" font-family="${FONT}" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    ...body,
    `</svg>`,
    ``,
  ].join("\n");
}

/** A text element; `anchor` start | middle | end. */
export function text(x: number, y: number, content: string, attributes = ""): string {
  return `<text x="${px(x)}" y="${px(y)}"${attributes ? ` ${attributes}` : ""}>${escapeXml(content)}</text>`;
}

/** A horizontal axis at pixel row y: line, ticks (class "tick" with data-value), labels and a title below. */
export function bottomAxis(scale: Scale, ticks: readonly number[], y: number, title: string, label: (v: number) => string = formatNumber): string[] {
  const [x0, x1] = scale.range;
  return [
    `<g class="x-axis">`,
    `<line x1="${px(x0)}" y1="${px(y)}" x2="${px(x1)}" y2="${px(y)}" stroke="#000"/>`,
    ...ticks.map((t) => `<g class="tick" data-value="${t}"><line x1="${px(scale(t))}" y1="${px(y)}" x2="${px(scale(t))}" y2="${px(y + 5)}" stroke="#000"/>${text(scale(t), y + 18, label(t), 'text-anchor="middle"')}</g>`),
    text((x0 + x1) / 2, y + 38, title, 'text-anchor="middle" class="axis-title"'),
    `</g>`,
  ];
}

/** A vertical axis at pixel column x, with light grid lines across to `gridTo`. */
export function leftAxis(scale: Scale, ticks: readonly number[], x: number, gridTo: number, title: string, label: (v: number) => string = formatNumber): string[] {
  const [y0, y1] = scale.range;
  const middle = (y0 + y1) / 2;
  return [
    `<g class="y-axis">`,
    ...ticks.map((t) => `<line class="grid" x1="${px(x)}" y1="${px(scale(t))}" x2="${px(gridTo)}" y2="${px(scale(t))}" stroke="#e5e5e5"/>`),
    `<line x1="${px(x)}" y1="${px(y0)}" x2="${px(x)}" y2="${px(y1)}" stroke="#000"/>`,
    ...ticks.map((t) => `<g class="tick" data-value="${t}"><line x1="${px(x - 5)}" y1="${px(scale(t))}" x2="${px(x)}" y2="${px(scale(t))}" stroke="#000"/>${text(x - 8, scale(t) + 4, label(t), 'text-anchor="end"')}</g>`),
    text(x - 46, middle, title, `text-anchor="middle" class="axis-title" transform="rotate(-90 ${px(x - 46)} ${px(middle)})"`),
    `</g>`,
  ];
}

/** Checks that a series is finite numbers of one length (an export must not draw NaN paths). */
export function checkSeries(what: string, series: Record<string, ArrayLike<number> | undefined>, length: number): void {
  for (const [name, values] of Object.entries(series)) {
    if (values === undefined) continue;
    if (values.length !== length) throw new RangeError(`${what}: ${name} has ${values.length} values, expected ${length}`);
    for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i]!)) throw new RangeError(`${what}: ${name}[${i}] is ${values[i]}`);
  }
}
