// Exports of a stored signature: its out-of-fold ROC curve (SVG), the coefficient table and the fold
// table (CSV/TSV through the shared Table writers). Read from the graph only; nothing is refitted.
import { NotFoundError, BadUserInputError } from "../../compute/errors.js";
import { foldTable, signatureCoefficientTable } from "../../compute/export/model-tables.js";
import { rocCurvesSvg } from "../../compute/export/roc-curves-svg.js";
import type { Table } from "../../compute/export/table.js";
import { rocCurve } from "../../compute/stats/index.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import type * as M from "../../graph-model/model/records.js";

interface StoredResult {
  auc: number;
  ci95: [number, number];
  outOfFoldScores: number[];
  finalModel: { intercept: number };
  folds: Array<{ repeat: number; fold: number; testIndices: number[]; chosenLambda: number; selectedFeatures: number[]; coefficients: number[]; auc: number }>;
}

async function load(store: GraphStore, id: string): Promise<{ signature: M.Signature; result: StoredResult; features: M.SignatureFeature[]; outcome: number[] }> {
  const [signature] = await store.signaturesByIds([id]);
  if (!signature) throw new NotFoundError("Signature", id);
  const features = (await store.signatureFeatures([id])).get(id) ?? [];
  const outcome = ((signature.params ?? {}) as { outcome?: number[] }).outcome;
  if (!outcome) throw new BadUserInputError(`signature '${id}' records no outcome per patient`);
  return { signature, result: signature.result as StoredResult, features, outcome };
}

function comments(signature: M.Signature, result: StoredResult): string[] {
  return [`signature ${signature.id}`, `target ${signature.target}`, `out-of-fold AUC ${result.auc.toFixed(4)} (95% CI ${result.ci95.map((v) => v.toFixed(4)).join("–")})`, `created ${signature.createdAt}`];
}

export async function signatureRocSvg(store: GraphStore, id: string): Promise<string> {
  const { signature, result, outcome } = await load(store, id);
  const curve = rocCurve(result.outOfFoldScores, outcome);
  return rocCurvesSvg([{ label: `${signature.target} (out-of-fold)`, fpr: curve.fpr, tpr: curve.tpr, auc: result.auc }], { title: `ROC, signature ${signature.target}` });
}

export async function signatureCoefficients(store: GraphStore, id: string): Promise<Table> {
  const { signature, result, features } = await load(store, id);
  return signatureCoefficientTable(
    { features: features.map((f) => f.feature.name ?? f.featureKey), coefficients: features.map((f) => f.coefficient ?? 0), intercept: result.finalModel.intercept, selectionFrequency: features.map((f) => f.selectionFrequency ?? 0) },
    comments(signature, result),
  );
}

export async function signatureFolds(store: GraphStore, id: string): Promise<Table> {
  const { signature, result, features, outcome } = await load(store, id);
  const n = outcome.length;
  const rows = result.folds.map((f) => {
    const test = new Set(f.testIndices);
    const selected = f.selectedFeatures.filter((_, k) => f.coefficients[k] !== 0);
    return { repeat: f.repeat, fold: f.fold, trainIndices: Array.from({ length: n }, (_, i) => i).filter((i) => !test.has(i)), testIndices: f.testIndices, chosenLambda: f.chosenLambda, selectedFeatures: selected, auc: f.auc };
  });
  return foldTable(rows, features.map((f) => f.feature.name ?? f.featureKey), comments(signature, result));
}
