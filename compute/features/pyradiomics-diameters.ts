// pyradiomics' Maximum3DDiameter and Maximum2DDiameterSlice / Column / Row (radiomics/src/cshape.c,
// `calculate_meshDiameter`): the largest distance between mesh vertices (pyradiomics-mesh.ts) — all of
// them, or those sharing z (slice), y (column) or x (row). pyradiomics compares all vertex pairs (O(n²));
// here only the pairs that can be farthest are: vertices of the convex hull, which must be extreme on every
// axis-parallel line of vertices through them. Hulls are built on the exact half-voxel integers; distances
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

/** Per line along `axis` (indexed by the two other coordinates): the lowest and highest coordinate on it. */
function lineExtremes(h: Int32Array, axis: number, e: readonly number[]): { lo: Int32Array; hi: Int32Array; key: (p: number) => number } {
  const [u, v] = [0, 1, 2].filter((d) => d !== axis) as [number, number];
  const lo = new Int32Array(e[u]! * e[v]!).fill(0x7fffffff), hi = new Int32Array(e[u]! * e[v]!).fill(-1);
  const key = (p: number) => h[p + u]! * e[v]! + h[p + v]!;
  for (let p = 0; p < h.length; p += 3) {
    const k = key(p), c = h[p + axis]!;
    if (c < lo[k]!) lo[k] = c;
    if (c > hi[k]!) hi[k] = c;
  }
  return { lo, hi, key };
}

function maximum3d(h: Int32Array, spacing: readonly number[]): number {
  const e = extents(h);
  const lines = [0, 1, 2].map((axis) => lineExtremes(h, axis, e));
  const candidates: number[] = [];
  for (let p = 0; p < h.length; p += 3) {
    if (lines.every(({ lo, hi, key }, axis) => h[p + axis] === lo[key(p)] || h[p + axis] === hi[key(p)])) candidates.push(h[p]!, h[p + 1]!, h[p + 2]!);
  }
  const hull = convexHull(Float64Array.from(candidates));
  const points = hull ? hull.vertices : Float64Array.from(candidates);
  const mm = new Float64Array(points.length);
  for (let p = 0; p < points.length; p++) mm[p] = (points[p]! / 2) * spacing[p % 3]!;
  return maxSquaredDistance(mm);
}

/** Cross product of (b − a) × (c − a) on 2D integer points (exact). */
function turn(pts: number[], a: number, b: number, c: number): number {
  return (pts[2 * b]! - pts[2 * a]!) * (pts[2 * c + 1]! - pts[2 * a + 1]!) - (pts[2 * b + 1]! - pts[2 * a + 1]!) * (pts[2 * c]! - pts[2 * a]!);
}

/** Convex hull (monotone chain) of 2D integer points already sorted by (u, v); returns point indices. */
function hull2d(pts: number[]): number[] {
  const n = pts.length / 2;
  if (n < 3) return Array.from({ length: n }, (_, i) => i);
  const chain = (order: number[]) => {
    const out: number[] = [];
    for (const p of order) {
      while (out.length >= 2 && turn(pts, out[out.length - 2]!, out[out.length - 1]!, p) <= 0) out.pop();
      out.push(p);
    }
    out.pop();
    return out;
  };
  const order = Array.from({ length: n }, (_, i) => i);
  return [...chain(order), ...chain(order.reverse())];
}

/** Largest squared in-plane distance over the planes of constant coordinate `axis` (0 z, 1 y, 2 x). */
function maximumInPlane(h: Int32Array, axis: number, spacing: readonly number[]): number {
  const e = extents(h);
  const [u, v] = [0, 1, 2].filter((d) => d !== axis) as [number, number];
  // Per (plane, u): lowest and highest v — a plane's hull vertices are among them.
  const lo = new Int32Array(e[axis]! * e[u]!).fill(0x7fffffff), hi = new Int32Array(e[axis]! * e[u]!).fill(-1);
  for (let p = 0; p < h.length; p += 3) {
    const k = h[p + axis]! * e[u]! + h[p + u]!, c = h[p + v]!;
    if (c < lo[k]!) lo[k] = c;
    if (c > hi[k]!) hi[k] = c;
  }
  let best = 0;
  const mm = new Float64Array(3);
  for (let plane = 0; plane < e[axis]!; plane++) {
    const pts: number[] = [];
    for (let cu = 0; cu < e[u]!; cu++) {
      const k = plane * e[u]! + cu;
      if (hi[k]! < 0) continue;
      pts.push(cu, lo[k]!);
      if (hi[k] !== lo[k]) pts.push(cu, hi[k]!);
    }
    if (pts.length < 4) continue;
    const hull = hull2d(pts);
    const coords = new Float64Array(3 * hull.length);
    hull.forEach((i, n) => {
      mm[axis] = (plane / 2) * spacing[axis]!; mm[u] = (pts[2 * i]! / 2) * spacing[u]!; mm[v] = (pts[2 * i + 1]! / 2) * spacing[v]!;
      coords.set(mm, 3 * n);
    });
    best = Math.max(best, maxSquaredDistance(coords));
  }
  return best;
}

/** pyradiomics' four mesh diameters (mm) of a mesh from pyradiomicsMesh; `spacing` as x, y, z. */
export function pyradiomicsMeshDiameters(mesh: PyradiomicsMesh, spacing: readonly [number, number, number]): MeshDiameters {
  const s = [spacing[2], spacing[1], spacing[0]];
  const h = mesh.halfVoxels;
  if (mesh.vertexCount === 0) return { Maximum3DDiameter: 0, Maximum2DDiameterSlice: 0, Maximum2DDiameterColumn: 0, Maximum2DDiameterRow: 0 };
  return {
    Maximum3DDiameter: Math.sqrt(maximum3d(h, s)),
    Maximum2DDiameterSlice: Math.sqrt(maximumInPlane(h, 0, s)),
    Maximum2DDiameterColumn: Math.sqrt(maximumInPlane(h, 1, s)),
    Maximum2DDiameterRow: Math.sqrt(maximumInPlane(h, 2, s)),
  };
}
