// Bad input gets a typed error (BAD_USER_INPUT), numerical failure a StatsNumericalError — never NaN.
import { describe, expect, it } from "vitest";
import { fitCox, kaplanMeier, logRankTest, penalisedCoxCv, univariateCox } from "../../../../compute/models/survival/index.js";
import { matrixFromRows } from "../../../../compute/stats/matrix.js";
import { StatsInputError, StatsNumericalError } from "../../../../compute/stats/stats-errors.js";

const time = [5, 8, 12, 3, 9, 14, 7, 2, 11, 6];
const event = [1, 0, 1, 1, 0, 1, 1, 0, 1, 1];
const X = matrixFromRows(time.map((_, i) => [Math.sin(i), (i * 7) % 5]));

function code(f: () => unknown): string {
  try { f(); } catch (e) { return e instanceof StatsInputError ? "BAD_USER_INPUT" : e instanceof StatsNumericalError ? "NUMERICAL" : "OTHER"; }
  return "none";
}

describe("survival input errors", () => {
  it("censoring everywhere", () => expect(code(() => fitCox(X, { time, event: event.map(() => 0) }))).toBe("BAD_USER_INPUT"));
  it("too few events", () => expect(code(() => fitCox(X, { time, event: event.map((_, i) => (i === 0 ? 1 : 0)) }))).toBe("BAD_USER_INPUT"));
  it("too few events for the covariates", () => expect(code(() => fitCox(matrixFromRows(time.map((_, i) => [i, (i * i) % 3, i % 2])), { time, event: [1, 1, 0, 0, 0, 0, 0, 0, 0, 0] }))).toBe("BAD_USER_INPUT"));
  it("a constant covariate", () => expect(code(() => fitCox(matrixFromRows(time.map((_, i) => [i, 1])), { time, event }))).toBe("BAD_USER_INPUT"));
  it("mismatched lengths", () => {
    expect(code(() => fitCox(X, { time: time.slice(1), event: event.slice(1) }))).toBe("BAD_USER_INPUT");
    expect(code(() => fitCox(X, { time, event: event.slice(1) }))).toBe("BAD_USER_INPUT");
    expect(code(() => kaplanMeier({ time, event }, ["a"]))).toBe("BAD_USER_INPUT");
  });
  it("non-finite values", () => {
    expect(code(() => fitCox(matrixFromRows(time.map((_, i) => [i === 3 ? NaN : i])), { time, event }))).toBe("BAD_USER_INPUT");
    expect(code(() => fitCox(X, { time: time.map((t, i) => (i === 2 ? Infinity : t)), event }))).toBe("BAD_USER_INPUT");
  });
  it("one group for the log-rank test", () => expect(code(() => logRankTest({ time, event }, time.map(() => "a")))).toBe("BAD_USER_INPUT"));
  it("too few events for CV folds", () => expect(code(() => penalisedCoxCv(X, { time, event: [1, 1, 0, 0, 0, 0, 0, 0, 0, 0] }, { seed: 1, folds: 5 }))).toBe("BAD_USER_INPUT"));
  it("separation → numerical error, not NaN", () => {
    // the covariate orders the event times perfectly: the unpenalised MLE is infinite
    const sep = matrixFromRows(time.map((t) => [-t]));
    expect(code(() => fitCox(sep, { time, event: time.map(() => 1) }))).toBe("NUMERICAL");
  });
});

describe("Kaplan–Meier never returns NaN", () => {
  it("S = 1 before the first event and S = 0 after the last patient dies: bounds = S", () => {
    const [c] = kaplanMeier({ time: [1, 2, 3, 4], event: [0, 1, 1, 1] }, ["a", "a", "a", "a"]);
    for (const arr of [c!.survival, c!.standardError, c!.ci95Lower, c!.ci95Upper]) for (const v of arr) expect(Number.isNaN(v)).toBe(false);
    expect(c!.ci95Lower[0]).toBe(1);
    expect(c!.ci95Upper[3]).toBe(0);
  });
});
