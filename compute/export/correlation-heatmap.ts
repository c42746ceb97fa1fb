// The heatmap's input from a radiogenomic map: features as rows, targets (pathways or genes) as
// columns, each correlation edge's rho and q as a cell. Other edge kinds (e.g. AUC) are left out.
import type { HeatmapInput } from "./heatmap-svg.js";
import type { RadiogenomicMap } from "./radiogenomic-map.js";

export function correlationHeatmap(map: RadiogenomicMap, title: string, qThreshold = 0.05): HeatmapInput {
  const edges = map.edges.filter((e) => e.measure === "rho");
  const used = new Set(edges.flatMap((e) => [e.source, e.target]));
  const axis = (kinds: string[]) => map.nodes.filter((n) => kinds.includes(n.kind) && used.has(n.id)).map((n) => ({ key: n.id, label: n.label }));
  return {
    title,
    rows: axis(["FEATURE"]),
    columns: axis(["PATHWAY", "GENE"]),
    cells: edges.map((e) => ({ row: e.source, column: e.target, rho: e.rho, q: e.q })),
    qThreshold,
  };
}
