// Univariate Cox (Efron) per feature column with Benjamini–Hochberg q over the whole analysis.
import { benjaminiHochberg } from "../../stats/benjamini-hochberg.js";
import type { Matrix } from "../../stats/matrix.js";
import { StatsInputError } from "../../stats/stats-errors.js";
import { fitCox } from "./cox-fit.js";
import { checkCovariates, checkSurvival } from "./input-checks.js";
import type { SurvivalData, UnivariateCoxRow } from "./types.js";

export function univariateCox(X: Matrix, data: SurvivalData, names?: string[]): UnivariateCoxRow[] {
  checkSurvival(data, 2);
  checkCovariates(X, data.time.length);
  if (names && names.length !== X.cols) throw new StatsInputError("names must have one entry per column", { names: names.length, columns: X.cols });
  const n = X.rows, col = new Float64Array(n);
  const rows: UnivariateCoxRow[] = [];
  for (let j = 0; j < X.cols; j++) {
    for (let i = 0; i < n; i++) col[i] = X.data[i * X.cols + j]!;
    const name = names?.[j] ?? `x${j}`;
    const f = fitCox({ rows: n, cols: 1, data: col }, data, { names: [name] });
    rows.push({
      feature: j, name, coefficient: f.coefficients[0]!, standardError: f.standardErrors[0]!, z: f.z[0]!, p: f.p[0]!, q: NaN,
      hazardRatio: f.hazardRatios[0]!, hrLower: f.hrLower[0]!, hrUpper: f.hrUpper[0]!, concordance: f.concordance,
    });
  }
  const { q } = benjaminiHochberg(rows.map((r) => r.p));
  rows.forEach((r, j) => (r.q = q[j]!));
  return rows;
}
