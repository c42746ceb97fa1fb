// The radiogenomic map: features, pathways and genes as nodes, the stored associations between them
// as edges, ready for visualisation tools. Pure: the links come in, a deduplicated graph goes out.
// Another edge kind (e.g. PREDICTS with AUC) is one more `MapEdgeKind` and `measure`; nothing else
// here changes.

export type MapNodeKind = "FEATURE" | "PATHWAY" | "GENE";
/** The relationship type the edge came from. */
export type MapEdgeKind = "CORRELATES_WITH" | "PREDICTS";
/** What `effect` measures: Spearman's rho for correlations, AUC (mutated vs wild type) for predictions. */
export type EffectMeasure = "rho" | "auc";

export interface MapNode {
  /** `feature:<key>`, `pathway:<id>` or `gene:<symbol>`: unique across kinds. */
  id: string;
  kind: MapNodeKind;
  label: string;
  /** The graph's natural key (feature key, pathway id, gene symbol). */
  key: string;
  /** Features only: IBSI family, code and settings hash. */
  family: string | null;
  ibsiCode: string | null;
  settingsHash: string | null;
}

export interface MapEdge {
  id: string;
  kind: MapEdgeKind;
  source: string;
  target: string;
  measure: EffectMeasure;
  effect: number | null;
  /** Spearman rho when the measure is rho, else null. */
  rho: number | null;
  p: number | null;
  q: number | null;
  n: number | null;
  analysisId: string;
}

export interface RadiogenomicMap {
  nodes: MapNode[];
  edges: MapEdge[];
}

/** One stored association as the store returns it, whatever its kind. */
export interface MapLink {
  kind: MapEdgeKind;
  measure: EffectMeasure;
  effect: number | null;
  feature: { key: string; name: string | null; family: string | null; ibsiCode: string | null; settingsHash: string | null };
  target: { kind: "PATHWAY" | "GENE"; key: string; name: string | null };
  p: number | null;
  q: number | null;
  n: number | null;
  analysisId: string;
}

export function featureNodeId(key: string): string {
  return `feature:${key}`;
}

export function targetNodeId(kind: "PATHWAY" | "GENE", key: string): string {
  return `${kind.toLowerCase()}:${key}`;
}

function featureNode(feature: MapLink["feature"]): MapNode {
  const { key, name, family, ibsiCode, settingsHash } = feature;
  return { id: featureNodeId(key), kind: "FEATURE", key, label: name ?? key, family, ibsiCode, settingsHash };
}

function targetNode(target: MapLink["target"]): MapNode {
  // A gene is labelled by its symbol (its name is long); a pathway by its name when it has one.
  const label = target.kind === "GENE" ? target.key : (target.name ?? target.key);
  return { id: targetNodeId(target.kind, target.key), kind: target.kind, key: target.key, label, family: null, ibsiCode: null, settingsHash: null };
}

const KIND_ORDER: Record<MapNodeKind, number> = { FEATURE: 0, PATHWAY: 1, GENE: 2 };

/** Nodes (each once, features first, then pathways, then genes, by key) and one edge per link. */
export function buildRadiogenomicMap(links: readonly MapLink[]): RadiogenomicMap {
  const nodes = new Map<string, MapNode>();
  const edges = new Map<string, MapEdge>();
  for (const link of links) {
    const source = featureNode(link.feature);
    const target = targetNode(link.target);
    if (!nodes.has(source.id)) nodes.set(source.id, source);
    if (!nodes.has(target.id)) nodes.set(target.id, target);
    const id = `${link.kind}:${link.analysisId}:${source.id}->${target.id}`;
    const rho = link.measure === "rho" ? link.effect : null;
    edges.set(id, { id, kind: link.kind, source: source.id, target: target.id, measure: link.measure, effect: link.effect, rho, p: link.p, q: link.q, n: link.n, analysisId: link.analysisId });
  }
  const byKindThenKey = (a: MapNode, b: MapNode) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compare(a.key, b.key);
  return { nodes: [...nodes.values()].sort(byKindThenKey), edges: [...edges.values()].sort((a, b) => compare(a.id, b.id)) };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
