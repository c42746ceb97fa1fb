// ROC curves as SVG: false positive rate (1 − specificity) across, true positive rate (sensitivity) up,
// both 0…1 on a square plot; the chance diagonal dashed; one curve per label through its (fpr, tpr)
// points in the order given (rocCurve's order: thresholds descending, from (0, 0) to (1, 1)); the AUC of
// each curve in the legend.
import { escapeXml, escapeXmlAttribute } from "./xml-text.js";
import { bottomAxis, checkSeries, colourOf, leftAxis, linearScale, niceTicks, px, svgDocument, text, textWidth, truncateLabel } from "./svg-plot.js";

export interface RocCurveInput {
  label: string;
  fpr: ArrayLike<number>;
  tpr: ArrayLike<number>;
  auc: number;
}

export interface RocCurvesSvgOptions {
  title?: string;
}

const SIZE = 380;
const TOP = 50;
const LEFT = 72;
const ROW = 18;
const LABEL = 40;

export function rocCurvesSvg(curves: readonly RocCurveInput[], options: RocCurvesSvgOptions = {}): string {
  if (curves.length === 0) throw new RangeError("rocCurvesSvg: no curves to draw");
  curves.forEach((c) => {
    checkSeries(`ROC curve '${c.label}'`, { fpr: c.fpr, tpr: c.tpr }, c.fpr.length);
    if (!Number.isFinite(c.auc)) throw new RangeError(`ROC curve '${c.label}': AUC is ${c.auc}`);
  });
  const title = options.title ?? "ROC curves";
  const x = linearScale([0, 1], [LEFT, LEFT + SIZE]);
  const y = linearScale([0, 1], [TOP + SIZE, TOP]);
  const ticks = niceTicks(0, 1, 6);
  const legend = curves.map((c) => `${truncateLabel(c.label, LABEL)} (AUC = ${c.auc.toFixed(3)})`);
  const legendX = LEFT + SIZE + 24;
  const width = legendX + Math.max(...legend.map((l) => textWidth(l, 11)), textWidth("chance (AUC = 0.5)", 11)) + 44;
  const height = Math.max(TOP + SIZE + 56, TOP + ROW * (curves.length + 2) + 16);
  const body = [
    text(LEFT, 26, title, 'font-size="15" font-weight="bold" class="plot-title"'),
    ...leftAxis(y, ticks, LEFT, LEFT + SIZE, "True positive rate (sensitivity)"),
    ...bottomAxis(x, ticks, TOP + SIZE, "False positive rate (1 − specificity)"),
    `<line class="chance" x1="${px(x(0))}" y1="${px(y(0))}" x2="${px(x(1))}" y2="${px(y(1))}" stroke="#888" stroke-dasharray="5,4"/>`,
    ...curves.map((c, i) => {
      const d = Array.from({ length: c.fpr.length }, (_, k) => `${k === 0 ? "M" : "L"}${px(x(c.fpr[k]!))},${px(y(c.tpr[k]!))}`).join(" ");
      return `<path class="roc-curve" data-label="${escapeXmlAttribute(c.label)}" d="${d}" fill="none" stroke="${colourOf(i)}" stroke-width="2"><title>${escapeXml(`${c.label}: AUC ${c.auc}`)}</title></path>`;
    }),
    `<g class="legend" font-size="11">`,
    ...curves.flatMap((_, i) => {
      const ly = TOP + 8 + i * ROW;
      return [`<line x1="${px(legendX)}" y1="${px(ly)}" x2="${px(legendX + 22)}" y2="${px(ly)}" stroke="${colourOf(i)}" stroke-width="2"/>`, text(legendX + 28, ly + 4, legend[i]!)];
    }),
    `<line x1="${px(legendX)}" y1="${px(TOP + 8 + curves.length * ROW)}" x2="${px(legendX + 22)}" y2="${px(TOP + 8 + curves.length * ROW)}" stroke="#888" stroke-dasharray="5,4"/>`,
    text(legendX + 28, TOP + 12 + curves.length * ROW, "chance (AUC = 0.5)"),
    `</g>`,
  ];
  return svgDocument(width, height, title, body);
}
