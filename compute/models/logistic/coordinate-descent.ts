// Penalised logistic regression by proximal Newton / IRLS with cyclic coordinate descent, as glmnet
// (Friedman, Hastie & Tibshirani 2010, J. Stat. Softw. 33(1)):
//   minimise  f(β₀, β) = (1/n) Σᵢ [log(1 + e^ηᵢ) − yᵢηᵢ] + λ [(1−α)/2 ‖β‖² + α ‖β‖₁],  ηᵢ = β₀ + xᵢ·β.
// Each IRLS step takes weights wᵢ = pᵢ(1−pᵢ) (floored at 1e-5; the fixed point is the exact optimum
// whatever the floor, because the working residual wᵢ(zᵢ−ηᵢ) = yᵢ − pᵢ) and solves the weighted
// lasso by coordinate descent, βⱼ ← S((1/n)Σ xᵢⱼrᵢ + vⱼβⱼ, λα) / (vⱼ + λ(1−α)), vⱼ = (1/n)Σ wᵢxᵢⱼ²,
// S = soft-thresholding, sweeping all features then only the active ones until stable. A step that
// raises f is halved (backtracking), so f never increases. Warm starts: the state carries over to
// the next, smaller λ of a path.
import { StatsNumericalError } from "../../stats/stats-errors.js";
import type { Design } from "./design.js";

const WEIGHT_FLOOR = 1e-5;
const MAX_IRLS_STEPS = 200;
const MAX_HALVINGS = 40;

export interface SolverSettings {
  maxIterations: number;
  tolerance: number;
}

/** softplus(η) − yη = −log-likelihood of one row, computed without overflow. */
export function logisticLoss(eta: number, y: number): number {
  const softplus = eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
  return softplus - y * eta;
}

function sigmoid(eta: number): number {
  return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
}

export class LogisticPathSolver {
  intercept: number;
  /** Coefficients on the design's (standardised) scale. */
  readonly beta: Float64Array;
  /** Coordinate-descent sweeps used in total. */
  sweeps = 0;
  converged = true;
  private readonly eta: Float64Array;
  private readonly w: Float64Array;
  private readonly r: Float64Array;
  private readonly v: Float64Array;
  private readonly vStamp: Int32Array;
  private stamp = 0;
  private readonly previous: Float64Array;
  private readonly active: Int32Array;
  private readonly isActive: Uint8Array;
  private activeCount = 0;
  readonly nullDeviance: number;

  constructor(
    private readonly design: Design,
    private readonly y: Float64Array,
    private readonly alpha: number,
    private readonly settings: SolverSettings,
  ) {
    const { n, p } = design;
    let positives = 0;
    for (let i = 0; i < n; i++) positives += y[i]!;
    const mean = positives / n;
    this.intercept = Math.log(mean / (1 - mean));
    this.beta = new Float64Array(p);
    this.eta = new Float64Array(n).fill(this.intercept);
    this.w = new Float64Array(n);
    this.r = new Float64Array(n);
    this.v = new Float64Array(p);
    this.vStamp = new Int32Array(p).fill(-1);
    this.previous = new Float64Array(p);
    this.active = new Int32Array(p);
    this.isActive = new Uint8Array(p);
    this.nullDeviance = 2 * n * this.loss();
  }

  /** (1/n) Σ loss at the current η. */
  loss(): number {
    let s = 0;
    for (let i = 0; i < this.design.n; i++) s += logisticLoss(this.eta[i]!, this.y[i]!);
    return s / this.design.n;
  }

  /** Deviance 2 Σ loss at the current state. */
  deviance(): number {
    return 2 * this.design.n * this.loss();
  }

  private penalty(lambda: number, beta: Float64Array): number {
    let l1 = 0;
    let l2 = 0;
    for (let k = 0; k < this.activeCount; k++) {
      const b = beta[this.active[k]!]!;
      l1 += Math.abs(b);
      l2 += b * b;
    }
    return lambda * (((1 - this.alpha) / 2) * l2 + this.alpha * l1);
  }

  /** Gradient |(1/n) Σ xᵢⱼ(yᵢ − pᵢ)| of every column at the current state (for λmax and KKT checks). */
  gradientMagnitudes(): Float64Array {
    const { n, p, xs } = this.design;
    for (let i = 0; i < n; i++) this.r[i] = this.y[i]! - sigmoid(this.eta[i]!);
    const g = new Float64Array(p);
    for (let j = 0; j < p; j++) {
      let s = 0;
      const base = j * n;
      for (let i = 0; i < n; i++) s += xs[base + i]! * this.r[i]!;
      g[j] = Math.abs(s / n);
    }
    return g;
  }

  /** Solves at λ, warm-started from the current state. */
  fitAt(lambda: number): void {
    const n = this.design.n;
    const l1 = lambda * this.alpha;
    const l2 = lambda * (1 - this.alpha);
    const tol = this.settings.tolerance;
    let objective = this.loss() + this.penalty(lambda, this.beta);
    this.converged = false;
    for (let step = 0; step < MAX_IRLS_STEPS; step++) {
      let sumW = 0;
      for (let i = 0; i < n; i++) {
        const prob = sigmoid(this.eta[i]!);
        const w = Math.max(prob * (1 - prob), WEIGHT_FLOOR);
        this.w[i] = w;
        sumW += w;
        this.r[i] = this.y[i]! - prob;
      }
      this.stamp++;
      this.previous.set(this.beta);
      const previousIntercept = this.intercept;
      const budgetLeft = this.weightedLasso(l1, l2, sumW / n);
      this.recomputeEta();
      let next = this.loss() + this.penalty(lambda, this.beta);
      for (let h = 0; next > objective + 1e-15 * Math.abs(objective) && h < MAX_HALVINGS; h++) {
        this.halveStep(previousIntercept);
        next = this.loss() + this.penalty(lambda, this.beta);
      }
      if (!Number.isFinite(next)) {
        throw new StatsNumericalError("penalised logistic fit diverged (non-finite objective)", { lambda, step });
      }
      let change = (sumW / n) * (this.intercept - previousIntercept) ** 2;
      for (let k = 0; k < this.activeCount; k++) {
        const j = this.active[k]!;
        change = Math.max(change, this.v[j]! * (this.beta[j]! - this.previous[j]!) ** 2);
      }
      objective = next;
      if (change < tol) {
        this.converged = true;
        break;
      }
      if (!budgetLeft) break;
    }
  }

  /** Coordinate descent on the weighted least-squares subproblem; false when the sweep budget ran out. */
  private weightedLasso(l1: number, l2: number, meanW: number): boolean {
    const tol = this.settings.tolerance;
    while (this.sweeps < this.settings.maxIterations) {
      const full = this.sweep(true, l1, l2, meanW);
      if (full < tol) return true;
      for (;;) {
        if (this.sweeps >= this.settings.maxIterations) return false;
        if (this.sweep(false, l1, l2, meanW) < tol) break;
      }
    }
    return false;
  }

  /** One cyclic pass over all (or only the active) features and the intercept; returns max vⱼΔⱼ². */
  private sweep(all: boolean, l1: number, l2: number, meanW: number): number {
    this.sweeps++;
    const { n, p, xs } = this.design;
    const r = this.r;
    const w = this.w;
    const invN = 1 / n;
    let maxChange = 0;
    const count = all ? p : this.activeCount;
    for (let k = 0; k < count; k++) {
      const j = all ? k : this.active[k]!;
      const base = j * n;
      let g = 0;
      for (let i = 0; i < n; i++) g += xs[base + i]! * r[i]!;
      g *= invN;
      const bj = this.beta[j]!;
      if (bj === 0 && Math.abs(g) <= l1) continue;
      let vj = this.v[j]!;
      if (this.vStamp[j] !== this.stamp) {
        vj = 0;
        for (let i = 0; i < n; i++) {
          const x = xs[base + i]!;
          vj += w[i]! * x * x;
        }
        vj *= invN;
        this.v[j] = vj;
        this.vStamp[j] = this.stamp;
      }
      if (vj === 0) continue; // a constant (all-zero) column
      const u = g + vj * bj;
      const shrunk = u > l1 ? u - l1 : u < -l1 ? u + l1 : 0;
      const bNew = shrunk / (vj + l2);
      const d = bNew - bj;
      if (d === 0) continue;
      this.beta[j] = bNew;
      if (this.isActive[j] === 0) {
        this.isActive[j] = 1;
        this.active[this.activeCount++] = j;
      }
      for (let i = 0; i < n; i++) r[i] = r[i]! - d * w[i]! * xs[base + i]!;
      maxChange = Math.max(maxChange, vj * d * d);
    }
    let sr = 0;
    for (let i = 0; i < n; i++) sr += r[i]!;
    const d0 = sr / (meanW * n);
    if (d0 !== 0) {
      this.intercept += d0;
      for (let i = 0; i < n; i++) r[i] = r[i]! - d0 * w[i]!;
      maxChange = Math.max(maxChange, meanW * d0 * d0);
    }
    return maxChange;
  }

  private recomputeEta(): void {
    const { n, xs } = this.design;
    this.eta.fill(this.intercept);
    for (let k = 0; k < this.activeCount; k++) {
      const j = this.active[k]!;
      const b = this.beta[j]!;
      if (b === 0) continue;
      const base = j * n;
      for (let i = 0; i < n; i++) this.eta[i] = this.eta[i]! + b * xs[base + i]!;
    }
  }

  /** Moves the state halfway back to the previous IRLS iterate (previous + Δ → previous + Δ/2). */
  private halveStep(previousIntercept: number): void {
    this.intercept = previousIntercept + (this.intercept - previousIntercept) / 2;
    for (let k = 0; k < this.activeCount; k++) {
      const j = this.active[k]!;
      this.beta[j] = this.previous[j]! + (this.beta[j]! - this.previous[j]!) / 2;
    }
    this.recomputeEta();
  }

  /** Non-zero coefficients. */
  nonZeroCount(): number {
    let c = 0;
    for (let k = 0; k < this.activeCount; k++) if (this.beta[this.active[k]!] !== 0) c++;
    return c;
  }
}
