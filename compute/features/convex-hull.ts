// 3D convex hull (Quickhull, with an ε for the many coplanar points of voxel meshes), giving the hull
// volume, area and vertex set used by morphology (convex-hull densities, maximum 3D diameter).

export interface ConvexHull {
  /** Hull vertex coordinates, flat [x0, y0, z0, …]. */
  readonly vertices: Float64Array;
  readonly volume: number;
  readonly area: number;
}

/** Marks the two extreme points of every line of points parallel to `axis` (same other coordinates). */
function markLineExtremes(points: Float64Array, axis: 0 | 1 | 2, keep: Uint8Array): void {
  const [u, w] = axis === 0 ? [1, 2] : axis === 1 ? [0, 2] : [0, 1];
  const lines = new Map<string, [number, number]>();
  for (let p = 0; p < points.length; p += 3) {
    const key = `${points[p + u]}|${points[p + w]}`;
    const line = lines.get(key);
    if (!line) lines.set(key, [p, p]);
    else {
      if (points[p + axis]! < points[line[0] + axis]!) line[0] = p;
      if (points[p + axis]! > points[line[1] + axis]!) line[1] = p;
    }
  }
  for (const [lo, hi] of lines.values()) { keep[lo / 3]! += 1; if (hi !== lo) keep[hi / 3]! += 1; }
}

/**
 * Keeps only points that can be hull vertices of a lattice-like point set: a hull vertex is an extreme
 * point of each of the three axis-parallel lines through it. Cuts a surface mesh to a small candidate set.
 */
export function hullCandidates(points: Float64Array): Float64Array {
  const hits = new Uint8Array(points.length / 3);
  markLineExtremes(points, 0, hits);
  markLineExtremes(points, 1, hits);
  markLineExtremes(points, 2, hits);
  const out: number[] = [];
  for (let i = 0; i < hits.length; i++) if (hits[i] === 3) out.push(points[3 * i]!, points[3 * i + 1]!, points[3 * i + 2]!);
  return Float64Array.from(out);
}

interface Face { a: number; b: number; c: number; nx: number; ny: number; nz: number; d: number; alive: boolean; outside: number[] }

/**
 * Convex hull of points (flat xyz) by Quickhull: every point waits in the outside set of one face; the
 * farthest point of a face's set becomes a vertex, the faces it sees are replaced by a cone to their
 * horizon, and only the waiting points of those faces are reassigned. Undefined when all points are
 * coplanar (no volume).
 */
export function convexHull(points: Float64Array): ConvexHull | undefined {
  const n = points.length / 3;
  if (n < 4) return undefined;
  const X = (i: number) => points[3 * i]!, Y = (i: number) => points[3 * i + 1]!, Z = (i: number) => points[3 * i + 2]!;
  let scale = 0;
  for (let i = 0; i < points.length; i++) scale = Math.max(scale, Math.abs(points[i]!));
  const eps = 1e-9 * Math.max(1, scale);

  // Initial tetrahedron: two far points, the point farthest from their line, the point farthest from that plane.
  let p0 = 0, p1 = 0;
  for (let i = 1; i < n; i++) { if (X(i) < X(p0)) p0 = i; if (X(i) > X(p1)) p1 = i; }
  const dist2 = (i: number, j: number) => (X(i) - X(j)) ** 2 + (Y(i) - Y(j)) ** 2 + (Z(i) - Z(j)) ** 2;
  if (dist2(p0, p1) <= eps * eps) for (let i = 0; i < n; i++) if (dist2(i, p0) > dist2(p1, p0)) p1 = i;
  const ex = X(p1) - X(p0), ey = Y(p1) - Y(p0), ez = Z(p1) - Z(p0);
  let p2 = -1, best = eps;
  for (let i = 0; i < n; i++) {
    const vx = X(i) - X(p0), vy = Y(i) - Y(p0), vz = Z(i) - Z(p0);
    const d = Math.hypot(ey * vz - ez * vy, ez * vx - ex * vz, ex * vy - ey * vx);
    if (d > best) { best = d; p2 = i; }
  }
  if (p2 < 0) return undefined;
  const makeFace = (a: number, b: number, c: number): Face => {
    const ux = X(b) - X(a), uy = Y(b) - Y(a), uz = Z(b) - Z(a);
    const wx = X(c) - X(a), wy = Y(c) - Y(a), wz = Z(c) - Z(a);
    let nx = uy * wz - uz * wy, ny = uz * wx - ux * wz, nz = ux * wy - uy * wx;
    const len = Math.hypot(nx, ny, nz) || 1;
    nx /= len; ny /= len; nz /= len;
    return { a, b, c, nx, ny, nz, d: nx * X(a) + ny * Y(a) + nz * Z(a), alive: true, outside: [] };
  };
  const height = (f: Face, i: number) => f.nx * X(i) + f.ny * Y(i) + f.nz * Z(i) - f.d;
  const base = makeFace(p0, p1, p2);
  let p3 = -1; best = eps;
  for (let i = 0; i < n; i++) { const d = Math.abs(height(base, i)); if (d > best) { best = d; p3 = i; } }
  if (p3 < 0) return undefined;
  const [a, b, c] = height(base, p3) > 0 ? [p0, p2, p1] : [p0, p1, p2]; // normals point outwards
  let faces: Face[] = [makeFace(a, b, c), makeFace(a, c, p3), makeFace(c, b, p3), makeFace(b, a, p3)];

  const assign = (candidates: Iterable<number>, targets: Face[]) => {
    for (const i of candidates) for (const f of targets) if (height(f, i) > eps) { f.outside.push(i); break; }
  };
  const all: number[] = [];
  for (let i = 0; i < n; i++) if (i !== p0 && i !== p1 && i !== p2 && i !== p3) all.push(i);
  assign(all, faces);

  const edgeKey = (u: number, v: number) => u * n + v;
  const pending = faces.filter((f) => f.outside.length > 0);
  let dead = 0;
  while (pending.length > 0) {
    const face = pending.pop()!;
    if (!face.alive || face.outside.length === 0) continue;
    let apex = face.outside[0]!, far = -Infinity;
    for (const i of face.outside) { const h = height(face, i); if (h > far) { far = h; apex = i; } }
    const visible = faces.filter((f) => f.alive && height(f, apex) > eps);
    const edges = new Set<number>();
    for (const f of visible) { f.alive = false; edges.add(edgeKey(f.a, f.b)); edges.add(edgeKey(f.b, f.c)); edges.add(edgeKey(f.c, f.a)); }
    const created: Face[] = [];
    for (const f of visible) {
      for (const [u, v] of [[f.a, f.b], [f.b, f.c], [f.c, f.a]] as const) {
        if (!edges.has(edgeKey(v, u))) created.push(makeFace(u, v, apex)); // horizon edge
      }
    }
    const waiting: number[] = [];
    for (const f of visible) { for (const i of f.outside) if (i !== apex) waiting.push(i); f.outside = []; }
    assign(waiting, created);
    for (const f of created) { faces.push(f); if (f.outside.length > 0) pending.push(f); }
    dead += visible.length;
    if (dead > faces.length / 2) { faces = faces.filter((f) => f.alive); dead = 0; }
  }
  let volume = 0, area = 0;
  const used = new Set<number>();
  for (const f of faces) {
    if (!f.alive) continue;
    const ax = X(f.a), ay = Y(f.a), az = Z(f.a), bx = X(f.b), by = Y(f.b), bz = Z(f.b), cx = X(f.c), cy = Y(f.c), cz = Z(f.c);
    volume += ax * (by * cz - bz * cy) + ay * (bz * cx - bx * cz) + az * (bx * cy - by * cx);
    const ux = bx - ax, uy = by - ay, uz = bz - az, wx = cx - ax, wy = cy - ay, wz = cz - az;
    area += Math.hypot(uy * wz - uz * wy, uz * wx - ux * wz, ux * wy - uy * wx) / 2;
    used.add(f.a); used.add(f.b); used.add(f.c);
  }
  const vertices = new Float64Array(used.size * 3);
  let o = 0;
  for (const i of used) { vertices[o++] = X(i); vertices[o++] = Y(i); vertices[o++] = Z(i); }
  return { vertices, volume: Math.abs(volume) / 6, area };
}

/** Largest distance between any two points (flat xyz); O(n²) — pass hull vertices. */
export function maximumDistance(points: Float64Array): number {
  let best = 0;
  for (let p = 0; p < points.length; p += 3) for (let q = p + 3; q < points.length; q += 3) {
    const d = (points[p]! - points[q]!) ** 2 + (points[p + 1]! - points[q + 1]!) ** 2 + (points[p + 2]! - points[q + 2]!) ** 2;
    if (d > best) best = d;
  }
  return Math.sqrt(best);
}
