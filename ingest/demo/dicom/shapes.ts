// Lesion shapes with known geometry, given in a series' own axes (row, column, normal) around a
// centre in patient space: spheres, ellipsoids, and ellipsoidal shells (a shape with a hole).
import type { Vec3 } from "../../../compute/image/volume.js";
import { localCoordinates, type SeriesGeometry } from "./series-geometry.js";

export interface LesionShape {
  readonly label: string;
  readonly centre: Vec3;
  /** Semi-axes along the series' row, column and normal directions, mm. */
  readonly radii: Vec3;
  /** Semi-axes of the hole (same centre and axes); absent for a solid shape. */
  readonly holeRadii?: Vec3;
}

export function sphere(label: string, centre: Vec3, radius: number): LesionShape {
  return { label, centre, radii: [radius, radius, radius] };
}

export function ellipsoid(label: string, centre: Vec3, radii: Vec3): LesionShape {
  return { label, centre, radii };
}

export function shell(label: string, centre: Vec3, radii: Vec3, holeRadii: Vec3): LesionShape {
  return { label, centre, radii, holeRadii };
}

export function shapeContains(shape: LesionShape, geometry: SeriesGeometry, point: Vec3): boolean {
  const local = localCoordinates(geometry, shape.centre, point);
  return insideEllipsoid(local, shape.radii) && !(shape.holeRadii && insideEllipsoid(local, shape.holeRadii));
}

/** Continuous volume, mm³: 4/3·π·abc, minus the hole. */
export function analyticVolumeMm3(shape: LesionShape): number {
  const volume = (r: Vec3) => (4 / 3) * Math.PI * r[0] * r[1] * r[2];
  return volume(shape.radii) - (shape.holeRadii ? volume(shape.holeRadii) : 0);
}

/** Semi-axes of the ellipse cut by the plane at `w` mm along the normal from the centre; undefined when it misses. */
export function crossSection(radii: Vec3, w: number): readonly [number, number] | undefined {
  const remaining = 1 - (w / radii[2]) ** 2;
  if (remaining <= 0) return undefined;
  const factor = Math.sqrt(remaining);
  return [radii[0] * factor, radii[1] * factor];
}

function insideEllipsoid(local: Vec3, radii: Vec3): boolean {
  return (local[0] / radii[0]) ** 2 + (local[1] / radii[1]) ** 2 + (local[2] / radii[2]) ** 2 <= 1;
}
