// The link table of one or more analyses: one row per stored association (feature, target, effect,
// p, q, n), with each analysis's provenance (method, settings, data versions, time) as header lines.
import type { MapEdge, MapNode, RadiogenomicMap } from "./radiogenomic-map.js";
import type { Table } from "./table.js";

export interface AnalysisProvenance {
  id: string;
  kind: string | null;
  params: unknown;
  dataVersion: unknown;
  createdAt: string | null;
}

export const LINK_COLUMNS = [
  "analysisId", "edgeKind", "featureKey", "featureName", "family", "ibsiCode", "settingsHash",
  "targetKind", "targetKey", "targetName", "measure", "effect", "p", "q", "n",
] as const;

export function provenanceComments(analyses: readonly AnalysisProvenance[]): string[] {
  return analyses.flatMap((a) => [
    `analysis ${a.id}: kind ${a.kind ?? "?"}, created ${a.createdAt ?? "?"}`,
    `analysis ${a.id} params: ${JSON.stringify(a.params ?? null)}`,
    `analysis ${a.id} dataVersion: ${JSON.stringify(a.dataVersion ?? null)}`,
  ]);
}

/** Strongest evidence first: q ascending, then |effect| descending, then source and target ids. */
function byEvidence(a: MapEdge, b: MapEdge): number {
  const q = (a.q ?? Infinity) - (b.q ?? Infinity);
  const effect = Math.abs(b.effect ?? 0) - Math.abs(a.effect ?? 0);
  return (Number.isNaN(q) ? 0 : q) || effect || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0) || (a.target < b.target ? -1 : a.target > b.target ? 1 : 0);
}

/** One row per edge, strongest first; `filters` says what was left out (e.g. "q <= 0.05"). */
export function linkTable(map: RadiogenomicMap, analyses: readonly AnalysisProvenance[], filters: string[] = []): Table {
  const nodes = new Map<string, MapNode>(map.nodes.map((n) => [n.id, n]));
  const rows = [...map.edges].sort(byEvidence).map((e) => {
    const feature = nodes.get(e.source)!;
    const target = nodes.get(e.target)!;
    const targetName = target.kind === "GENE" ? null : target.label;
    return [e.analysisId, e.kind, feature.key, feature.label, feature.family, feature.ibsiCode, feature.settingsHash, target.kind, target.key, targetName, e.measure, e.effect, e.p, e.q, e.n];
  });
  const comments = [
    `radiogenomics link table: ${rows.length} links${filters.length ? ` (${filters.join(", ")})` : ""}; effect is the measure named in its row (rho: Spearman), q Benjamini-Hochberg within its analysis`,
    ...provenanceComments(analyses),
  ];
  return { comments, columns: [...LINK_COLUMNS], rows };
}
