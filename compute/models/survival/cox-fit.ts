// Cox proportional hazards, Efron ties, Newton–Raphson with step halving, optional elastic-net penalty
// in lifelines' convention: columns standardised (mean, sample SD with ddof = 1: lifelines uses pandas .std()) and the maximised objective is
//   ll(β̃) − n·λ·Σⱼ [ α·|β̃ⱼ|ₐ + (1−α)/2·β̃ⱼ² ],   β = β̃ / SD,  Cov(β) = (−∇²)⁻¹ / (SDⱼ SDₖ),
// where |x|ₐ = (log(1+e^{−ax}) + log(1+e^{ax}))/a is lifelines' smooth |·| with a = 1.3^iteration (so L1
// fits are close to, but not bit-identical with, lifelines', whose step schedule differs). Ridge is exact.
import type { Matrix } from "../../stats/matrix.js";
import { normalQuantile } from "../../stats/normal-quantile.js";
import { normalSf } from "../../stats/normal.js";
import { StatsInputError, StatsNumericalError } from "../../stats/stats-errors.js";
import { harrellConcordance } from "./concordance.js";
import { descendingTimeOrder, efronValues } from "./efron-partial-likelihood.js";
import { checkCovariates, checkSurvival } from "./input-checks.js";
import { invertSymmetric, solveSymmetric } from "./linear-algebra.js";
import { chiSquareSf } from "./log-rank.js";
import type { CoxFit, CoxOptions, SurvivalData } from "./types.js";

/** Standardised copy of X (n × p) and its column means / population SDs. */
export function standardiseColumns(X: Matrix): { Z: Float64Array; means: Float64Array; scales: Float64Array } {
  const { rows: n, cols: p, data } = X;
  const means = new Float64Array(p), scales = new Float64Array(p), Z = new Float64Array(n * p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) means[j]! += data[i * p + j]!;
  for (let j = 0; j < p; j++) means[j]! /= n;
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) scales[j]! += (data[i * p + j]! - means[j]!) ** 2;
  for (let j = 0; j < p; j++) scales[j] = Math.sqrt(scales[j]! / (n - 1)) || 1; // pandas std: ddof = 1, as lifelines
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) Z[i * p + j] = (data[i * p + j]! - means[j]!) / scales[j]!;
  return { Z, means, scales };
}

interface Penalty { value: number; grad: Float64Array; hess: Float64Array }

function penaltyAt(beta: Float64Array, n: number, lambda: number, alpha: number, a: number): Penalty {
  const p = beta.length, grad = new Float64Array(p), hess = new Float64Array(p);
  let value = 0;
  for (let j = 0; j < p; j++) {
    const b = beta[j]!;
    const softAbs = (Math.log1p(Math.exp(-Math.abs(a * b))) * 2 + Math.abs(a * b)) / a; // = (logaddexp(0,−ab)+logaddexp(0,ab))/a
    const th = Math.tanh((a * b) / 2);
    value += n * lambda * (alpha * softAbs + 0.5 * (1 - alpha) * b * b);
    grad[j] = n * lambda * (alpha * th + (1 - alpha) * b);
    hess[j] = n * lambda * (alpha * (a / 2) * (1 - th * th) + (1 - alpha));
  }
  return { value, grad, hess };
}

/** Fit a Cox model of X (n × p, rows = patients) on (time, event). */
export function fitCox(X: Matrix, data: SurvivalData, options: CoxOptions = {}): CoxFit {
  const n = data.time.length;
  const events = checkSurvival(data, 2);
  checkCovariates(X, n);
  const p = X.cols;
  const lambda = options.penalizer ?? 0, alpha = options.l1Ratio ?? 0;
  if (!(lambda >= 0) || !Number.isFinite(lambda)) throw new StatsInputError("penalizer must be a finite number ≥ 0", { penalizer: lambda });
  if (!(alpha >= 0 && alpha <= 1)) throw new StatsInputError("l1Ratio must be in [0, 1]", { l1Ratio: alpha });
  if (events < p + 1 && lambda === 0) throw new StatsInputError(`too few events (${events}) for ${p} unpenalised covariates; use a penalizer or fewer covariates`, { events, covariates: p });
  const maxIterations = options.maxIterations ?? 500, tolerance = options.tolerance ?? 1e-10;
  const names = options.names ?? Array.from({ length: p }, (_, j) => `x${j}`);
  const { Z, means, scales } = standardiseColumns(X);
  const order = descendingTimeOrder(data.time);
  const beta = new Float64Array(p);
  const objective = (b: Float64Array, it: number, withHessian: boolean) => {
    const v = efronValues(Z, n, p, data.time, data.event, order, b, withHessian);
    if (lambda > 0) {
      const pen = penaltyAt(b, n, lambda, alpha, 1.3 ** it);
      v.ll -= pen.value;
      for (let j = 0; j < p; j++) { v.gradient[j]! -= pen.grad[j]!; v.information[j * p + j]! += pen.hess[j]!; }
    }
    return v;
  };
  let current = objective(beta, 1, true);
  const nullLl = efronValues(Z, n, p, data.time, data.event, order, beta, false).ll;
  let iterations = 0, converged = false;
  while (iterations < maxIterations) {
    iterations++;
    const delta = solveSymmetric(current.information, current.gradient, p);
    let step = 1, next = current, trial = new Float64Array(p);
    for (let halvings = 0; halvings < 40; halvings++) {
      for (let j = 0; j < p; j++) trial[j] = beta[j]! + step * delta[j]!;
      next = objective(trial, iterations + 1, true);
      if (Number.isFinite(next.ll) && next.ll >= current.ll - 1e-12 * Math.abs(current.ll)) break;
      step /= 2; // step halving: never accept a step that lowers the objective
    }
    if (!Number.isFinite(next.ll)) throw new StatsNumericalError("Cox fit diverged (non-finite likelihood); a covariate may separate the events", { iteration: iterations });
    let norm = 0;
    for (let j = 0; j < p; j++) norm += (trial[j]! - beta[j]!) ** 2;
    beta.set(trial);
    const change = Math.abs(next.ll - current.ll);
    current = next;
    if (Math.sqrt(norm) < tolerance || (lambda === 0 && change < 1e-15 * Math.abs(current.ll))) { converged = true; break; }
  }
  if (!converged) throw new StatsNumericalError(`Cox fit did not converge in ${maxIterations} Newton steps (separation or collinearity?)`, { iterations: maxIterations });
  for (let j = 0; j < p; j++) if (Math.abs(beta[j]!) > 50) throw new StatsNumericalError(`Cox fit: coefficient of '${names[j]}' diverges (the covariate separates the events); use a penalizer`, { column: j });
  const cov = invertSymmetric(current.information, p);
  const z975 = normalQuantile(0.975);
  const coefficients = new Float64Array(p), se = new Float64Array(p), z = new Float64Array(p), pv = new Float64Array(p);
  const hr = new Float64Array(p), lo = new Float64Array(p), hi = new Float64Array(p), covariance = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    coefficients[j] = beta[j]! / scales[j]!;
    for (let k = 0; k < p; k++) covariance[j * p + k] = cov[j * p + k]! / (scales[j]! * scales[k]!);
    se[j] = Math.sqrt(covariance[j * p + j]!);
    z[j] = coefficients[j]! / se[j]!;
    pv[j] = 2 * normalSf(Math.abs(z[j]!));
    hr[j] = Math.exp(coefficients[j]!);
    lo[j] = Math.exp(coefficients[j]! - z975 * se[j]!);
    hi[j] = Math.exp(coefficients[j]! + z975 * se[j]!);
  }
  const eta = linearPredictorOf(Z, n, p, beta);
  const lrStat = 2 * (current.ll - nullLl);
  return {
    names, coefficients, standardErrors: se, z, p: pv, hazardRatios: hr, hrLower: lo, hrUpper: hi,
    logLikelihood: current.ll, nullLogLikelihood: nullLl,
    likelihoodRatio: lambda === 0 ? { statistic: lrStat, df: p, p: chiSquareSf(lrStat, p) } : null,
    concordance: harrellConcordance(data.time, data.event, eta), iterations, penalizer: lambda, l1Ratio: alpha,
    featureMeans: means, featureScales: scales, covariance, n, events,
  };
}

function linearPredictorOf(Z: Float64Array, n: number, p: number, beta: Float64Array): Float64Array {
  const eta = new Float64Array(n);
  for (let i = 0; i < n; i++) { let s = 0; for (let j = 0; j < p; j++) s += Z[i * p + j]! * beta[j]!; eta[i] = s; }
  return eta;
}

/** Linear predictor Σ βⱼ (xⱼ − meanⱼ) of each row of X (higher = higher hazard). */
export function coxLinearPredictor(fit: CoxFit, X: Matrix): Float64Array {
  const p = fit.coefficients.length;
  if (X.cols !== p) throw new StatsInputError(`X has ${X.cols} columns; the model has ${p}`, { columns: X.cols, coefficients: p });
  const eta = new Float64Array(X.rows);
  for (let i = 0; i < X.rows; i++) { let s = 0; for (let j = 0; j < p; j++) s += fit.coefficients[j]! * (X.data[i * p + j]! - fit.featureMeans[j]!); eta[i] = s; }
  return eta;
}
