// A continuous signature target dichotomised into "high" / "low": a numeric clinical attribute (e.g.
// TMB_NONSYNONYMOUS, progressionFreeSurvivalDays), a gene's expression (`expression:<SYMBOL>`,
// log2(TPM+1) of one source) or a pathway score (`pathway:<id>`, mean z of member genes' log2(TPM+1)
// across the patients, as for associations). high = value > threshold, the stated threshold or the
// median of the patients' values; the rule, threshold and its origin go into the signature's params.
import { BadUserInputError } from "../../compute/errors.js";
import { matrix, zScorePathwayScores } from "../../compute/stats/index.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import type * as M from "../../graph-model/model/records.js";
import { attributesOf, type ClinicalTarget } from "./clinical-target.js";
import { valuesOfOneSource } from "./expression-source-choice.js";

export interface DichotomyRequest {
  /** Stated threshold; omitted: the median of the patients' values. */
  threshold?: number;
  /** Expression source for `expression:` / `pathway:` targets when the cohort has several. */
  expressionSource?: string;
}

export interface Dichotomy {
  rule: "high = value > threshold, low otherwise";
  threshold: number;
  thresholdFrom: "stated" | "cohort median";
  values: string;
  high: number;
  low: number;
}

export type DichotomisedTarget = ClinicalTarget & { dichotomy: Dichotomy };

export async function dichotomisedTarget(store: GraphStore, patients: readonly M.Patient[], attribute: string, request: DichotomyRequest): Promise<DichotomisedTarget> {
  const { values, sources, description } = await continuousValues(store, patients, attribute, request);
  if (values.size < 2) throw new BadUserInputError(`target '${attribute}' has ${values.size} patient values in this cohort; dichotomising needs at least two`, { attribute, patients: values.size });
  if (request.threshold !== undefined && !Number.isFinite(request.threshold)) throw new BadUserInputError("threshold must be a finite number", { threshold: request.threshold });
  const threshold = request.threshold ?? median([...values.values()]);
  const labels = new Map([...values].map(([id, v]) => [id, v > threshold ? "high" : "low"]));
  const high = [...labels.values()].filter((l) => l === "high").length;
  return {
    attribute, labels, sources,
    dichotomy: { rule: "high = value > threshold, low otherwise", threshold, thresholdFrom: request.threshold === undefined ? "cohort median" : "stated", values: description, high, low: labels.size - high },
  };
}

async function continuousValues(store: GraphStore, patients: readonly M.Patient[], attribute: string, request: DichotomyRequest) {
  const ids = patients.map((p) => p.id);
  if (attribute.startsWith("expression:")) {
    const symbol = attribute.slice("expression:".length);
    const rows = valuesOfOneSource(await store.expressionOf(ids, [symbol], request.expressionSource), request.expressionSource);
    if (!rows.length) throw new BadUserInputError(`no expression values of '${symbol}' for this cohort`, { gene: symbol });
    const values = new Map(rows.filter((r) => r.value !== null && Number.isFinite(r.value)).map((r) => [r.patientId, r.value!]));
    return { values, sources: releases(rows), description: `log2(TPM+1) of ${symbol}` };
  }
  if (attribute.startsWith("pathway:")) return pathwayScores(store, ids, attribute.slice("pathway:".length), request);
  const values = new Map<string, number>();
  const sources = new Set<string>();
  let seen = 0;
  for (const patient of patients) {
    const entry = attributesOf(patient)[attribute];
    if (!entry) continue;
    seen++;
    if (typeof entry.value === "number" && Number.isFinite(entry.value)) values.set(patient.id, entry.value);
    sources.add(`${entry.source ?? "unknown"}${entry.dataRelease ? ` ${entry.dataRelease}` : ""}`);
  }
  if (seen === 0) {
    const available = [...new Set(patients.flatMap((p) => Object.keys(attributesOf(p))))].sort();
    throw new BadUserInputError(`unknown target attribute '${attribute}' for this cohort; attributes that exist: ${available.join(", ") || "(none)"}`, { attribute, available });
  }
  if (values.size < seen) throw new BadUserInputError(`target '${attribute}' is not numeric for ${seen - values.size} patients; only numbers can be dichotomised`, { attribute });
  return { values, sources: [...sources].sort(), description: attribute };
}

async function pathwayScores(store: GraphStore, ids: string[], pathwayId: string, request: DichotomyRequest) {
  const [pathway] = await store.pathways({ ids: [pathwayId] });
  if (!pathway) throw new BadUserInputError(`unknown pathway '${pathwayId}'`, { pathway: pathwayId });
  const genes = ((await store.genesOfPathways([pathwayId])).get(pathwayId) ?? []).map((g) => g.symbol).sort();
  const rows = valuesOfOneSource(await store.expressionOf(ids, genes, request.expressionSource), request.expressionSource);
  const patientIds = [...new Set(rows.map((r) => r.patientId))].sort();
  if (!patientIds.length) throw new BadUserInputError(`no expression values of pathway '${pathwayId}' members for this cohort`, { pathway: pathwayId });
  const row = new Map(genes.map((g, i) => [g, i]));
  const col = new Map(patientIds.map((p, i) => [p, i]));
  const data = new Float64Array(genes.length * patientIds.length).fill(Number.NaN);
  for (const r of rows) if (r.value !== null) data[row.get(r.geneSymbol)! * patientIds.length + col.get(r.patientId)!] = r.value;
  const scores = zScorePathwayScores(matrix(genes.length, patientIds.length, data), [genes.map((_, i) => i)]).scores;
  const values = new Map<string, number>();
  patientIds.forEach((id, s) => {
    const v = scores.data[s]!;
    if (Number.isFinite(v)) values.set(id, v);
  });
  return { values, sources: [...releases(rows), `${pathway.id}@${pathway.dataRelease ?? "?"}`], description: `mean z of ${pathwayId} members' log2(TPM+1)` };
}

function releases(rows: readonly M.Expression[]): string[] {
  return [...new Set(rows.map((r) => `${r.source ?? "unknown"}${r.dataRelease ? ` ${r.dataRelease}` : ""}`))].sort();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
