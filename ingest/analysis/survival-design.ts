// The inputs of a survival analysis read from the graph: each patient's follow-up for the endpoint,
// stored feature values as a patients × features design, clinical covariates coded as numbers and
// genomic covariates from stored expression. Bad input is a BadUserInputError; nothing is written.
import { createHash } from "node:crypto";
import { BadUserInputError } from "../../compute/errors.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import type * as M from "../../graph-model/model/records.js";
import type { ClinicalAttributeValue } from "./clinical-target.js";
import type { ClinicalCovariate, SurvivalEndpoint } from "./survival-request.js";

export interface FollowUp {
  days: number;
  event: 0 | 1;
  source: string;
}

export function digest(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

function booleanOf(value: unknown): boolean | null {
  if (typeof value === "boolean") return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value === "string" && /^(true|false|1|0)$/i.test(value.trim())) return /^(true|1)$/i.test(value.trim());
  return null;
}

/** Patient id → follow-up for the endpoint; patients without both time and event are left out. */
export function followUpOf(patients: readonly M.Patient[], endpoint: SurvivalEndpoint): Map<string, FollowUp> {
  const out = new Map<string, FollowUp>();
  for (const p of patients) {
    if (endpoint === "OVERALL") {
      if (p.overallSurvivalDays === null || p.overallSurvivalEvent === null || !Number.isFinite(p.overallSurvivalDays) || p.overallSurvivalDays < 0) continue;
      out.set(p.id, { days: p.overallSurvivalDays, event: p.overallSurvivalEvent ? 1 : 0, source: `${p.source ?? "unknown"}${p.dataRelease ? ` ${p.dataRelease}` : ""}` });
    } else {
      const attributes = (p.clinicalAttributes ?? {}) as Record<string, ClinicalAttributeValue | undefined>;
      const days = Number(attributes.progressionFreeSurvivalDays?.value ?? Number.NaN);
      const event = booleanOf(attributes.progressionFreeSurvivalEvent?.value);
      if (!Number.isFinite(days) || days < 0 || event === null) continue;
      const entry = attributes.progressionFreeSurvivalDays!;
      out.set(p.id, { days, event: event ? 1 : 0, source: `${entry.source ?? "unknown"}${entry.dataRelease ? ` ${entry.dataRelease}` : ""}` });
    }
  }
  return out;
}

/** "Stage IIIA" → 3 (I…IV, letters and sub-stages ignored); null when not a stage. */
export function stageNumber(stage: string | null): number | null {
  const match = stage === null ? null : /\b(?:stage\s*)?(IV|III|II|I)[A-C]?\d?\b/i.exec(stage);
  return match ? ({ I: 1, II: 2, III: 3, IV: 4 } as Record<string, number>)[match[1]!.toUpperCase()]! : null;
}

function clinicalValue(p: M.Patient, covariate: ClinicalCovariate): number | null {
  if (covariate === "age") return p.ageAtDiagnosisYears ?? null;
  if (covariate === "stage") return stageNumber(p.stage);
  if (!p.sex) return null;
  const s = p.sex.toLowerCase();
  return s === "male" ? 1 : s === "female" ? 0 : null;
}

export interface Columns {
  names: string[];
  /** One array of values per column, in patient order. */
  values: number[][];
  dropped: { name: string; reason: string }[];
}

/** Clinical covariates of the patients (in order); one missing for a patient or constant is left out. */
export function clinicalColumns(patients: readonly M.Patient[], covariates: readonly ClinicalCovariate[]): Columns {
  const out: Columns = { names: [], values: [], dropped: [] };
  for (const c of covariates) {
    const values = patients.map((p) => clinicalValue(p, c));
    if (values.some((v) => v === null || !Number.isFinite(v))) out.dropped.push({ name: c, reason: `missing for ${values.filter((v) => v === null).length} patients` });
    else if (values.every((v) => v === values[0])) out.dropped.push({ name: c, reason: "constant over the patients" });
    else (out.names.push(c), out.values.push(values as number[]));
  }
  return out;
}

/** Genomic covariates: each gene's stored expression (z when stored, else value), or one pathway's mean z. */
export async function genomicColumns(store: GraphStore, patientIds: readonly string[], genes: readonly string[] | undefined, pathway: string | undefined): Promise<Columns & { sources: string[] }> {
  const out = { names: [] as string[], values: [] as number[][], dropped: [] as Columns["dropped"], sources: [] as string[] };
  if (!genes?.length && !pathway) return out;
  if (genes?.length && pathway) throw new BadUserInputError("give either genes or a pathway for the genomic block, not both");
  let symbols = genes ? [...new Set(genes)] : [];
  if (pathway) {
    symbols = ((await store.genesOfPathways([pathway])).get(pathway) ?? []).map((g) => g.symbol);
    if (!symbols.length) throw new BadUserInputError(`pathway '${pathway}' is not in the graph or has no member genes; ingest it first`, { pathway });
  }
  const expression = await store.expressionOf(patientIds, symbols);
  const sources = new Set<string>();
  const byGene = new Map<string, Map<string, number>>();
  for (const e of expression) {
    const v = e.z ?? e.value;
    if (v === null || !Number.isFinite(v)) continue;
    if (!byGene.has(e.geneSymbol)) byGene.set(e.geneSymbol, new Map());
    byGene.get(e.geneSymbol)!.set(e.patientId, v);
    sources.add(`${e.source ?? "unknown"}${e.dataRelease ? ` ${e.dataRelease}` : ""}`);
  }
  out.sources = [...sources].sort();
  const complete = symbols.filter((s) => patientIds.every((p) => byGene.get(s)?.has(p)));
  symbols.filter((s) => !complete.includes(s)).forEach((s) => out.dropped.push({ name: s, reason: "no stored expression for every patient" }));
  if (!complete.length) throw new BadUserInputError(`no gene of the genomic block has stored expression for every one of the ${patientIds.length} patients`, { genes: symbols });
  if (pathway) {
    out.names.push(`pathway:${pathway}`);
    out.values.push(patientIds.map((p) => complete.reduce((a, s) => a + byGene.get(s)!.get(p)!, 0) / complete.length));
  } else {
    for (const s of complete) {
      const values = patientIds.map((p) => byGene.get(s)!.get(p)!);
      if (values.every((v) => v === values[0])) out.dropped.push({ name: s, reason: "constant over the patients" });
      else (out.names.push(`gene:${s}`), out.values.push(values));
    }
  }
  return out;
}

export interface FeatureDesign {
  featureKeys: string[];
  featureNames: string[];
  values: number[][];
  dropped: { name: string; reason: string }[];
  featureDigest: string;
}

/** Stored feature values of the lesions (one per patient, in order), optionally only the named features. */
export async function featureColumns(store: GraphStore, lesions: ReadonlyArray<{ id: string }>, settingsHash: string, families: readonly string[] | undefined, only: readonly string[] | undefined, harmonised?: Map<string, M.LesionFeature[]>): Promise<FeatureDesign> {
  const stored = harmonised ?? (await store.featuresOfLesions(lesions.map((l) => l.id), settingsHash));
  const wanted = families ? new Set(families.map((f) => f.toLowerCase())) : null;
  const lists = lesions.map((l) => (stored.get(l.id) ?? []).filter((f) => !wanted || wanted.has((f.feature.family ?? "").toLowerCase())));
  const definitions = new Map(lists.flat().map((f) => [f.feature.key, f.feature]));
  if (!definitions.size) throw new BadUserInputError("no stored feature values for these lesions and settings; run computeFeatures first", { settingsHash });
  let keys = [...definitions.keys()].sort();
  if (only?.length) {
    const byName = new Map<string, string>();
    for (const [key, f] of definitions) (byName.set(key, key), f.name && byName.set(f.name, key));
    const unknown = only.filter((n) => !byName.has(n));
    if (unknown.length) throw new BadUserInputError(`unknown feature${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => `'${u}'`).join(", ")} for these lesions and settings; features that exist: ${[...new Set([...definitions.values()].map((f) => f.name ?? f.key))].sort().slice(0, 50).join(", ")}`, { unknown });
    keys = [...new Set(only.map((n) => byName.get(n)!))];
  }
  const byLesion = lists.map((list) => new Map(list.map((f) => [f.feature.key, f.value])));
  const out: FeatureDesign = { featureKeys: [], featureNames: [], values: [], dropped: [], featureDigest: "" };
  for (const key of keys) {
    const column = byLesion.map((m) => m.get(key) ?? Number.NaN);
    const name = definitions.get(key)!.name ?? key;
    if (column.some((v) => v === null || !Number.isFinite(v))) out.dropped.push({ name, reason: "undefined for some patient" });
    else if (column.every((v) => v === column[0])) out.dropped.push({ name, reason: "constant over the patients" });
    else (out.featureKeys.push(key), out.featureNames.push(name), out.values.push(column as number[]));
  }
  out.featureDigest = digest(lesions.map((l, i) => `${l.id}|${out.values.map((c) => c[i]).join(",")}`).join("\n"));
  return out;
}
