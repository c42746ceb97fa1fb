// Tables of stored survival analyses, in the Table shape the CSV and TSV writers take (table.ts):
// Kaplan–Meier groups (n, events, median, numbers at risk at the plot's tick times), per-feature Cox
// results (HR with 95 % CI, p, q, PH test) and the combined-model table a paper prints (out-of-fold C
// per model, ΔC with its bootstrap CI, likelihood-ratio test). Pure: plain data in, Table out.
import type { Cell, Table } from "./table.js";

export interface KaplanMeierGroupInput {
  group: string;
  n: number;
  events: number;
  medianSurvival: number | null;
  atRiskAt: readonly { time: number; atRisk: number }[];
}

/** One row per group: n, events, median survival (empty when not reached), then the number at risk at each tick time. */
export function kaplanMeierGroupTable(groups: readonly KaplanMeierGroupInput[], comments: string[] = []): Table {
  const ticks = groups[0]?.atRiskAt.map((a) => a.time) ?? [];
  groups.forEach((g) => {
    if (g.atRiskAt.length !== ticks.length || g.atRiskAt.some((a, i) => a.time !== ticks[i])) throw new RangeError(`group '${g.group}' has numbers at risk at other times than the first group`);
  });
  return {
    comments,
    columns: ["group", "n", "events", "median_survival", ...ticks.map((t) => `at_risk_${t}`)],
    rows: groups.map((g): Cell[] => [g.group, g.n, g.events, g.medianSurvival, ...g.atRiskAt.map((a) => a.atRisk)]),
  };
}

export interface CoxFeatureRowInput {
  feature: string;
  coefficient: number | null;
  standardError?: number | null;
  hazardRatio: number | null;
  hrLower?: number | null;
  hrUpper?: number | null;
  p?: number | null;
  q?: number | null;
  concordance?: number | null;
  phP?: number | null;
}

/** One row per feature in the given order; the columns a univariate screen has (CI, p, q, C) only when any row has them. */
export function coxFeatureTable(rows: readonly CoxFeatureRowInput[], comments: string[] = []): Table {
  const optional = ["standardError", "hrLower", "hrUpper", "p", "q", "concordance"] as const;
  const header: Record<(typeof optional)[number], string> = { standardError: "se", hrLower: "hr_ci95_lower", hrUpper: "hr_ci95_upper", p: "p", q: "q", concordance: "c_index" };
  const present = optional.filter((k) => rows.some((r) => r[k] !== undefined && r[k] !== null));
  const finite = (v: number | null | undefined) => (v === undefined || v === null || !Number.isFinite(v) ? null : v);
  return {
    comments,
    columns: ["feature", "coefficient", ...(present.includes("standardError") ? ["se"] : []), "hazard_ratio", ...present.filter((k) => k !== "standardError").map((k) => header[k]), "ph_test_p"],
    rows: rows.map((r): Cell[] => [
      r.feature, finite(r.coefficient), ...(present.includes("standardError") ? [finite(r.standardError)] : []), finite(r.hazardRatio),
      ...present.filter((k) => k !== "standardError").map((k) => finite(r[k])), finite(r.phP),
    ]),
  };
}

export interface CombinedModelRowInput {
  name: string;
  covariates: readonly string[];
  df: number;
  outOfFoldConcordance: number;
  logLikelihood: number;
  proportionalHazardsGlobalP?: number | null;
}

export interface CombinedComparisonInput {
  model: string;
  over: string;
  deltaC: number;
  ci95: readonly [number, number];
  likelihoodRatio: { statistic: number; df: number; p: number } | null;
}

/** One row per model, then one per comparison (model vs a nested smaller one): the increments table. */
export function combinedModelTable(models: readonly CombinedModelRowInput[], comparisons: readonly CombinedComparisonInput[], comments: string[] = []): Table {
  const columns = ["model", "compared_with", "covariates", "df", "c_index_out_of_fold", "log_likelihood", "ph_global_p", "delta_c", "delta_c_ci95_lower", "delta_c_ci95_upper", "lr_statistic", "lr_df", "lr_p"];
  const rows: Cell[][] = models.map((m) => [m.name, null, m.covariates.join("; "), m.df, m.outOfFoldConcordance, m.logLikelihood, m.proportionalHazardsGlobalP ?? null, null, null, null, null, null, null]);
  for (const c of comparisons) {
    const lr = c.likelihoodRatio;
    rows.push([c.model, c.over, null, null, null, null, null, c.deltaC, c.ci95[0], c.ci95[1], lr?.statistic ?? null, lr?.df ?? null, lr?.p ?? null]);
  }
  return { comments, columns, rows };
}
