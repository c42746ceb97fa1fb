// One training set's whole modelling procedure, the unit nested CV evaluates: pre-filter on the
// training rows, λ path on them, λ chosen by inner stratified k-fold CV (each inner fold re-runs
// the pre-filter on its own training part), then the fit on all training rows at the chosen λ.
// Inner criterion: "deviance" = binomial deviance 2 Σ [log(1+e^s) − y s] of the held-out rows,
// summed over the inner folds, per patient (lower is better); "auc" = mean inner-fold AUC (higher
// is better). Ties go to the larger λ (the sparser model).
import type { Matrix } from "../../stats/matrix.js";
import { rocAuc } from "../../stats/roc-auc.js";
import { stratifiedKFold } from "../../stats/stratified-k-fold.js";
import { LogisticPathSolver, logisticLoss, type SolverSettings } from "./coordinate-descent.js";
import { buildDesign, labelsOf } from "./design.js";
import { lambdaPathOfDesign } from "./lambda-path.js";
import { toOriginalScale } from "./penalised-logistic.js";
import { scoreAlongPath } from "./path-scores.js";
import { preFilterColumns } from "./pre-filter.js";
import type { InnerCriterion, LogisticFit } from "./types.js";

export interface ProcedureSettings {
  innerFolds: number;
  l1Ratio: number;
  lambdaCount: number;
  lambdaMinRatio: number;
  keep: number | null;
  innerCriterion: InnerCriterion;
  standardize: boolean;
  cv: SolverSettings;
}

export interface SelectedModel {
  columns: Uint32Array;
  path: Float64Array;
  criterion: Float64Array;
  /** Held-out rows (indices into X) of each inner fold. */
  innerTestIndices: Uint32Array[];
  chosenIndex: number;
  fit: LogisticFit;
}

function columnsFor(X: Matrix, y: Uint8Array, rows: Uint32Array, keep: number | null): Uint32Array {
  return keep === null ? Uint32Array.from({ length: X.cols }, (_, j) => j) : preFilterColumns(X, y, rows, keep);
}

/** Runs the procedure on `rows` of X; `seed` fixes the inner folds; `fitSettings` the final fit's solver. */
export function selectAndFit(
  X: Matrix,
  y: Uint8Array,
  rows: Uint32Array,
  s: ProcedureSettings,
  seed: number,
  fitSettings: SolverSettings = s.cv,
): SelectedModel {
  const columns = columnsFor(X, y, rows, s.keep);
  const design = buildDesign(X, rows, columns, s.standardize);
  const yRows = labelsOf(y, rows);
  const path = lambdaPathOfDesign(design, yRows, { l1Ratio: s.l1Ratio, count: s.lambdaCount, minRatio: s.lambdaMinRatio });
  const innerFolds = stratifiedKFold(yRows, s.innerFolds, seed).map((fold) => fold.map((local) => rows[local]!));
  const criterion = innerCriterion(X, y, rows, innerFolds, path, s);
  let chosenIndex = 0;
  for (let k = 1; k < path.length; k++) {
    const better = s.innerCriterion === "deviance" ? criterion[k]! < criterion[chosenIndex]! : criterion[k]! > criterion[chosenIndex]!;
    if (better) chosenIndex = k;
  }
  const solver = new LogisticPathSolver(design, yRows, s.l1Ratio, fitSettings);
  for (let k = 0; k <= chosenIndex; k++) solver.fitAt(path[k]!);
  return { columns, path, criterion, innerTestIndices: innerFolds, chosenIndex, fit: toOriginalScale(solver, design, path[chosenIndex]!, s.l1Ratio) };
}

function innerCriterion(X: Matrix, y: Uint8Array, rows: Uint32Array, folds: Uint32Array[], path: Float64Array, s: ProcedureSettings): Float64Array {
  const total = new Float64Array(path.length);
  const inFold = new Uint8Array(X.rows);
  for (const heldOut of folds) {
    for (const row of heldOut) inFold[row] = 1;
    const trainRows = rows.filter((row) => inFold[row] === 0);
    for (const row of heldOut) inFold[row] = 0;
    const columns = columnsFor(X, y, trainRows, s.keep);
    const design = buildDesign(X, trainRows, columns, s.standardize);
    const scores = scoreAlongPath(design, labelsOf(y, trainRows), columns, s.l1Ratio, path, s.cv, X, heldOut);
    const m = heldOut.length;
    const labels = labelsOf(y, heldOut);
    for (let k = 0; k < path.length; k++) {
      const sk = scores.subarray(k * m, (k + 1) * m);
      if (s.innerCriterion === "deviance") {
        let dev = 0;
        for (let i = 0; i < m; i++) dev += 2 * logisticLoss(sk[i]!, labels[i]!);
        total[k] = total[k]! + dev / rows.length;
      } else {
        total[k] = total[k]! + rocAuc(sk, labels) / folds.length;
      }
    }
  }
  return total;
}
