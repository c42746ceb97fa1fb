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
  // dist[i·n + j] between clusters i and j (each named by its lowest-index slot), updated in place by
  // the UPGMA rule d(a∪b, k) = (|a|·d(a,k) + |b|·d(b,k)) / (|a| + |b|).
  const dist = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) dist[i * n + j] = dist[j * n + i] = distance(rows[i]!, rows[j]!);
  const members: number[][] = rows.map((_, i) => [i]);
  const active = rows.map((_, i) => i);
  while (active.length > 1) {
    let bi = 0;
    let bj = 1;
    let best = Infinity;
    for (let x = 0; x < active.length; x++)
      for (let y = x + 1; y < active.length; y++) {
        const d = dist[active[x]! * n + active[y]!]!;
        if (d < best) (best = d), (bi = x), (bj = y);
      }
    const a = active[bi]!;
    const b = active[bj]!;
    const sa = members[a]!.length;
    const sb = members[b]!.length;
    for (const k of active) {
      if (k === a || k === b) continue;
      dist[a * n + k] = dist[k * n + a] = (dist[a * n + k]! * sa + dist[b * n + k]! * sb) / (sa + sb);
    }
    members[a] = [...members[a]!, ...members[b]!];
    active.splice(bj, 1);
  }
  return n ? members[active[0]!]! : [];
}
