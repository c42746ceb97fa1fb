// One penalised logistic fit at one λ.
//
// Objective (glmnet's): (1/n) Σᵢ [log(1 + e^ηᵢ) − yᵢηᵢ] + λ [(1−α)/2 ‖β‖² + α ‖β‖₁], intercept free.
// scikit-learn 1.9's LogisticRegression(solver="saga", l1_ratio=α, C) minimises
//   Σᵢ loss + (1/C) [(1−α)/2 ‖β‖² + α ‖β‖₁]   (sag_solver: alpha = (1−α)/C, beta = α/C, both divided by n)
// which is n times ours with λ = 1/(n·C), i.e. C = 1/(n·λ); the intercept is unpenalised in both.
// With standardize = true the penalty applies to standardised columns (as glmnet, = sklearn on
// StandardScaler output) and the coefficients are mapped back: βⱼ = βⱼˢ / sⱼ, β₀ = β₀ˢ − Σ βⱼ mⱼ.
import type { Matrix } from "../../stats/matrix.js";
import { StatsInputError } from "../../stats/stats-errors.js";
import { LogisticPathSolver, type SolverSettings } from "./coordinate-descent.js";
import { buildDesign, labelsOf, type Design } from "./design.js";
import { checkL1Ratio, checkLogisticInput, checkPositiveInteger, refuseConstantColumns } from "./input-checks.js";
import type { LogisticFit, PenalisedLogisticOptions } from "./types.js";

export const DEFAULT_MAX_ITERATIONS = 100_000;
export const DEFAULT_TOLERANCE = 1e-16;

export function solverSettings(options: { maxIterations?: number; tolerance?: number }, defaultTolerance = DEFAULT_TOLERANCE): SolverSettings {
  const s = { maxIterations: options.maxIterations ?? DEFAULT_MAX_ITERATIONS, tolerance: options.tolerance ?? defaultTolerance };
  checkPositiveInteger("maxIterations", s.maxIterations, 1);
  if (!(s.tolerance > 0)) throw new StatsInputError("tolerance must be > 0", { tolerance: s.tolerance });
  return s;
}

/** Fits at one λ; refuses NaN, a single class, a constant column and invalid options. */
export function fitPenalisedLogistic(X: Matrix, y: Uint8Array, options: PenalisedLogisticOptions): LogisticFit {
  checkLogisticInput(X, y);
  refuseConstantColumns(X);
  checkL1Ratio(options.l1Ratio, true);
  if (!(options.lambda >= 0) || !Number.isFinite(options.lambda)) throw new StatsInputError("lambda must be a finite number ≥ 0", { lambda: options.lambda });
  const settings = solverSettings(options);
  const design = buildDesign(X, null, null, options.standardize ?? true);
  const solver = new LogisticPathSolver(design, labelsOf(y, null), options.l1Ratio, settings);
  solver.fitAt(options.lambda);
  return toOriginalScale(solver, design, options.lambda, options.l1Ratio);
}

/** The solver's current state as a LogisticFit on the original feature scale. */
export function toOriginalScale(solver: LogisticPathSolver, design: Design, lambda: number, l1Ratio: number): LogisticFit {
  const coefficients = new Float64Array(design.p);
  let intercept = solver.intercept;
  for (let j = 0; j < design.p; j++) {
    const b = solver.beta[j]! / design.scales[j]!;
    coefficients[j] = b;
    intercept -= b * design.means[j]!;
  }
  return {
    intercept,
    coefficients,
    lambda,
    l1Ratio,
    iterations: solver.sweeps,
    converged: solver.converged,
    featureMeans: design.means,
    featureScales: design.scales,
  };
}
