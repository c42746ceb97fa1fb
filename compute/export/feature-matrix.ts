// The feature matrix: one row per segmented lesion (with its patient) that has stored values, one
// column per radiomic feature, all computed with one settings hash; the settings, families, IBSI codes and the image
// sources the values came from are header lines, so the file alone says how it was made.
import type { Cell, Table } from "./table.js";

export interface MatrixFeatureValue {
  key: string;
  name: string | null;
  family: string | null;
  ibsiCode: string | null;
  value: number | null;
  imageSource: string | null;
  computedAt: string | null;
}

export interface FeatureMatrixInput {
  settingsHash: string;
  /** The effective extraction settings (canonical form). */
  settings: unknown;
  /** How the rows were chosen: the cohort filter or the analysis. */
  selection: string;
  /** Which store the values were read from (embedded or neo4j). */
  store: string;
  lesions: Array<{ patientId: string; lesionId: string; features: MatrixFeatureValue[] }>;
}

function sortedFeatures(input: FeatureMatrixInput): MatrixFeatureValue[] {
  const byKey = new Map<string, MatrixFeatureValue>();
  for (const lesion of input.lesions) for (const f of lesion.features) if (!byKey.has(f.key)) byKey.set(f.key, f);
  return [...byKey.values()].sort((a, b) => (a.family ?? "").localeCompare(b.family ?? "") || (a.name ?? a.key).localeCompare(b.name ?? b.key));
}

function distinct(values: Array<string | null>): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))].sort();
}

export function featureMatrixTable(input: FeatureMatrixInput): Table {
  const features = sortedFeatures(input);
  const lesions = input.lesions.filter((l) => l.features.length > 0).sort((a, b) => a.patientId.localeCompare(b.patientId) || a.lesionId.localeCompare(b.lesionId));
  const rows: Cell[][] = lesions.map((lesion) => {
    const values = new Map(lesion.features.map((f) => [f.key, f.value]));
    return [lesion.patientId, lesion.lesionId, ...features.map((f) => values.get(f.key) ?? null)];
  });
  const all = lesions.flatMap((l) => l.features);
  const computed = distinct(all.map((f) => f.computedAt));
  const comments = [
    `radiogenomics feature matrix: ${rows.length} lesions x ${features.length} features; an empty cell is a feature undefined for that lesion or not computed with these settings`,
    `selection: ${input.selection}; ${input.lesions.length - lesions.length} of its ${input.lesions.length} lesions have no values with these settings and are left out`,
    `settingsHash: ${input.settingsHash}`,
    `settings: ${JSON.stringify(input.settings ?? null)}`,
    `families: ${distinct(features.map((f) => f.family)).join(" ")}`,
    `ibsiCodes: ${features.map((f) => `${f.name ?? f.key}=${f.ibsiCode ?? "?"}`).join(" ")}`,
    `imageSource: ${distinct(all.map((f) => f.imageSource)).join(" | ") || "?"}`,
    `computedAt: ${computed.length ? `${computed[0]} .. ${computed[computed.length - 1]}` : "?"}`,
    `store: ${input.store}`,
  ];
  return { comments, columns: ["patientId", "lesionId", ...features.map((f) => f.name ?? f.key)], rows };
}
