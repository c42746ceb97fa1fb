// pyradiomics' shape2D class (radiomics/shape2D.py, RadiomicsShape2D, and radiomics/src/cshape.c
// `calculate_coefficients2D` in pyradiomics 3.0.1; re-implemented, not copied) with `force2D`: the mask must
// be one voxel thick along `force2Ddimension` (numpy axis: 0 z, 1 y, 2 x); that axis is dropped and the
// slice padded by one pixel. Marching squares gives the perimeter (Σ segment lengths), the mesh surface
// (Σ a × b / 2 over segments, the shoelace formula) and the vertices for the maximum diameter.
import { BadUserInputError } from "../errors.js";
import type { Mask } from "../image/volume.js";
import { eigenvalues2 } from "./pyradiomics-principal-axes.js";
import type { PyradiomicsFeature } from "./pyradiomics.js";
import { shapeFeature } from "./pyradiomics-shape.js";
import { boundingBox } from "./roi.js";

/** Square corners (dy, dx), pyradiomics' numbering 0–3. */
const CORNERS = [[0, 0], [0, 1], [1, 1], [1, 0]] as const;
/** Edge midpoints (y, x) in half pixels, pyradiomics' edge numbering 0–3. */
const EDGES = [[0, 1], [1, 2], [2, 1], [1, 0]] as const;
/** Segments per square configuration (corner n set ⇔ bit n), as pairs of edge numbers, oriented as cshape.c's line table. */
const SEGMENTS: readonly (readonly number[])[] = [
  [], [3, 0], [0, 1], [3, 1], [1, 2], [1, 2, 3, 0], [0, 2], [3, 2], [2, 3], [2, 0], [0, 1, 2, 3], [2, 1], [1, 3], [1, 0], [0, 3], [],
];

export interface PyradiomicsContour {
  readonly perimeter: number;
  readonly surface: number;
  /** Vertices in half pixels of the padded slice, flat (row, column) integers. */
  readonly halfPixels: Int32Array;
}

/** pyradiomics' marching squares over a slice whose outer ring is empty (`rows` × `cols`, column fastest; spacing row, column). */
export function pyradiomicsContour(slice: Uint8Array, rows: number, cols: number, spacing: readonly [number, number]): PyradiomicsContour {
  const offsets = CORNERS.map(([dy, dx]) => dy * cols + dx);
  const mid = EDGES.map(([y, x]) => [y / 2, x / 2] as const);
  const vertices: number[] = [];
  let perimeter = 0, surface = 0;
  for (let iy = 0; iy + 1 < rows; iy++) for (let ix = 0; ix + 1 < cols; ix++) {
    const p = iy * cols + ix;
    let config = 0;
    for (let c = 0; c < 4; c++) if (slice[p + offsets[c]!] !== 0) config |= 1 << c;
    if (config === 0 || config === 15) continue;
    const segments = SEGMENTS[config]!;
    for (let s = 0; s < segments.length; s += 2) {
      const ea = mid[segments[s]!]!, eb = mid[segments[s + 1]!]!;
      const a0 = (iy + ea[0]) * spacing[0], a1 = (ix + ea[1]) * spacing[1];
      const b0 = (iy + eb[0]) * spacing[0], b1 = (ix + eb[1]) * spacing[1];
      surface += a0 * b1 - b0 * a1;
      const d0 = a0 - b0, d1 = a1 - b1;
      perimeter += Math.sqrt(d0 * d0 + d1 * d1);
    }
    // Each square stores the vertices on its edges 3 and 2 (at corner 3), complemented so corner 3 is unset.
    const flipped = config > 7 ? config ^ 0xf : config;
    if (flipped & 1) vertices.push(2 * iy + EDGES[3][0], 2 * ix + EDGES[3][1]);
    if (flipped & 4) vertices.push(2 * iy + EDGES[2][0], 2 * ix + EDGES[2][1]);
  }
  return { perimeter, surface: surface / 2, halfPixels: Int32Array.from(vertices) };
}

/** Largest distance (mm) between contour vertices: over their convex hull (exact on half-pixel integers). */
export function contourDiameter(halfPixels: Int32Array, spacing: readonly [number, number]): number {
  const n = halfPixels.length / 2;
  const order = Array.from({ length: n }, (_, i) => i).sort((p, q) => halfPixels[2 * p]! - halfPixels[2 * q]! || halfPixels[2 * p + 1]! - halfPixels[2 * q + 1]!);
  const turn = (a: number, b: number, c: number) =>
    (halfPixels[2 * b]! - halfPixels[2 * a]!) * (halfPixels[2 * c + 1]! - halfPixels[2 * a + 1]!) - (halfPixels[2 * b + 1]! - halfPixels[2 * a + 1]!) * (halfPixels[2 * c]! - halfPixels[2 * a]!);
  const chain = (indices: number[]) => {
    const out: number[] = [];
    for (const p of indices) {
      while (out.length >= 2 && turn(out[out.length - 2]!, out[out.length - 1]!, p) <= 0) out.pop();
      out.push(p);
    }
    out.pop();
    return out;
  };
  const hull = n < 3 ? order : [...chain(order), ...chain([...order].reverse())];
  const mm = hull.map((p) => [(halfPixels[2 * p]! / 2) * spacing[0], (halfPixels[2 * p + 1]! / 2) * spacing[1]] as const);
  let best = 0;
  for (let p = 0; p < mm.length; p++) for (let q = p + 1; q < mm.length; q++) {
    const d0 = mm[p]![0] - mm[q]![0], d1 = mm[p]![1] - mm[q]![1];
    const d = d0 * d0 + d1 * d1;
    if (d > best) best = d;
  }
  return Math.sqrt(best);
}

const AXIS_NAMES = ["z", "y", "x"] as const;

/** The mask's slice across numpy axis `dimension` (0 z, 1 y, 2 x), padded by one pixel, with its (row, column) spacing. */
function paddedSlice(mask: Mask, dimension: 0 | 1 | 2): { slice: Uint8Array; rows: number; cols: number; spacing: [number, number]; count: number } {
  const box = boundingBox(mask.geometry, mask.data);
  if (!box) throw new BadUserInputError("shape2D: the mask is empty");
  const [nx, ny] = mask.geometry.size;
  // numpy (z, y, x) order of sizes, lower corners and spacing.
  const extent = [box.upper[2] - box.lower[2] + 1, box.upper[1] - box.lower[1] + 1, box.upper[0] - box.lower[0] + 1];
  // pyradiomics' extractor checks the bounding-box size at index force2Ddimension in SimpleITK's (x, y, z) order and silently skips shape2D when it is 1.
  if ([...extent].reverse()[dimension] === 1) {
    throw new BadUserInputError(`shape2D: pyradiomics 3.0.1 computes no shape2D features for this mask — its extractor reads force2Ddimension ${dimension} in (x, y, z) order and skips shape2D when the ROI is one voxel wide along ${AXIS_NAMES[2 - dimension]}`, { force2Ddimension: dimension });
  }
  if (extent[dimension]! > 1) {
    throw new BadUserInputError(`shape2D: the mask is more than one voxel thick along force2Ddimension ${dimension} (${AXIS_NAMES[dimension]}: ${extent[dimension]} voxels); shape2D needs a 2D mask`, { force2Ddimension: dimension });
  }
  const lower = [box.lower[2], box.lower[1], box.lower[0]];
  const spacingZyx = [mask.geometry.spacing[2], mask.geometry.spacing[1], mask.geometry.spacing[0]];
  const [r, c] = [0, 1, 2].filter((a) => a !== dimension) as [number, number];
  const rows = extent[r]! + 2, cols = extent[c]! + 2;
  const slice = new Uint8Array(rows * cols);
  let count = 0;
  const index = [lower[0]!, lower[1]!, lower[2]!];
  for (let i = 0; i < extent[r]!; i++) for (let j = 0; j < extent[c]!; j++) {
    index[r] = lower[r]! + i; index[c] = lower[c]! + j;
    if (mask.data[index[2]! + nx * (index[1]! + ny * index[0]!)] !== 0) { slice[(i + 1) * cols + j + 1] = 1; count++; }
  }
  return { slice, rows, cols, spacing: [spacingZyx[r]!, spacingZyx[c]!], count };
}

/** pyradiomics' 1/N covariance eigenvalues (ascending) of the slice's pixel coordinates (mm). */
function sliceEigenvalues(slice: Uint8Array, rows: number, cols: number, spacing: readonly [number, number], count: number): [number, number] {
  let m0 = 0, m1 = 0;
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) if (slice[i * cols + j]) { m0 += i * spacing[0]; m1 += j * spacing[1]; }
  m0 /= count; m1 /= count;
  let a = 0, b = 0, c = 0;
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) {
    if (!slice[i * cols + j]) continue;
    const u = i * spacing[0] - m0, v = j * spacing[1] - m1;
    a += u * u; b += u * v; c += v * v;
  }
  return eigenvalues2(a / count, b / count, c / count);
}

/** Every pyradiomics shape2D feature (deprecated SphericalDisproportion included), named `<imageType>_shape2D_<Feature>`. */
export function pyradiomicsShape2DFeatures(mask: Mask, force2Ddimension: 0 | 1 | 2, imageType = "original"): PyradiomicsFeature[] {
  const { slice, rows, cols, spacing, count } = paddedSlice(mask, force2Ddimension);
  const contour = pyradiomicsContour(slice, rows, cols, spacing);
  const ev = sliceEigenvalues(slice, rows, cols, spacing, count);
  const named = (feature: string, value: number, reason: string, unit = "") => shapeFeature(`${imageType}_shape2D_${feature}`, value, reason, ["", "", unit]);
  const P = contour.perimeter, S = contour.surface;
  const sphericity = (2 * Math.sqrt(Math.PI * S)) / P;
  const negative = "an eigenvalue of the coordinate covariance is negative (pyradiomics: NaN)";
  return [
    named("MeshSurface", S, "", "mm²"),
    named("PixelSurface", count * (spacing[1] * spacing[0]), "", "mm²"),
    named("Perimeter", P, "", "mm"),
    named("PerimeterSurfaceRatio", P / S, "the contour encloses no surface", "mm⁻¹"),
    named("Sphericity", sphericity, "the contour has no length"),
    named("SphericalDisproportion", 1.0 / sphericity, "the contour encloses no surface"),
    named("MaximumDiameter", contourDiameter(contour.halfPixels, spacing), "", "mm"),
    named("MajorAxisLength", ev[1] < 0 ? NaN : Math.sqrt(ev[1]) * 4, negative, "mm"),
    named("MinorAxisLength", ev[0] < 0 ? NaN : Math.sqrt(ev[0]) * 4, negative, "mm"),
    named("Elongation", ev[0] < 0 || ev[1] < 0 ? NaN : Math.sqrt(ev[0] / ev[1]), ev[1] === 0 ? "the ROI has no extent (largest eigenvalue 0)" : negative),
  ];
}
