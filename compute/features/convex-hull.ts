// 3D convex hull (incremental, with an ε for the many coplanar points of voxel meshes), giving the hull
// volume, area and vertex set used by morphology (convex-hull densities, maximum 3D diameter).

export interface ConvexHull {
  /** Hull vertex coordinates, flat [x0, y0, z0, …]. */
  readonly vertices: Float64Array;
  readonly volume: number;
  readonly area: number;
}

/**
 * Keeps only the points that can be hull vertices of a lattice-like point set: on every line along x
 * (same y and z), the two extreme points. Cuts a surface mesh to O(rows) points.
 */
export function extremePointsAlongX(points: Float64Array): Float64Array {
  const lines = new Map<string, [number, number]>();
  for (let p = 0; p < points.length; p += 3) {
    const key = `${points[p + 1]}|${points[p + 2]}`;
    const line = lines.get(key);
    if (!line) lines.set(key, [p, p]);
    else {
      if (points[p]! < points[line[0]]!) line[0] = p;
      if (points[p]! > points[line[1]]!) line[1] = p;
    }
  }
  const out: number[] = [];
  for (const [lo, hi] of lines.values()) {
    out.push(points[lo]!, points[lo + 1]!, points[lo + 2]!);
    if (hi !== lo) out.push(points[hi]!, points[hi + 1]!, points[hi + 2]!);
  }
  return Float64Array.from(out);
}

interface Face { a: number; b: number; c: number; nx: number; ny: number; nz: number; d: number; alive: boolean }

/** Deterministic shuffle (so runs are reproducible) to keep the incremental hull fast on average. */
function shuffledOrder(n: number): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  let seed = 0x9e3779b9;
  for (let i = n - 1; i > 0; i--) {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    const j = seed % (i + 1);
    const t = order[i]!; order[i] = order[j]!; order[j] = t;
  }
  return order;
}

/** Convex hull of points (flat xyz). Returns undefined when all points are coplanar (no volume). */
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
  if (p0 === p1) { for (let i = 0; i < n; i++) if ((X(i) - X(p0)) ** 2 + (Y(i) - Y(p0)) ** 2 + (Z(i) - Z(p0)) ** 2 > (X(p1) - X(p0)) ** 2 + (Y(p1) - Y(p0)) ** 2 + (Z(p1) - Z(p0)) ** 2) p1 = i; }
  const ex = X(p1) - X(p0), ey = Y(p1) - Y(p0), ez = Z(p1) - Z(p0);
  let p2 = -1, best = eps;
  for (let i = 0; i < n; i++) {
    const vx = X(i) - X(p0), vy = Y(i) - Y(p0), vz = Z(i) - Z(p0);
    const cx = ey * vz - ez * vy, cy = ez * vx - ex * vz, cz = ex * vy - ey * vx;
    const d = Math.sqrt(cx * cx + cy * cy + cz * cz);
    if (d > best) { best = d; p2 = i; }
  }
  if (p2 < 0) return undefined;
  const faces: Face[] = [];
  const makeFace = (a: number, b: number, c: number): Face => {
    const ux = X(b) - X(a), uy = Y(b) - Y(a), uz = Z(b) - Z(a);
    const wx = X(c) - X(a), wy = Y(c) - Y(a), wz = Z(c) - Z(a);
    let nx = uy * wz - uz * wy, ny = uz * wx - ux * wz, nz = ux * wy - uy * wx;
    const len = Math.sqrt(nx * nx + ny * ny + nz * nz) || 1;
    nx /= len; ny /= len; nz /= len;
    return { a, b, c, nx, ny, nz, d: nx * X(a) + ny * Y(a) + nz * Z(a), alive: true };
  };
  const base = makeFace(p0, p1, p2);
  let p3 = -1; best = eps;
  for (let i = 0; i < n; i++) {
    const d = Math.abs(base.nx * X(i) + base.ny * Y(i) + base.nz * Z(i) - base.d);
    if (d > best) { best = d; p3 = i; }
  }
  if (p3 < 0) return undefined;
  // Orient the tetrahedron so that face normals point outwards.
  const above = base.nx * X(p3) + base.ny * Y(p3) + base.nz * Z(p3) - base.d > 0;
  const [a, b, c] = above ? [p0, p2, p1] : [p0, p1, p2];
  faces.push(makeFace(a, b, c), makeFace(a, c, p3), makeFace(c, b, p3), makeFace(b, a, p3));

  const edgeKey = (u: number, v: number) => u * n + v;
  let dead = 0;
  for (const p of shuffledOrder(n)) {
    if (p === p0 || p === p1 || p === p2 || p === p3) continue;
    const px = X(p), py = Y(p), pz = Z(p);
    const visible: Face[] = [];
    for (const f of faces) if (f.alive && f.nx * px + f.ny * py + f.nz * pz - f.d > eps) visible.push(f);
    if (visible.length === 0) continue;
    const edges = new Set<number>();
    for (const f of visible) { f.alive = false; edges.add(edgeKey(f.a, f.b)); edges.add(edgeKey(f.b, f.c)); edges.add(edgeKey(f.c, f.a)); }
    for (const f of visible) {
      for (const [u, v] of [[f.a, f.b], [f.b, f.c], [f.c, f.a]] as const) {
        if (!edges.has(edgeKey(v, u))) faces.push(makeFace(u, v, p)); // horizon edge
      }
    }
    dead += visible.length;
    if (dead > faces.length / 2) {
      const alive = faces.filter((f) => f.alive);
      faces.length = 0;
      faces.push(...alive);
      dead = 0;
    }
  }
  let volume = 0, area = 0;
  const used = new Set<number>();
  for (const f of faces) {
    if (!f.alive) continue;
    const ax = X(f.a), ay = Y(f.a), az = Z(f.a), bx = X(f.b), by = Y(f.b), bz = Z(f.b), cx = X(f.c), cy = Y(f.c), cz = Z(f.c);
    volume += ax * (by * cz - bz * cy) + ay * (bz * cx - bx * cz) + az * (bx * cy - by * cx);
    const ux = bx - ax, uy = by - ay, uz = bz - az, wx = cx - ax, wy = cy - ay, wz = cz - az;
    area += Math.sqrt((uy * wz - uz * wy) ** 2 + (uz * wx - ux * wz) ** 2 + (ux * wy - uy * wx) ** 2) / 2;
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
