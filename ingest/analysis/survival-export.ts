// Exports of a stored survival analysis, read from the graph only (nothing is refitted): the
// Kaplan–Meier plot with numbers at risk (SVG), the forest plot of hazard ratios (SVG, univariate Cox
// or the combined full model), and the analysis' table (CSV/TSV): KM groups, per-feature Cox results,
// penalised coefficients or the combined-model table.
import { BadUserInputError, NotFoundError } from "../../compute/errors.js";
import { forestPlotSvg, type ForestPlotRow } from "../../compute/export/forest-plot-svg.js";
import { kaplanMeierSvg } from "../../compute/export/kaplan-meier-svg.js";
import { coxFeatureTable, combinedModelTable, kaplanMeierGroupTable, type CombinedComparisonInput, type CombinedModelRowInput, type KaplanMeierGroupInput } from "../../compute/export/survival-tables.js";
import type { Table } from "../../compute/export/table.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import type * as M from "../../graph-model/model/records.js";

/** Forest plots show at most this many features (the strongest first). */
export const FOREST_MAX_ROWS = 40;

interface KmResult {
  tickTimes: number[];
  groups: Array<KaplanMeierGroupInput & { times: number[]; survival: number[]; ci95Lower: number[]; ci95Upper: number[]; atRisk: number[]; eventsAt: number[]; censoredAt: number[] }>;
  logRank: { statistic: number; df: number; p: number };
  split: { feature: string; median: number } | null;
}

async function load(store: GraphStore, id: string): Promise<M.SurvivalAnalysis> {
  const [analysis] = await store.survivalAnalysesByIds([id]);
  if (!analysis) throw new NotFoundError("SurvivalAnalysis", id);
  return analysis;
}

function comments(a: M.SurvivalAnalysis): string[] {
  const params = (a.params ?? {}) as { patients?: number; events?: number; settingsHash?: string; options?: { seed?: number; folds?: number } };
  const version = (a.dataVersion ?? {}) as { survivalSources?: string[] };
  return [
    `survival analysis ${a.id} (${a.kind}, ${a.endpoint} survival)`,
    `${params.patients} patients, ${params.events} events; feature settings ${params.settingsHash}; seed ${params.options?.seed}, folds ${params.options?.folds}`,
    `survival data: ${(version.survivalSources ?? []).join(", ")}`,
    `created ${a.createdAt}`,
  ];
}

async function allFeatures(store: GraphStore, id: string): Promise<M.SurvivalFeature[]> {
  const out: M.SurvivalFeature[] = [];
  for (let skip = 0; ; skip += 1000) {
    const page = await store.survivalFeatures(id, { skip, first: 1000 });
    out.push(...page);
    if (page.length < 1000) return out;
  }
}

export async function survivalKaplanMeierSvg(store: GraphStore, id: string): Promise<string> {
  const a = await load(store, id);
  if (a.kind !== "KAPLAN_MEIER") throw new BadUserInputError(`km.svg is drawn for KAPLAN_MEIER analyses; '${id}' is ${a.kind} (export its table or forest plot)`);
  const r = a.result as KmResult;
  const by = r.split ? `${r.split.feature} above / at or below its median ${r.split.median.toPrecision(4)}` : ((a.params as { options?: { groupBy?: string } }).options?.groupBy ?? "group");
  return kaplanMeierSvg(
    r.groups.map((g) => ({ group: g.group, times: g.times, survival: g.survival, atRisk: g.atRisk, events: g.eventsAt, censored: g.censoredAt, ci95Lower: g.ci95Lower, ci95Upper: g.ci95Upper, medianSurvival: g.medianSurvival })),
    { title: `${a.endpoint === "OVERALL" ? "Overall" : "Progression-free"} survival by ${by}`, timeUnit: "days", tickTimes: r.tickTimes, logRankP: r.logRank.p },
  );
}

export async function survivalForestSvg(store: GraphStore, id: string): Promise<string> {
  const a = await load(store, id);
  if (a.kind !== "UNIVARIATE_COX" && a.kind !== "COMBINED")
    throw new BadUserInputError(`forest.svg needs hazard ratios with confidence intervals: UNIVARIATE_COX or COMBINED analyses; '${id}' is ${a.kind}`);
  let rows: ForestPlotRow[];
  let title: string;
  if (a.kind === "UNIVARIATE_COX") {
    const features = (await store.survivalFeatures(id, { skip: 0, first: FOREST_MAX_ROWS })).filter((f) => f.hazardRatio !== null && f.hrLower !== null && f.p !== null);
    rows = features.map((f) => ({ label: f.feature.name ?? f.featureKey, hazardRatio: f.hazardRatio!, ci95Lower: f.hrLower!, ci95Upper: f.hrUpper ?? Infinity, p: f.p! }));
    title = `Univariate Cox, ${(a.endpoint ?? "").toLowerCase().replace("_", "-")} survival (${rows.length} strongest features)`;
  } else {
    const full = (a.result as { fullModel: { name: string; covariates: string[]; hazardRatios: number[]; hrLower: number[]; hrUpper: (number | null)[]; p: number[] } }).fullModel;
    rows = full.covariates.map((c, k) => ({ label: c, hazardRatio: full.hazardRatios[k]!, ci95Lower: full.hrLower[k]!, ci95Upper: full.hrUpper[k] ?? Infinity, p: full.p[k]! }));
    title = `Cox model '${full.name}', ${(a.endpoint ?? "").toLowerCase().replace("_", "-")} survival`;
  }
  if (!rows.length) throw new BadUserInputError(`survival analysis '${id}' has no hazard ratio to draw`);
  return forestPlotSvg(rows, { title, axisTitle: "Hazard ratio per unit (log scale)" });
}

export async function survivalTable(store: GraphStore, id: string): Promise<Table> {
  const a = await load(store, id);
  const head = comments(a);
  switch (a.kind) {
    case "KAPLAN_MEIER": {
      const r = a.result as KmResult;
      return kaplanMeierGroupTable(r.groups, [...head, `log-rank chi2 ${r.logRank.statistic.toFixed(4)}, df ${r.logRank.df}, p ${r.logRank.p.toPrecision(4)}`]);
    }
    case "COMBINED": {
      const r = a.result as { models: CombinedModelRowInput[]; comparisons: CombinedComparisonInput[]; bootstrapSamples: number };
      return combinedModelTable(r.models, r.comparisons, [...head, `delta C: paired percentile bootstrap over patients (${r.bootstrapSamples} resamples); LR test of nested unpenalised full-data fits`]);
    }
    default: {
      const features = await allFeatures(store, id);
      const extra: string[] = [];
      if (a.kind === "PENALISED_COX") {
        const r = a.result as { outOfFoldHarrellC: number; outOfFoldUnoC: number | null; chosenPenalizer: number; l1Ratio: number };
        extra.push(`out-of-fold Harrell C ${r.outOfFoldHarrellC.toFixed(4)}, Uno C ${r.outOfFoldUnoC === null ? "n/a" : r.outOfFoldUnoC.toFixed(4)} (nested CV); penalizer ${r.chosenPenalizer}, l1_ratio ${r.l1Ratio}`);
      }
      return coxFeatureTable(features.map(({ feature, ...f }) => ({ ...f, feature: feature.name ?? f.featureKey })), [...head, ...extra]);
    }
  }
}
