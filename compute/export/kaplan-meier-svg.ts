// Kaplan–Meier plot as SVG: step curves per group, censor ticks, optional 95 % CI bands, numbers at risk.
/** The part of m-survival's KaplanMeierCurve this plot reads (structurally compatible with it). */
export interface KaplanMeierCurveInput {
  group: string;
  /** Distinct event/censoring times, ascending. */
  times: ArrayLike<number>;
  /** S(t) just after each time. */
  survival: ArrayLike<number>;
  /** Number at risk just before each time. */
  atRisk: ArrayLike<number>;
  events: ArrayLike<number>;
  censored: ArrayLike<number>;
  ci95Lower?: ArrayLike<number>;
  ci95Upper?: ArrayLike<number>;
}

export interface KaplanMeierSvgOptions {
  title: string;
  /** Unit of the time axis, e.g. "days". */
  timeUnit: string;
  /** Draw the CI bands (default true when the curves carry them). */
  confidenceBands?: boolean;
  /** Times for ticks and numbers at risk (default: about six round ticks over the range). */
  tickTimes?: number[];
}

export function kaplanMeierSvg(curves: readonly KaplanMeierCurveInput[], options: KaplanMeierSvgOptions): string {
  void curves;
  void options;
  throw new Error("not implemented yet");
}
