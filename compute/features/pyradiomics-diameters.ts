// pyradiomics' Maximum3DDiameter and Maximum2DDiameterSlice / Column / Row (radiomics/src/cshape.c,
// `calculate_meshDiameter`): the largest distance between mesh vertices (pyradiomics-mesh.ts) — all of
// them, or those sharing z (slice), y (column) or x (row). pyradiomics compares all vertex pairs (O(n²));
// here only the pairs that can be farthest are: vertices of the convex hull — per plane its 2D hull, in 3D
// the vertices on the 2D hulls of all three of their axis planes. Hulls use the exact half-voxel integers; distances
// are squared and summed in pyradiomics' (z, y, x) order, so the maximum is the same double.
import { convexHull } from "./convex-hull.js";
import type { PyradiomicsMesh } from "./pyradiomics-mesh.js";

export interface MeshDiameters {
  readonly Maximum3DDiameter: number;
  readonly Maximum2DDiameterSlice: number;
  readonly Maximum2DDiameterColumn: number;
  readonly Maximum2DDiameterRow: number;
}

/** Largest squared distance between points given in mm, flat (z, y, x), pyradiomics' summation order. */
function maxSquaredDistance(mm: Float64Array): number {
  let best = 0;
  for (let p = 0; p < mm.length; p += 3) {
    const a0 = mm[p]!, a1 = mm[p + 1]!, a2 = mm[p + 2]!;
    for (let q = p + 3; q < mm.length; q += 3) {
      const d0 = a0 - mm[q]!, d1 = a1 - mm[q + 1]!, d2 = a2 - mm[q + 2]!;
      const d = d0 * d0 + d1 * d1 + d2 * d2;
      if (d > best) best = d;
    }
  }
  return best;
}

/** Extent (max + 1) of each half-voxel coordinate. */
function extents(h: Int32Array): [number, number, number] {
  const e: [number, number, number] = [1, 1, 1];
  for (let p = 0; p < h.length; p += 3) for (let d = 0; d < 3; d++) if (h[p + d]! + 1 > e[d]!) e[d] = h[p + d]! + 1;
  return e;
}

/** Above this many 3D candidates the Quickhull of convex-hull.ts thins them before the pairwise search. */
const BRUTE_FORCE_CANDIDATES = 6000;

/**
 * Per plane of constant coordinate `axis` (0 z, 1 y, 2 x): the 2D convex hull of its vertices (built from
 * each row's two extremes, monotone chain on exact integers), counting in `onHull` the vertices that are
 * hull vertices; returns the largest squared in-plane distance (mm²) over them.
 */
function planeHulls(h: Int32Array, axis: number, e: readonly number[], spacing: readonly number[], onHull: Uint8Array): number {
  const [u, v] = [0, 1, 2].filter((d) => d !== axis) as [number, number];
  const rows = e[u]!, cells = e[axis]! * rows;
  const lo = new Int32Array(cells).fill(-1), hi = new Int32Array(cells).fill(-1); // vertex numbers of each row's extremes
  for (let p = 0, n = 0; p < h.length; p += 3, n++) {
    const k = h[p + axis]! * rows + h[p + u]!, c = h[p + v]!;
    if (lo[k]! < 0 || c < h[3 * lo[k]! + v]!) lo[k] = n;
    if (hi[k]! < 0 || c > h[3 * hi[k]! + v]!) hi[k] = n;
  }
  const pts = new Int32Array(2 * rows), hull = new Int32Array(2 * rows + 1);
  const mm = new Float64Array(3 * (2 * rows + 1));
  let best = 0;
  // Cross product (b − a) × (c − a) of vertices a, b, c in (u, v) (exact integers).
  const turn = (a: number, b: number, c: number) =>
    (h[3 * b + u]! - h[3 * a + u]!) * (h[3 * c + v]! - h[3 * a + v]!) - (h[3 * b + v]! - h[3 * a + v]!) * (h[3 * c + u]! - h[3 * a + u]!);
  for (let plane = 0; plane < e[axis]!; plane++) {
    let m = 0;
    for (let row = plane * rows; row < (plane + 1) * rows; row++) {
      if (lo[row]! < 0) continue;
      pts[m++] = lo[row]!;
      if (hi[row] !== lo[row]) pts[m++] = hi[row]!;
    }
    if (m === 0) continue;
    if (m === 1) { onHull[pts[0]!]!++; continue; } // a lone vertex is its plane's hull
    // Monotone chain over points sorted by (u, v): lower then upper hull.
    let top = 0;
    for (let i = 0; i < m; i++) {
      while (top >= 2 && turn(hull[top - 2]!, hull[top - 1]!, pts[i]!) <= 0) top--;
      hull[top++] = pts[i]!;
    }
    const lower = top + 1;
    for (let i = m - 2; i >= 0; i--) {
      while (top >= lower && turn(hull[top - 2]!, hull[top - 1]!, pts[i]!) <= 0) top--;
      hull[top++] = pts[i]!;
    }
    top--; // the first point closes the chain
    for (let i = 0; i < top; i++) {
      const n = hull[i]!;
      onHull[n]!++;
      for (let d = 0; d < 3; d++) mm[3 * i + d] = (h[3 * n + d]! / 2) * spacing[d]!;
    }
    best = Math.max(best, maxSquaredDistance(mm.subarray(0, 3 * top)));
  }
  return best;
}

/** pyradiomics' four mesh diameters (mm) of a mesh from pyradiomicsMesh; `spacing` as x, y, z. */
export function pyradiomicsMeshDiameters(mesh: PyradiomicsMesh, spacing: readonly [number, number, number]): MeshDiameters {
  const s = [spacing[2], spacing[1], spacing[0]];
  const h = mesh.halfVoxels;
  if (mesh.vertexCount === 0) return { Maximum3DDiameter: 0, Maximum2DDiameterSlice: 0, Maximum2DDiameterColumn: 0, Maximum2DDiameterRow: 0 };
  const e = extents(h);
  const onHull = new Uint8Array(mesh.vertexCount);
  const [slice, column, row] = [0, 1, 2].map((axis) => planeHulls(h, axis, e, s, onHull)) as [number, number, number];
  // A vertex of the 3D hull is a vertex of the 2D hull of each of its three axis planes.
  const candidates: number[] = [];
  for (let n = 0; n < onHull.length; n++) if (onHull[n] === 3) candidates.push(h[3 * n]!, h[3 * n + 1]!, h[3 * n + 2]!);
  const thinned = candidates.length / 3 > BRUTE_FORCE_CANDIDATES ? convexHull(Float64Array.from(candidates))?.vertices : undefined;
  const points = thinned ?? candidates;
  const mm = new Float64Array(points.length);
  for (let p = 0; p < points.length; p++) mm[p] = (points[p]! / 2) * s[p % 3]!;
  return {
    Maximum3DDiameter: Math.sqrt(maxSquaredDistance(mm)),
    Maximum2DDiameterSlice: Math.sqrt(slice),
    Maximum2DDiameterColumn: Math.sqrt(column),
    Maximum2DDiameterRow: Math.sqrt(row),
  };
}
