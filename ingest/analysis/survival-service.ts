// Survival analyses of a cohort, stored in the graph with their provenance: Kaplan–Meier groups with
// the log-rank test, a univariate Cox screen of every feature (BH q, PH test per feature), a nested-CV
// penalised Cox model (out-of-fold Harrell and Uno C, PH test), and the combined clinical / genomic /
// radiomic model table. `prepare` reads and checks everything (typed errors, nothing written) and gives
// the deterministic id; `run` fits through the injected runners and saves. Same question → stored answer.
import { BadUserInputError, PlatformError } from "../../compute/errors.js";
import {
  fitCox,
  kaplanMeier,
  logRankTest,
  proportionalHazardsTest,
  unoConcordance,
  type CombinedModelSpec,
  type NestedPenalisedCoxCvResult,
  type SurvivalData,
} from "../../compute/models/survival/index.js";
import { niceTicks } from "../../compute/export/svg-plot.js";
import { matrix, type Matrix } from "../../compute/stats/index.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import type * as M from "../../graph-model/model/records.js";
import type { PatientFilter } from "../../graph-model/patient-filter.js";
import { settingsKey } from "../features/feature-settings-key.js";
import { inlineModelRunners, type ModelRunners } from "./model-runners.js";
import { harmonisedFeatureValues } from "./harmonised-feature-values.js";
import { clinicalTarget } from "./clinical-target.js";
import { firstLesionPerPatient } from "./lesion-feature-matrix.js";
import { clinicalColumns, digest, featureColumns, followUpOf, genomicColumns, type Columns, type FeatureDesign } from "./survival-design.js";
import { CLINICAL_COVARIATES, SURVIVAL_METHOD, type SurvivalRequest } from "./survival-request.js";

/** Fewest events any survival analysis accepts (and at least one per CV fold). */
export const MIN_EVENTS = 5;

/** The CPU-heavy fits this service runs; the default runs them inline, the model pool's runners can be passed instead. */
export type SurvivalRunners = Pick<ModelRunners, "univariateCox" | "nestedPenalisedCoxCv" | "combinedCoxModels">;

export interface PreparedSurvivalAnalysis {
  /** `survival-<16 hex>`: the job id and the stored analysis' id. */
  id: string;
  name: string;
  /** The stored answer to the same question, if there is one. */
  stored: M.SurvivalAnalysis | null;
  /**
   * Fits and saves (or returns the stored answer). `nested`: the nested penalised Cox CV already run elsewhere
   * (a distributed job's folds, assembled); `once`: saved under a lock unless it exists (two finishers).
   */
  run(nested?: NestedPenalisedCoxCvResult, once?: boolean): Promise<M.SurvivalAnalysis>;
  /** PENALISED_COX: the nested CV's inputs, so a distributed job can run it one fold per task. */
  cv?: PenalisedCoxInputs;
}

/** What the nested penalised Cox CV of a PENALISED_COX analysis runs on. */
export interface PenalisedCoxInputs {
  X: Matrix;
  data: SurvivalData;
  options: { seed: number; folds: number; outerFolds: number; l1Ratio: number; penalizers?: number[] };
}

interface Inputs {
  patients: M.Patient[];
  data: SurvivalData;
  events: number;
  sources: string[];
  labelDigest: string;
}

const list = (a: ArrayLike<number>) => Array.from(a);

/** A PH test that cannot be computed (e.g. a degenerate fit) is reported as null with the reason, not a failed analysis. */
function safePh(fn: () => ReturnType<typeof proportionalHazardsTest>): ReturnType<typeof proportionalHazardsTest> | { unavailable: string } {
  try {
    return fn();
  } catch (error) {
    if (error instanceof PlatformError) return { unavailable: error.message };
    throw error;
  }
}

function columnsMatrix(columns: number[][], n: number): Matrix {
  const p = columns.length, data = new Float64Array(n * p);
  columns.forEach((c, j) => c.forEach((v, i) => (data[i * p + j] = v)));
  return matrix(n, p, data);
}

function penalisedCoxInputs(inputs: Inputs, design: FeatureDesign, request: SurvivalRequest, folds: number): PenalisedCoxInputs {
  const X = columnsMatrix(design.values, inputs.patients.length);
  return { X, data: inputs.data, options: { seed: request.seed, folds, outerFolds: folds, l1Ratio: request.l1Ratio ?? 0.5, ...(request.penalizers ? { penalizers: request.penalizers } : {}) } };
}

export class SurvivalService {
  constructor(
    private readonly store: GraphStore,
    private readonly now: () => Date = () => new Date(),
    private readonly runners: SurvivalRunners = inlineModelRunners,
  ) {}

  /** Prepares and runs (or reads the stored answer): for tests and the CLI without a job registry. */
  async analyse(request: SurvivalRequest): Promise<M.SurvivalAnalysis> {
    const prepared = await this.prepare(request);
    return prepared.stored ?? prepared.run();
  }

  async prepare(request: SurvivalRequest): Promise<PreparedSurvivalAnalysis> {
    const folds = request.folds ?? 5;
    if (!Number.isInteger(folds) || folds < 2 || folds > 20) throw new BadUserInputError(`folds must be an integer in 2…20, got ${folds}`);
    if (request.kind === "KAPLAN_MEIER" && !!request.groupBy === !!request.splitFeature)
      throw new BadUserInputError("a Kaplan–Meier analysis needs exactly one of groupBy (a clinical attribute) or splitFeature (a feature split at its median)");
    const filter: PatientFilter = request.cohortId ? { cohortIds: [request.cohortId] } : request.cohort;
    let settings = settingsKey(request.settings);
    const byAttribute = request.kind === "KAPLAN_MEIER" && !!request.groupBy;
    let lesions: Array<M.Lesion & { patientId: string }> = [];
    let patients: M.Patient[];
    let harmonised: Map<string, M.LesionFeature[]> | undefined;
    if (byAttribute) patients = await this.allPatients(filter);
    else {
      lesions = firstLesionPerPatient(await this.store.lesionsOfPatients(filter));
      if (!lesions.length) throw new BadUserInputError("the cohort has 0 patients with a segmented lesion", { patients: 0 });
      if (request.harmonisationId) {
        const read = await harmonisedFeatureValues(this.store, request.harmonisationId, lesions.map((l) => l.id));
        lesions = lesions.filter((l) => read.values.has(l.id));
        settings = { ...settings, hash: read.settingsHash };
        harmonised = read.values;
      }
      patients = await this.store.patientsByIds(lesions.map((l) => l.patientId));
    }
    if (!patients.length) throw new BadUserInputError("the cohort has 0 patients", { patients: 0 });
    let groups: Map<string, string> | null = null;
    if (byAttribute) groups = clinicalTarget(patients, request.groupBy!).labels;
    const follow = followUpOf(patients, request.endpoint);
    const keep = patients.filter((p) => follow.has(p.id) && (!groups || groups.has(p.id))).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    if (!keep.length) {
      const fields = request.endpoint === "OVERALL" ? "overallSurvivalDays and overallSurvivalEvent" : "the clinical attributes progressionFreeSurvivalDays and progressionFreeSurvivalEvent";
      throw new BadUserInputError(`no patient of the cohort${request.groupBy ? ` with a '${request.groupBy}' value` : ""} has ${fields}; ${request.endpoint} survival cannot be analysed`, { patients: patients.length, endpoint: request.endpoint });
    }
    const inputs = this.inputs(keep, follow, request, folds);
    const lesionOf = new Map(lesions.map((l) => [l.patientId, l]));
    const orderedLesions = byAttribute ? [] : keep.map((p) => lesionOf.get(p.id)!);
    const common = { request, settings, inputs, folds };

    switch (request.kind) {
      case "KAPLAN_MEIER": {
        let labels: string[];
        let design: FeatureDesign | null = null;
        let split: { feature: string; featureKey: string; median: number } | null = null;
        if (groups) labels = keep.map((p) => groups!.get(p.id)!);
        else {
          design = await featureColumns(this.store, orderedLesions, settings.hash, request.families, [request.splitFeature!], harmonised);
          if (!design.featureKeys.length) throw new BadUserInputError(`feature '${request.splitFeature}' is ${design.dropped[0]?.reason ?? "unusable"}: no median split to compare`, { feature: request.splitFeature, reason: design.dropped[0]?.reason });
          const values = design.values[0]!;
          const sorted = [...values].sort((a, b) => a - b);
          const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
          labels = values.map((v) => (v > median ? "high" : "low"));
          split = { feature: design.featureNames[0]!, featureKey: design.featureKeys[0]!, median };
        }
        const distinct = [...new Set(labels)].sort();
        if (distinct.length < 2) throw new BadUserInputError(`every one of the ${labels.length} patients is in the single group '${distinct[0]}'; Kaplan–Meier comparison needs at least two groups`, { groups: distinct });
        return this.prepared(common, { labels, design, split, distinct }, design?.featureDigest ?? digest(labels.join("\n")), async () => this.kaplanMeierResult(inputs, labels, split, design));
      }
      case "UNIVARIATE_COX":
      case "PENALISED_COX": {
        const design = await featureColumns(this.store, orderedLesions, settings.hash, request.families, request.features, harmonised);
        if (!design.featureKeys.length) {
          const constant = design.dropped.length === 1 && design.dropped[0]!.reason.startsWith("constant");
          throw new BadUserInputError(constant ? `feature '${design.dropped[0]!.name}' is constant over the ${keep.length} patients: no hazard ratio to estimate` : `every one of the ${design.dropped.length} features is undefined for some patient or constant; nothing to fit`, { dropped: design.dropped });
        }
        if (request.kind === "UNIVARIATE_COX") return this.prepared(common, { design }, design.featureDigest, () => this.univariateResult(inputs, design));
        const cv = penalisedCoxInputs(inputs, design, request, folds);
        return { ...(await this.prepared(common, { design }, design.featureDigest, (nested) => this.penalisedResult(inputs, design, cv, nested))), cv };
      }
      case "COMBINED": {
        const radiomic = await featureColumns(this.store, orderedLesions, settings.hash, request.families, request.features, harmonised);
        if (!radiomic.featureKeys.length) throw new BadUserInputError(`no usable radiomic feature for the radiomic block (${radiomic.dropped.map((d) => `${d.name}: ${d.reason}`).join("; ")})`, { dropped: radiomic.dropped });
        const clinical = clinicalColumns(keep, request.clinical ?? CLINICAL_COVARIATES);
        if (!clinical.names.length)
          throw new BadUserInputError(`no clinical covariate is available for every patient and varies (${clinical.dropped.map((d) => `${d.name}: ${d.reason}`).join("; ")}); the clinical-only model cannot be fitted`, { dropped: clinical.dropped });
        const genomic = await genomicColumns(this.store, keep.map((p) => p.id), request.genes, request.pathway);
        const blocks = { clinical, genomic, radiomic };
        const featureDigest = digest([radiomic.featureDigest, JSON.stringify(clinical.values), JSON.stringify(genomic.values)].join("|"));
        return this.prepared(common, { blocks: { clinical: clinical.names, genomic: genomic.names, radiomic: radiomic.featureKeys } }, featureDigest, () => this.combinedResult(inputs, blocks, request, folds), genomic.sources);
      }
    }
  }

  private async allPatients(filter: PatientFilter): Promise<M.Patient[]> {
    const out: M.Patient[] = [];
    let after: string | null = null;
    do {
      const page: Awaited<ReturnType<GraphStore["patients"]>> = await this.store.patients(filter, { first: 500, after });
      out.push(...page.items);
      after = page.hasNextPage ? page.endCursor : null;
    } while (after);
    return out;
  }

  private inputs(patients: M.Patient[], follow: ReturnType<typeof followUpOf>, request: SurvivalRequest, folds: number): Inputs {
    const time = Float64Array.from(patients, (p) => follow.get(p.id)!.days);
    const event = Uint8Array.from(patients, (p) => follow.get(p.id)!.event);
    const events = event.reduce((a, b) => a + b, 0);
    if (events === 0) throw new BadUserInputError(`every one of the ${patients.length} patients is censored (no ${request.endpoint} event): there is nothing to analyse`, { patients: patients.length, events: 0 });
    const needed = request.kind === "PENALISED_COX" || request.kind === "COMBINED" ? Math.max(MIN_EVENTS, folds) : MIN_EVENTS;
    if (events < needed) throw new BadUserInputError(`too few events: ${events} of ${patients.length} patients had a ${request.endpoint} event; this analysis needs at least ${needed}`, { events, needed });
    const sources = [...new Set(patients.map((p) => follow.get(p.id)!.source))].sort();
    const labelDigest = digest(patients.map((p, i) => `${p.id}|${time[i]}|${event[i]}`).join("\n"));
    return { patients, data: { time, event }, events, sources, labelDigest };
  }

  private async prepared(
    common: { request: SurvivalRequest; settings: ReturnType<typeof settingsKey>; inputs: Inputs; folds: number },
    describe: Record<string, unknown>,
    featureDigest: string,
    fit: (nested?: NestedPenalisedCoxCvResult) => Promise<{ result: Record<string, unknown>; links: Omit<M.SurvivalFeatureRecord, "analysisId">[]; notes?: unknown }>,
    extraSources: string[] = [],
  ): Promise<PreparedSurvivalAnalysis> {
    const { request, settings, inputs, folds } = common;
    const options = {
      seed: request.seed, folds, groupBy: request.groupBy ?? null, splitFeature: request.splitFeature ?? null, features: request.features ?? null,
      genes: request.genes ?? null, pathway: request.pathway ?? null, clinical: request.clinical ?? null, families: request.families ? [...request.families].sort() : null,
      ...(request.kind === "PENALISED_COX" ? { l1Ratio: request.l1Ratio ?? 0.5, penalizers: request.penalizers ?? null } : {}),
      ...(request.kind === "COMBINED" ? { bootstrapSamples: request.bootstrapSamples ?? 500 } : {}),
    };
    const patientIds = inputs.patients.map((p) => p.id);
    const id = `survival-${digest(JSON.stringify({ kind: request.kind, endpoint: request.endpoint, cohortId: request.cohortId ?? null, ...(request.harmonisationId ? { harmonisationId: request.harmonisationId } : {}), settingsHash: settings.hash, options, patientIds, labelDigest: inputs.labelDigest, featureDigest }))}`;
    const [stored] = await this.store.survivalAnalysesByIds([id]);
    const name = `Survival ${request.kind} (${request.endpoint}) on ${patientIds.length} patients`;
    const run = async (nested?: NestedPenalisedCoxCvResult, once = false): Promise<M.SurvivalAnalysis> => {
      const [again] = await this.store.survivalAnalysesByIds([id]);
      if (again) return again;
      const { result, links } = await fit(nested);
      const design = (describe.design ?? null) as FeatureDesign | null;
      const record: M.SurvivalAnalysisRecord = {
        id, kind: request.kind, endpoint: request.endpoint,
        params: {
          cohort: request.cohort, settings: settings.canonical, settingsHash: settings.hash, endpoint: request.endpoint, options, method: SURVIVAL_METHOD,
          patientIds, time: list(inputs.data.time), event: list(inputs.data.event), patients: patientIds.length, events: inputs.events,
          droppedFeatures: design?.dropped ?? [],
          ...(describe.blocks ? { blocks: describe.blocks } : {}), harmonisation: request.harmonisationId ?? null,
        },
        result,
        dataVersion: { survivalSources: inputs.sources, expressionSources: extraSources, labelDigest: inputs.labelDigest, featureDigest },
        createdAt: this.now().toISOString(),
        ...(request.cohortId ? { cohortId: request.cohortId } : {}),
      };
      const features = links.map((l) => ({ ...l, analysisId: id }));
      if (once) await this.store.saveSurvivalAnalysisOnce(record, features, this.now().toISOString());
      else await this.store.saveSurvivalAnalysis(record, features);
      return (await this.store.survivalAnalysesByIds([id]))[0]!;
    };
    return { id, name, stored: stored ?? null, run };
  }

  private async kaplanMeierResult(inputs: Inputs, labels: string[], split: { feature: string; featureKey: string; median: number } | null, design: FeatureDesign | null) {
    const maxTime = Math.max(...list(inputs.data.time));
    const tickTimes = niceTicks(0, maxTime > 0 ? maxTime : 1, 6);
    const curves = kaplanMeier(inputs.data, labels, tickTimes);
    const logRank = logRankTest(inputs.data, labels);
    const result = {
      tickTimes,
      groups: curves.map((c) => ({
        group: c.group, n: c.n, events: c.events.reduce((a, b) => a + b, 0), medianSurvival: c.medianSurvival, times: list(c.times), survival: list(c.survival),
        ci95Lower: list(c.ci95Lower), ci95Upper: list(c.ci95Upper), atRisk: list(c.atRisk), eventsAt: list(c.events), censoredAt: list(c.censored), atRiskAt: c.atRiskAt,
      })),
      logRank: { groups: logRank.groups, observed: list(logRank.observed), expected: list(logRank.expected), statistic: logRank.statistic, df: logRank.df, p: logRank.p },
      split,
      groupOf: labels,
    };
    const links = split && design ? [{ featureKey: split.featureKey, rank: 0, designColumn: 0 }] : [];
    return { result, links };
  }

  private async univariateResult(inputs: Inputs, design: FeatureDesign) {
    const n = inputs.patients.length;
    const X = columnsMatrix(design.values, n);
    const rows = await this.runners.univariateCox(X, inputs.data, design.featureNames);
    const ph = design.values.map((column, j) =>
      safePh(() => {
        const Xj = matrix(n, 1, Float64Array.from(column));
        return proportionalHazardsTest(fitCox(Xj, inputs.data, { names: [design.featureNames[j]!] }), Xj, inputs.data);
      }),
    );
    const order = rows.map((_, j) => j).sort((a, b) => rows[a]!.p - rows[b]!.p || a - b);
    const links = order.map((j, rank) => {
      const r = rows[j]!, t = ph[j]!;
      return {
        featureKey: design.featureKeys[j]!, rank, designColumn: j, coefficient: r.coefficient, standardError: r.standardError, hazardRatio: r.hazardRatio,
        hrLower: r.hrLower, hrUpper: Number.isFinite(r.hrUpper) ? r.hrUpper : null, p: r.p, q: r.q, concordance: r.concordance, phP: "covariates" in t ? t.covariates[0]!.p : null,
      };
    });
    const result = {
      features: rows.length, significantAtQ05: rows.filter((r) => r.q < 0.05).length, events: inputs.events,
      phUnavailable: ph.flatMap((t, j) => ("unavailable" in t ? [{ feature: design.featureNames[j], reason: t.unavailable }] : [])),
    };
    return { result, links };
  }

  private async penalisedResult(inputs: Inputs, design: FeatureDesign, cv: PenalisedCoxInputs, done?: NestedPenalisedCoxCvResult) {
    const { X, options } = cv;
    const nested = done ?? (await this.runners.nestedPenalisedCoxCv(X, inputs.data, options));
    const final = nested.final.finalModel;
    let uno: number | null = null;
    try {
      uno = unoConcordance(inputs.data, inputs.data, nested.outOfFoldRisk);
    } catch (error) {
      if (!(error instanceof PlatformError)) throw error;
    }
    const ph = safePh(() => proportionalHazardsTest(final, X, inputs.data));
    const phP = new Map("covariates" in ph ? ph.covariates.map((c) => [c.name, c.p]) : []);
    const order = design.featureKeys.map((_, j) => j).sort((a, b) => Math.abs(final.coefficients[b]!) - Math.abs(final.coefficients[a]!) || a - b);
    const links = order.map((j, rank) => ({
      featureKey: design.featureKeys[j]!, rank, designColumn: j, coefficient: final.coefficients[j]!, hazardRatio: final.hazardRatios[j]!, phP: phP.get(final.names[j]!) ?? null,
    }));
    const result = {
      outOfFoldHarrellC: nested.concordance, outOfFoldUnoC: uno, outOfFoldRisk: list(nested.outOfFoldRisk),
      chosenPenalizer: nested.final.chosenPenalizer, l1Ratio: options.l1Ratio, penalizers: nested.final.penalizers, cvConcordance: nested.final.cvConcordance,
      outerFolds: nested.outerFolds.map((f, fold) => ({ fold, testIndices: list(f.testIndices), chosenPenalizer: f.chosenPenalizer, innerCvConcordance: f.innerCvConcordance, coefficients: list(f.coefficients) })),
      finalModel: { names: final.names, coefficients: list(final.coefficients), hazardRatios: list(final.hazardRatios), logLikelihood: final.logLikelihood, inSampleConcordance: final.concordance, penalizer: final.penalizer },
      proportionalHazards: ph,
    };
    return { result, links };
  }

  private async combinedResult(inputs: Inputs, blocks: { clinical: Columns; genomic: Columns; radiomic: FeatureDesign }, request: SurvivalRequest, folds: number) {
    const n = inputs.patients.length;
    const names = [...blocks.clinical.names, ...blocks.genomic.names, ...blocks.radiomic.featureNames];
    const X = columnsMatrix([...blocks.clinical.values, ...blocks.genomic.values, ...blocks.radiomic.values], n);
    const range = (from: number, count: number) => Array.from({ length: count }, (_, k) => from + k);
    const c = range(0, blocks.clinical.names.length), g = range(c.length, blocks.genomic.names.length), r = range(c.length + g.length, blocks.radiomic.featureKeys.length);
    const specs: CombinedModelSpec[] = [{ name: "clinical", columns: c }];
    if (g.length) specs.push({ name: "clinical + genomic", columns: [...c, ...g] });
    specs.push({ name: "clinical + radiomic", columns: [...c, ...r] });
    if (g.length) specs.push({ name: "clinical + genomic + radiomic", columns: [...c, ...g, ...r] });
    const byName = new Map(specs.map((s) => [s.name, s]));
    const pairs: Array<[string, string]> = specs.slice(1).map((s) => ["clinical", s.name]);
    if (g.length) pairs.push(["clinical + genomic", "clinical + genomic + radiomic"], ["clinical + radiomic", "clinical + genomic + radiomic"]);
    const options = { seed: request.seed, folds, bootstrapSamples: request.bootstrapSamples ?? 500 };
    const models = new Map<string, Record<string, unknown>>();
    const comparisons: Record<string, unknown>[] = [];
    let foldTestIndices: number[][] = [];
    for (const [small, big] of pairs) {
      const out = await this.runners.combinedCoxModels(X, inputs.data, [byName.get(small)!, byName.get(big)!], options);
      foldTestIndices = out.foldTestIndices.map(list);
      for (const m of out.models) if (!models.has(m.name)) models.set(m.name, { name: m.name, covariates: m.columns.map((k) => names[k]!), df: m.df, outOfFoldConcordance: m.outOfFoldConcordance, logLikelihood: m.logLikelihood });
      const m = out.models[1]!;
      comparisons.push({ model: big, over: small, deltaC: m.increment!.deltaC, ci95: m.increment!.ci95, likelihoodRatio: m.likelihoodRatio && { statistic: m.likelihoodRatio.statistic, df: m.likelihoodRatio.df, p: m.likelihoodRatio.p } });
    }
    const largest = specs[specs.length - 1]!;
    const Xl = matrix(n, largest.columns.length, Float64Array.from({ length: n * largest.columns.length }, (_, k) => X.data[Math.floor(k / largest.columns.length) * X.cols + largest.columns[k % largest.columns.length]!]!));
    const full = fitCox(Xl, inputs.data, { names: largest.columns.map((k) => names[k]!) });
    for (const spec of specs) {
      const Xs = matrix(n, spec.columns.length, Float64Array.from({ length: n * spec.columns.length }, (_, k) => X.data[Math.floor(k / spec.columns.length) * X.cols + spec.columns[k % spec.columns.length]!]!));
      const ph = safePh(() => proportionalHazardsTest(fitCox(Xs, inputs.data), Xs, inputs.data));
      models.get(spec.name)!.proportionalHazardsGlobalP = "global" in ph ? ph.global.p : null;
    }
    const links = r.map((col, rank) => {
      const k = largest.columns.indexOf(col);
      return {
        featureKey: blocks.radiomic.featureKeys[rank]!, rank, designColumn: col, coefficient: full.coefficients[k]!, standardError: full.standardErrors[k]!, hazardRatio: full.hazardRatios[k]!,
        hrLower: full.hrLower[k]!, hrUpper: Number.isFinite(full.hrUpper[k]!) ? full.hrUpper[k]! : null, p: full.p[k]!,
      };
    });
    const result = {
      models: specs.map((s) => models.get(s.name)!), comparisons, foldTestIndices, bootstrapSamples: options.bootstrapSamples,
      blocks: { clinical: blocks.clinical.names, genomic: blocks.genomic.names, radiomic: blocks.radiomic.featureNames },
      droppedCovariates: [...blocks.clinical.dropped, ...blocks.genomic.dropped, ...blocks.radiomic.dropped],
      fullModel: { name: largest.name, covariates: full.names, coefficients: list(full.coefficients), hazardRatios: list(full.hazardRatios), hrLower: list(full.hrLower), hrUpper: list(full.hrUpper).map((v) => (Number.isFinite(v) ? v : null)), p: list(full.p) },
    };
    return { result, links };
  }
}
