// λ path: λmax = max_j |(1/n) Σᵢ xᵢⱼ (yᵢ − ȳ)| / max(α, 10⁻³) is the smallest λ at which every
// coefficient is 0 (the KKT condition at β = 0, β₀ = logit ȳ); then count values log-spaced down to
// λmax · minRatio (glmnet's construction; α floored at 10⁻³ as glmnet does for ridge).
import type { Matrix } from "../../stats/matrix.js";
import { StatsInputError } from "../../stats/stats-errors.js";
import { buildDesign, labelsOf, type Design } from "./design.js";
import { checkL1Ratio, checkLogisticInput, checkPositiveInteger } from "./input-checks.js";
import type { LambdaPathOptions } from "./types.js";

export function lambdaPath(X: Matrix, y: Uint8Array, options: LambdaPathOptions): Float64Array {
  checkLogisticInput(X, y);
  const design = buildDesign(X, null, null, options.standardize ?? true);
  return lambdaPathOfDesign(design, labelsOf(y, null), options);
}

export function lambdaPathOfDesign(design: Design, y: Float64Array, options: LambdaPathOptions): Float64Array {
  checkL1Ratio(options.l1Ratio, true);
  const count = options.count ?? 50;
  const minRatio = options.minRatio ?? 1e-3;
  checkPositiveInteger("lambda count", count, 1);
  if (!(minRatio > 0 && minRatio < 1)) throw new StatsInputError("lambda minRatio must be in (0, 1)", { minRatio });
  const { n, p, xs } = design;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += y[i]!;
  mean /= n;
  let gMax = 0;
  for (let j = 0; j < p; j++) {
    let g = 0;
    const base = j * n;
    for (let i = 0; i < n; i++) g += xs[base + i]! * (y[i]! - mean);
    gMax = Math.max(gMax, Math.abs(g / n));
  }
  if (gMax === 0) throw new StatsInputError("no feature varies with the labels on these rows (all columns constant), so there is no λ path");
  const lambdaMax = gMax / Math.max(options.l1Ratio, 1e-3);
  const path = new Float64Array(count);
  for (let k = 0; k < count; k++) path[k] = lambdaMax * Math.pow(minRatio, count === 1 ? 0 : k / (count - 1));
  return path;
}
