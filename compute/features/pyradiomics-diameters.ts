// pyradiomics' Maximum2DDiameterSlice / Column / Row: the largest distance between surface-mesh vertices
// that share a z (slice), y (column: the row–slice plane) or x (row: the column–slice plane) coordinate.
// Vertices are marching cubes' (edge midpoints, meshVertices); per plane only its 2D convex hull is searched.
import { meshVertices } from "./marching-cubes.js";
import type { RoiGrid } from "./roi.js";

export interface PlaneDiameters {
  readonly Maximum2DDiameterSlice: number;
  readonly Maximum2DDiameterColumn: number;
  readonly Maximum2DDiameterRow: number;
}

/** Convex hull of 2D points (Andrew's monotone chain), as a flat [u0, v0, u1, v1, …]. */
function hull2d(points: number[]): number[] {
  const n = points.length / 2;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => points[2 * a]! - points[2 * b]! || points[2 * a + 1]! - points[2 * b + 1]!);
  const cross = (o: number, a: number, b: number) =>
    (points[2 * a]! - points[2 * o]!) * (points[2 * b + 1]! - points[2 * o + 1]!) - (points[2 * a + 1]! - points[2 * o + 1]!) * (points[2 * b]! - points[2 * o]!);
  const chain = (indices: number[]) => {
    const out: number[] = [];
    for (const p of indices) {
      while (out.length >= 2 && cross(out[out.length - 2]!, out[out.length - 1]!, p) <= 0) out.pop();
      out.push(p);
    }
    out.pop();
    return out;
  };
  const hull = n < 3 ? order : [...chain(order), ...chain([...order].reverse())];
  return hull.flatMap((p) => [points[2 * p]!, points[2 * p + 1]!]);
}

function maxDistance2d(points: number[]): number {
  const h = hull2d(points);
  let best = 0;
  for (let p = 0; p < h.length; p += 2) for (let q = p + 2; q < h.length; q += 2) best = Math.max(best, (h[p]! - h[q]!) ** 2 + (h[p + 1]! - h[q + 1]!) ** 2);
  return Math.sqrt(best);
}

/** Largest in-plane diameter over the planes of constant coordinate `axis`. */
function planeDiameter(vertices: Float64Array, axis: 0 | 1 | 2): number {
  const [u, v] = axis === 0 ? [1, 2] : axis === 1 ? [0, 2] : [0, 1];
  const planes = new Map<number, number[]>();
  for (let p = 0; p < vertices.length; p += 3) {
    const key = vertices[p + axis]!;
    let list = planes.get(key);
    if (!list) planes.set(key, (list = []));
    list.push(vertices[p + u]!, vertices[p + v]!);
  }
  let best = 0;
  for (const points of planes.values()) best = Math.max(best, maxDistance2d(points));
  return best;
}

export function pyradiomicsPlaneDiameters(roi: RoiGrid): PlaneDiameters {
  const vertices = meshVertices(roi.morphologicalMask, roi.size, roi.spacing);
  return { Maximum2DDiameterSlice: planeDiameter(vertices, 2), Maximum2DDiameterColumn: planeDiameter(vertices, 1), Maximum2DDiameterRow: planeDiameter(vertices, 0) };
}
