// Row order for a heatmap: average-linkage (UPGMA) agglomerative clustering of the row vectors by
// Euclidean distance, read off as the dendrogram's leaf order, so similar rows sit together.
// Missing entries count as 0 (no association). Above MAX_CLUSTERED rows (the naive O(n³) method
// would be slow) rows are sorted by their strongest |value| instead. Ties break by index: the
// order is deterministic.

export const MAX_CLUSTERED = 400;

function distance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < a.length; k++) {
    const d = (a[k] || 0) - (b[k] || 0);
    sum += d * d;
  }
  return Math.sqrt(sum);
}

function strongestFirst(rows: ReadonlyArray<ArrayLike<number>>): number[] {
  const strength = rows.map((r) => Math.max(0, ...Array.from(r, (v) => Math.abs(v || 0))));
  return rows.map((_, i) => i).sort((a, b) => strength[b]! - strength[a]! || a - b);
}

/** Indices of `rows` in dendrogram leaf order. */
export function leafOrder(rows: ReadonlyArray<ArrayLike<number>>): number[] {
  const n = rows.length;
  if (n > MAX_CLUSTERED) return strongestFirst(rows);
  const d = rows.map((a) => rows.map((b) => distance(a, b)));
  let clusters = rows.map((_, i) => ({ members: [i], size: 1, id: i }));
  // dist[i][j] between current clusters i and j, updated by the UPGMA (size-weighted mean) rule.
  let dist = d.map((r) => [...r]);
  while (clusters.length > 1) {
    let best = { i: 0, j: 1, d: Infinity };
    for (let i = 0; i < clusters.length; i++)
      for (let j = i + 1; j < clusters.length; j++) if (dist[i]![j]! < best.d) best = { i, j, d: dist[i]![j]! };
    const a = clusters[best.i]!;
    const b = clusters[best.j]!;
    const merged = { members: [...a.members, ...b.members], size: a.size + b.size, id: Math.min(a.id, b.id) };
    const keep = clusters.map((_, k) => k).filter((k) => k !== best.i && k !== best.j);
    const toMerged = keep.map((k) => (dist[best.i]![k]! * a.size + dist[best.j]![k]! * b.size) / merged.size);
    dist = [...keep.map((k, x) => [...keep.map((l) => dist[k]![l]!), toMerged[x]!]), [...toMerged, 0]];
    clusters = [...keep.map((k) => clusters[k]!), merged];
  }
  return clusters[0]?.members ?? [];
}
