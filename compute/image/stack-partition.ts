// Splits the instances of one series into groups that share an in-plane geometry (size, pixel
// spacing, orientation), e.g. to set a localizer apart from the axial stack it was saved with.
// It does not separate repeated acquisitions at the same positions (echoes, b-values, phases).

import type { ImageInstance } from "./dicom-instance.js";
import { maxAbsDifference } from "./vec3.js";
import { resolveTolerance, spacingsEqual, type GridTolerance } from "./grid-tolerance.js";

/** Groups by in-plane geometry, largest group first; each group keeps the input order. */
export function partitionByPlaneGeometry(
  instances: readonly ImageInstance[],
  options: { tolerance?: Partial<GridTolerance> } = {},
): ImageInstance[][] {
  const tolerance = resolveTolerance(options.tolerance);
  const groups: ImageInstance[][] = [];
  for (const instance of instances) {
    const group = groups.find((candidate) => samePlaneGeometry(candidate[0]!, instance, tolerance));
    if (group) group.push(instance);
    else groups.push([instance]);
  }
  return groups.sort((a, b) => b.length - a.length);
}

function samePlaneGeometry(a: ImageInstance, b: ImageInstance, tolerance: GridTolerance): boolean {
  return (
    a.seriesInstanceUID === b.seriesInstanceUID &&
    a.frameOfReferenceUID === b.frameOfReferenceUID &&
    a.pixel.rows === b.pixel.rows &&
    a.pixel.columns === b.pixel.columns &&
    spacingsEqual(a.plane.pixelSpacing[0], b.plane.pixelSpacing[0], tolerance) &&
    spacingsEqual(a.plane.pixelSpacing[1], b.plane.pixelSpacing[1], tolerance) &&
    maxAbsDifference(a.plane.rowDirection, b.plane.rowDirection) <= tolerance.directionCosine &&
    maxAbsDifference(a.plane.columnDirection, b.plane.columnDirection) <= tolerance.directionCosine
  );
}
