// Input checks shared by the logistic fits: shapes, 1/0 labels, both classes, no NaN, no constant column.
import type { Matrix } from "../../stats/matrix.js";
import { StatsInputError } from "../../stats/stats-errors.js";

/** Throws StatsInputError unless X (n × p) and y (n labels 1/0, both present) are usable; returns the positives. */
export function checkLogisticInput(X: Matrix, y: Uint8Array): number {
  if (X.rows !== y.length) {
    throw new StatsInputError("X must have one row per label (rows = patients, columns = features)", { rows: X.rows, labels: y.length });
  }
  if (X.cols === 0) throw new StatsInputError("X has no feature columns");
  let positives = 0;
  for (let i = 0; i < y.length; i++) {
    const label = y[i]!;
    if (label !== 0 && label !== 1) throw new StatsInputError("labels must be 1 (positive) or 0 (negative)", { index: i, value: label });
    positives += label;
  }
  if (positives === 0 || positives === y.length) {
    throw new StatsInputError(`a logistic model needs both classes; all ${y.length} patients have label ${positives === 0 ? 0 : 1}`, {
      n: y.length,
      positives,
    });
  }
  for (let k = 0; k < X.data.length; k++) {
    if (!Number.isFinite(X.data[k]!)) {
      const row = Math.floor(k / X.cols);
      throw new StatsInputError(
        `X has a missing or non-finite value at patient row ${row}, feature column ${k % X.cols}; impute it or drop the patient or feature first`,
        { row, column: k % X.cols, value: String(X.data[k]) },
      );
    }
  }
  return positives;
}

/**
 * Refuses a column that is constant over all rows (it carries no information; remove it first).
 * Columns constant only inside a training fold are allowed: their coefficient stays 0 there.
 */
export function refuseConstantColumns(X: Matrix): void {
  const constant: number[] = [];
  for (let j = 0; j < X.cols; j++) {
    const first = X.data[j]!;
    let same = true;
    for (let i = 1; i < X.rows && same; i++) same = X.data[i * X.cols + j] === first;
    if (same) constant.push(j);
  }
  if (constant.length > 0) {
    throw new StatsInputError(
      `${constant.length} feature column(s) are constant over all patients (first: column ${constant[0]}); remove them before fitting`,
      { columns: constant.slice(0, 20), count: constant.length },
    );
  }
}

export function checkL1Ratio(l1Ratio: number, allowRidge: boolean): void {
  const ok = allowRidge ? l1Ratio >= 0 && l1Ratio <= 1 : l1Ratio > 0 && l1Ratio <= 1;
  if (!ok) {
    throw new StatsInputError(
      allowRidge ? "l1Ratio must be in [0, 1] (1 = L1, 0 = ridge)" : "l1Ratio must be in (0, 1] (1 = L1, between = elastic net) for a λ path and CV",
      { l1Ratio },
    );
  }
}

export function checkPositiveInteger(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) throw new StatsInputError(`${name} must be an integer ≥ ${min}`, { [name]: value });
}
