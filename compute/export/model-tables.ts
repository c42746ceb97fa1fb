// Tables of a fitted signature and of its cross-validation folds, in the Table shape the CSV and TSV
// writers take (table.ts): the "coefficient table" and "fold table" of issue #13's exports. Inputs are
// plain data structurally compatible with compute/models (LogisticFit / NestedCvResult / OuterFold).
import type { Cell, Table } from "./table.js";

export interface SignatureCoefficientInput {
  /** Names of all candidate features (the columns of X). */
  features: readonly string[];
  /** The final model's coefficients, on the original scale. */
  coefficients: ArrayLike<number>;
  /** Which of `features` each coefficient belongs to (NestedCvResult.finalFeatures); default: all, in order. */
  modelFeatures?: ArrayLike<number>;
  /** Logistic intercept; omit for Cox models. */
  intercept?: number;
  /** Per entry of `features`: share of outer folds with a non-zero coefficient. */
  selectionFrequency?: ArrayLike<number>;
}

/**
 * One row per candidate feature: non-zero coefficients first by |coefficient| descending, then the
 * unselected ones in input order (coefficient 0; null when the feature did not reach the final model),
 * the intercept first when given.
 */
export function signatureCoefficientTable(input: SignatureCoefficientInput, comments: string[] = []): Table {
  const { features, coefficients } = input;
  const modelFeatures = input.modelFeatures ?? Uint32Array.from(features.keys());
  if (modelFeatures.length !== coefficients.length) throw new RangeError(`${coefficients.length} coefficients for ${modelFeatures.length} model features`);
  if (input.selectionFrequency && input.selectionFrequency.length !== features.length) {
    throw new RangeError(`selectionFrequency has ${input.selectionFrequency.length} values for ${features.length} features`);
  }
  const coefficientOf = new Map<number, number>();
  for (let k = 0; k < modelFeatures.length; k++) {
    const f = modelFeatures[k]!;
    if (!(f >= 0 && f < features.length)) throw new RangeError(`model feature index ${f} outside the ${features.length} features`);
    coefficientOf.set(f, coefficients[k]!);
  }
  const order = [...features.keys()].sort((a, b) => {
    const ca = Math.abs(coefficientOf.get(a) ?? 0);
    const cb = Math.abs(coefficientOf.get(b) ?? 0);
    return cb - ca || a - b;
  });
  const columns = ["feature", "coefficient", "selected", ...(input.selectionFrequency ? ["selection_frequency"] : [])];
  const rows: Cell[][] = [];
  if (input.intercept !== undefined) rows.push(["(intercept)", input.intercept, null, ...(input.selectionFrequency ? [null] : [])]);
  for (const f of order) {
    const c = coefficientOf.get(f);
    rows.push([features[f]!, c ?? null, c !== undefined && c !== 0 ? "yes" : "no", ...(input.selectionFrequency ? [input.selectionFrequency[f]!] : [])]);
  }
  return { comments, columns, rows };
}

export interface FoldRowInput {
  repeat?: number;
  fold: number;
  trainIndices: ArrayLike<number>;
  testIndices: ArrayLike<number>;
  chosenLambda?: number;
  /** Columns of X with a non-zero coefficient in this fold's model. */
  selectedFeatures?: ArrayLike<number>;
  /** The fold's out-of-sample AUC (logistic) … */
  auc?: number;
  /** … or concordance (Cox). */
  concordance?: number;
}

/** One row per outer fold: repeat, fold, sizes, λ, how many and which features were selected, the fold's metric. */
export function foldTable(folds: readonly FoldRowInput[], featureNames: readonly string[] = [], comments: string[] = []): Table {
  const has = (key: keyof FoldRowInput) => folds.some((f) => f[key] !== undefined);
  const columns = [
    "repeat",
    "fold",
    "train_size",
    "test_size",
    ...(has("chosenLambda") ? ["chosen_lambda"] : []),
    ...(has("selectedFeatures") ? ["selected_count", "selected_features"] : []),
    ...(has("auc") ? ["auc"] : []),
    ...(has("concordance") ? ["c_index"] : []),
  ];
  const rows = folds.map((f): Cell[] => {
    const selected = f.selectedFeatures ? Array.from(f.selectedFeatures, (i) => featureNames[i] ?? `#${i}`) : null;
    return [
      f.repeat ?? 0,
      f.fold,
      f.trainIndices.length,
      f.testIndices.length,
      ...(has("chosenLambda") ? [f.chosenLambda ?? null] : []),
      ...(has("selectedFeatures") ? [selected ? selected.length : null, selected ? selected.join("; ") : null] : []),
      ...(has("auc") ? [f.auc ?? null] : []),
      ...(has("concordance") ? [f.concordance ?? null] : []),
    ];
  });
  return { comments, columns, rows };
}
