// Where a synthetic series' voxels lie in patient space (LPS, mm). All numbers are DS-rounded, so
// the files carry exactly these values.
import type { Vec3 } from "../../../compute/image/volume.js";
import { toDecimalString, toDecimalStrings } from "./decimal-string.js";

export interface SeriesGeometrySpec {
  readonly rows: number;
  readonly columns: number;
  /** [between rows, between columns], mm, as DICOM PixelSpacing. */
  readonly pixelSpacing: readonly [number, number];
  readonly rowDirection: Vec3;
  readonly columnDirection: Vec3;
  /** IPP of the first slice along the normal. */
  readonly origin: Vec3;
  readonly sliceSpacing: number;
  readonly sliceCount: number;
}

export interface SeriesGeometry extends SeriesGeometrySpec {
  readonly normal: Vec3;
  /** IPP of slice k, in order along the normal. */
  readonly positions: readonly Vec3[];
  readonly voxelVolumeMm3: number;
}

export function seriesGeometry(spec: SeriesGeometrySpec): SeriesGeometry {
  const rowDirection = toDecimalStrings(spec.rowDirection);
  const columnDirection = toDecimalStrings(spec.columnDirection);
  const normal = cross(rowDirection, columnDirection);
  const origin = toDecimalStrings(spec.origin);
  const positions = Array.from({ length: spec.sliceCount }, (_, k) => toDecimalStrings(add(origin, scale(normal, k * spec.sliceSpacing))));
  return {
    ...spec,
    pixelSpacing: toDecimalStrings(spec.pixelSpacing),
    rowDirection,
    columnDirection,
    origin,
    normal,
    positions,
    voxelVolumeMm3: spec.pixelSpacing[0] * spec.pixelSpacing[1] * toDecimalString(spec.sliceSpacing),
  };
}

/** Patient position of the centre of pixel (column i, row j) on slice k. */
export function voxelCentre(geometry: SeriesGeometry, i: number, j: number, k: number): Vec3 {
  const position = geometry.positions[k]!;
  const alongRow = scale(geometry.rowDirection, i * geometry.pixelSpacing[1]);
  const alongColumn = scale(geometry.columnDirection, j * geometry.pixelSpacing[0]);
  return add(position, add(alongRow, alongColumn));
}

/** Coordinates of `point` relative to `centre` along the series' row, column and normal directions. */
export function localCoordinates(geometry: SeriesGeometry, centre: Vec3, point: Vec3): Vec3 {
  const d = subtract(point, centre);
  return [dot(d, geometry.rowDirection), dot(d, geometry.columnDirection), dot(d, geometry.normal)];
}

export function add(a: Vec3, b: Vec3): Vec3 {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
}
export function subtract(a: Vec3, b: Vec3): Vec3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}
export function scale(a: Vec3, s: number): Vec3 {
  return [a[0] * s, a[1] * s, a[2] * s];
}
export function dot(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}
export function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}
