// Fits a λ path on training rows (warm starts, largest λ first) and scores held-out rows at every λ.
// As glmnet, the path stops early once the fit explains > 99.9 % of the null deviance (near
// separation, where smaller λ only inflate the coefficients); later λ reuse the last fit's scores.
import type { Matrix } from "../../stats/matrix.js";
import { LogisticPathSolver, type SolverSettings } from "./coordinate-descent.js";
import type { Design } from "./design.js";

const MAX_DEVIANCE_EXPLAINED = 0.999;

/** scores[k·m + i] = linear predictor of held-out row i at path[k]. */
export function scoreAlongPath(
  design: Design,
  yTrain: Float64Array,
  columns: ArrayLike<number>,
  alpha: number,
  path: Float64Array,
  settings: SolverSettings,
  X: Matrix,
  heldOut: ArrayLike<number>,
): Float64Array {
  const m = heldOut.length;
  const scores = new Float64Array(path.length * m);
  const solver = new LogisticPathSolver(design, yTrain, alpha, settings);
  const coef = new Float64Array(design.p);
  const nonZero = new Int32Array(design.p);
  let stoppedAt = path.length;
  for (let k = 0; k < path.length; k++) {
    solver.fitAt(path[k]!);
    let intercept = solver.intercept;
    let count = 0;
    for (let j = 0; j < design.p; j++) {
      const b = solver.beta[j]!;
      if (b === 0) continue;
      coef[j] = b / design.scales[j]!;
      intercept -= coef[j]! * design.means[j]!;
      nonZero[count++] = j;
    }
    const stride = X.cols;
    for (let i = 0; i < m; i++) {
      const base = heldOut[i]! * stride;
      let s = intercept;
      for (let c = 0; c < count; c++) {
        const j = nonZero[c]!;
        s += coef[j]! * X.data[base + columns[j]!]!;
      }
      scores[k * m + i] = s;
    }
    if (1 - solver.deviance() / solver.nullDeviance > MAX_DEVIANCE_EXPLAINED) {
      stoppedAt = k + 1;
      break;
    }
  }
  for (let k = stoppedAt; k < path.length; k++) scores.copyWithin(k * m, (stoppedAt - 1) * m, stoppedAt * m);
  return scores;
}
