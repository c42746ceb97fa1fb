// ComBat harmonisation of a cohort's stored feature values over a batch chosen from the acquisitions
// (compute/harmonisation), stored as a named Harmonisation with its batches, covariates, estimates,
// per-feature Kruskal–Wallis before/after and the harmonised value matrix. `prepare` reads and checks
// everything (bad input → BAD_USER_INPUT, nothing stored) and names the answer; `run` fits and stores it.
import { createHash } from "node:crypto";
import { BadUserInputError } from "../../compute/errors.js";
import { batchEffectDiagnostics, type CombatCovariates } from "../../compute/harmonisation/index.js";
import { inlineModelRunners, type CombatRunner } from "./model-runners.js";
import { combatDesign } from "../../compute/harmonisation/combat-design.js";
import { matrix, type Matrix } from "../../compute/stats/index.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import type * as M from "../../graph-model/model/records.js";
import { settingsKey } from "../features/feature-settings-key.js";
import { clinicalTarget } from "./clinical-target.js";
import { batchLabel, checkBatchDefinition } from "./harmonisation-batch.js";
import { HARMONISATION_METHOD, type HarmonisationRequest, type PreservedCovariate } from "./harmonisation-request.js";
import { firstLesionPerPatient } from "./lesion-feature-matrix.js";


type Lesion = M.Lesion & { patientId: string };

export interface PreparedHarmonisation {
  id: string;
  /** The stored answer to the same question, if there is one. */
  stored: M.Harmonisation | null;
  patients: number;
  features: number;
  run(): Promise<M.Harmonisation>;
}

export class HarmonisationService {
  constructor(
    private readonly store: GraphStore,
    private readonly now: () => Date = () => new Date(),
    private readonly runner: CombatRunner = inlineModelRunners.combat,
  ) {}

  async prepare(request: HarmonisationRequest): Promise<PreparedHarmonisation> {
    if (!request.name?.trim()) throw new BadUserInputError("a harmonisation needs a name");
    checkBatchDefinition(request.batch);
    const filter = request.cohortId ? { cohortIds: [request.cohortId] } : request.cohort;
    let lesions = firstLesionPerPatient(await this.store.lesionsOfPatients(filter));
    if (!lesions.length) throw new BadUserInputError("the cohort has 0 patients with a segmented lesion", { patients: 0 });
    const settings = settingsKey(request.settings);
    const acquisitions = await this.store.acquisitionsOfLesions(lesions.map((l) => l.id));
    const batchOf = new Map(lesions.map((l) => [l.id, batchLabel(acquisitions.get(l.id), request.batch)]));
    const noBatch = lesions.filter((l) => batchOf.get(l.id) === null).map((l) => l.patientId);
    if (noBatch.length && !request.dropIncomplete)
      throw new BadUserInputError(`${noBatch.length} patients have no ${request.batch.by} value: ${list(noBatch)}; record it or pass dropIncomplete: true to leave them out`, { patients: noBatch });
    lesions = lesions.filter((l) => batchOf.get(l.id) !== null);
    const patients = await this.store.patientsByIds(lesions.map((l) => l.patientId));
    const covariateValues = (request.covariates ?? []).map((c) => ({ covariate: c, values: covariateOf(patients, c) }));
    const noCovariate = lesions.filter((l) => covariateValues.some((c) => !c.values.has(l.patientId))).map((l) => l.patientId);
    if (noCovariate.length && !request.dropIncomplete)
      throw new BadUserInputError(`${noCovariate.length} patients lack a value of a preserved covariate (${covariateValues.map((c) => c.covariate.name).join(", ")}): ${list(noCovariate)}; pass dropIncomplete: true to leave them out`, { patients: noCovariate });
    const dropped = [...new Set([...noBatch, ...noCovariate])].sort();
    lesions = lesions.filter((l) => !noCovariate.includes(l.patientId));
    const batch = lesions.map((l) => batchOf.get(l.id)!);
    const covariates = covariatesOf(lesions, covariateValues);
    checkBatches(batch, lesions, request.batch.by);
    checkConfounding(batch, lesions, covariateValues);
    combatDesign(batch, covariates); // rank-deficient design → BAD_USER_INPUT naming the column
    const raw = await this.rawMatrix(lesions, settings.hash, request.families);
    const options = { parametric: request.parametric ?? true, meanOnly: request.meanOnly ?? false };
    const question = {
      cohortId: request.cohortId ?? null, cohort: request.cohortId ? null : request.cohort, settingsHash: settings.hash, families: [...(request.families ?? [])].sort(),
      batch: request.batch, covariates: request.covariates ?? [], options, lesions: lesions.map((l) => l.id), batchDigest: digest(batch.join("\n")), rawDigest: raw.digest,
    };
    const id = `harmonisation-${digest(JSON.stringify(question))}`;
    const [stored] = await this.store.harmonisationsByIds([id]);
    const run = async (): Promise<M.Harmonisation> => {
      const [again] = await this.store.harmonisationsByIds([id]);
      if (again) return again;
      const fit = await this.runner(raw.X, batch, covariates, options);
      const diagnostics = batchEffectDiagnostics(raw.X, fit.adjusted, batch);
      const n = lesions.length;
      const F = raw.featureKeys.length;
      const values = new Array<number>(n * F);
      for (let f = 0; f < F; f++) for (let j = 0; j < n; j++) values[j * F + f] = fit.adjusted.data[f * n + j]!;
      const record: M.HarmonisationRecord = {
        id, name: request.name.trim(), settingsHash: settings.hash,
        batchDefinition: request.batch, covariates: request.covariates ?? [],
        method: { ...options, text: HARMONISATION_METHOD },
        batches: fit.batches.map((b, i) => ({ batch: b, size: fit.batchSizes[i]! })),
        estimates: {
          featureKeys: raw.featureKeys, batches: fit.batches, designColumns: fit.designColumns,
          gammaStar: Array.from(fit.estimates.gammaStar), deltaStar: Array.from(fit.estimates.deltaStar),
          standMean: Array.from(fit.estimates.standMean), varPooled: Array.from(fit.estimates.varPooled),
        },
        diagnostics: diagnostics.map((d) => ({ featureKey: raw.featureKeys[d.feature]!, statisticBefore: d.before.statistic, pBefore: d.before.p, statisticAfter: d.after.statistic, pAfter: d.after.p })),
        values: { lesionIds: lesions.map((l) => l.id), patientIds: lesions.map((l) => l.patientId), featureKeys: raw.featureKeys, values },
        params: { cohort: request.cohort, settings: settings.canonical, settingsHash: settings.hash, families: request.families ?? "all", batch: request.batch, covariates: request.covariates ?? [], options, droppedFeatures: raw.dropped, droppedPatients: dropped },
        dataVersion: { rawValuesDigest: raw.digest, batchDigest: question.batchDigest, seriesReleases: releases(lesions.map((l) => acquisitions.get(l.id)!.series)), covariateSources: covariateValues.map((c) => ({ name: c.covariate.name, sources: c.values.sources })) },
        createdAt: this.now().toISOString(),
        ...(request.cohortId ? { cohortId: request.cohortId } : {}),
      };
      await this.store.saveHarmonisation(record);
      return (await this.store.harmonisationsByIds([id]))[0]!;
    };
    return { id, stored: stored ?? null, patients: lesions.length, features: raw.featureKeys.length, run };
  }

  /** Features × patients of the stored values; a feature undefined for a patient, or constant, is left out. */
  private async rawMatrix(lesions: Lesion[], settingsHash: string, families?: string[]): Promise<{ X: Matrix; featureKeys: string[]; dropped: string[]; digest: string }> {
    const stored = await this.store.featuresOfLesions(lesions.map((l) => l.id), settingsHash);
    const wanted = families ? new Set(families.map((f) => f.toLowerCase())) : null;
    const maps = lesions.map((l) => new Map((stored.get(l.id) ?? []).filter((f) => !wanted || wanted.has((f.feature.family ?? "").toLowerCase())).map((f) => [f.feature.key, f.value ?? Number.NaN])));
    const keys = [...new Set(maps.flatMap((m) => [...m.keys()]))].sort();
    if (!keys.length) throw new BadUserInputError("no stored feature values for these lesions and settings; run computeFeatures first", { settingsHash });
    const kept: string[] = [];
    const dropped: string[] = [];
    const rows: number[][] = [];
    for (const key of keys) {
      const row = maps.map((m) => m.get(key) ?? Number.NaN);
      if (row.some((v) => !Number.isFinite(v)) || row.every((v) => v === row[0])) dropped.push(key);
      else (kept.push(key), rows.push(row));
    }
    if (kept.length < 2) throw new BadUserInputError(`${kept.length} features are defined for every patient and not constant; ComBat pools over at least 2`, { dropped: dropped.length });
    const X = matrix(kept.length, lesions.length, rows.flat());
    return { X, featureKeys: kept, dropped, digest: digest(kept.map((k, f) => `${k}|${rows[f]!.join(",")}`).join("\n")) };
  }
}

function covariateOf(patients: M.Patient[], covariate: PreservedCovariate): Map<string, string | number> & { sources: string[] } {
  const out = new Map<string, string | number>() as Map<string, string | number> & { sources: string[] };
  if (covariate.name === "ageAtDiagnosisYears") {
    for (const p of patients) if (p.ageAtDiagnosisYears !== null) out.set(p.id, p.ageAtDiagnosisYears);
    out.sources = [...new Set(patients.map((p) => `${p.source ?? "unknown"}${p.dataRelease ? ` ${p.dataRelease}` : ""}`))].sort();
  } else {
    const target = clinicalTarget(patients, covariate.name);
    for (const [id, label] of target.labels) out.set(id, label);
    out.sources = target.sources;
  }
  if (covariate.kind === "NUMERIC") {
    for (const [id, v] of out) {
      const x = Number(v);
      if (!Number.isFinite(x)) throw new BadUserInputError(`covariate '${covariate.name}' is not numeric for patient ${id} ('${v}'); declare it CATEGORICAL`, { covariate: covariate.name, patient: id });
      out.set(id, x);
    }
  } else for (const [id, v] of out) out.set(id, String(v));
  return out;
}

function covariatesOf(lesions: Lesion[], values: Array<{ covariate: PreservedCovariate; values: Map<string, string | number> }>): CombatCovariates {
  const categorical: Record<string, string[]> = {};
  const continuous: Record<string, Float64Array> = {};
  for (const { covariate, values: v } of values) {
    if (covariate.kind === "NUMERIC") continuous[covariate.name] = Float64Array.from(lesions, (l) => v.get(l.patientId) as number);
    else categorical[covariate.name] = lesions.map((l) => v.get(l.patientId) as string);
  }
  return { categorical, continuous };
}

/** A single batch, or a batch with fewer than 2 patients, cannot be harmonised. */
function checkBatches(batch: string[], lesions: Lesion[], by: string): void {
  const sizes = new Map<string, number>();
  for (const b of batch) sizes.set(b, (sizes.get(b) ?? 0) + 1);
  const small = [...sizes].filter(([, n]) => n < 2);
  if (small.length)
    throw new BadUserInputError(`${small.map(([b, n]) => `batch '${b}' has ${n} patient${n === 1 ? "" : "s"}`).join("; ")}; ComBat needs at least 2 per batch — merge or drop it (${by})`, { batches: small.map(([b, n]) => ({ batch: b, size: n })) });
  if (sizes.size < 2) throw new BadUserInputError(`all ${lesions.length} patients are in one ${by} batch ('${batch[0]}'); there is nothing to harmonise`, { batch: batch[0] });
}

/** A categorical covariate level seen in one batch only is confounded with it (ComBat would remove the biology). */
function checkConfounding(batch: string[], lesions: Lesion[], values: Array<{ covariate: PreservedCovariate; values: Map<string, string | number> }>): void {
  for (const { covariate, values: v } of values) {
    if (covariate.kind !== "CATEGORICAL") continue;
    const batchesOf = new Map<string, Set<string>>();
    lesions.forEach((l, j) => {
      const level = v.get(l.patientId) as string;
      if (!batchesOf.has(level)) batchesOf.set(level, new Set());
      batchesOf.get(level)!.add(batch[j]!);
    });
    if (batchesOf.size < 2) continue;
    const confined = [...batchesOf].filter(([, bs]) => bs.size === 1);
    if (confined.length)
      throw new BadUserInputError(`covariate '${covariate.name}' is confounded with the batch: ${confined.map(([level, bs]) => `level '${level}' occurs only in batch '${[...bs][0]}'`).join("; ")}; ComBat cannot tell the biology from the scanner — drop the covariate or choose another batch definition`, { covariate: covariate.name, levels: confined.map(([level]) => level) });
  }
}

function releases(series: M.Series[]): string[] {
  return [...new Set(series.map((s) => `${s.source ?? "unknown"}${s.dataRelease ? ` ${s.dataRelease}` : ""}`))].sort();
}

function list(ids: string[]): string {
  return ids.length <= 20 ? ids.join(", ") : `${ids.slice(0, 20).join(", ")} and ${ids.length - 20} more`;
}

function digest(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}
