// Series → Volume: validates the slices as one regular stack (image-grid.ts), then decodes every
// slice straight into one Float32Array in slice-normal order, with rescale applied.

import { InvalidDicomError } from "../errors.js";
import type { Volume } from "./volume.js";
import type { ImageInstance } from "./dicom-instance.js";
import { gridGeometry, imageGridFromInstances, type ImageGrid } from "./image-grid.js";
import { decodeFrameInto } from "./pixel-decode.js";
import { sitkPixelType } from "./sitk-pixel-type.js";
import { UnsupportedTransferSyntaxError } from "./image-errors.js";
import type { GridTolerance } from "./grid-tolerance.js";

export interface SeriesVolume {
  readonly volume: Volume<Float32Array>;
  /** The slice stack the volume was built on (SOP UIDs per slice k), for placing SEG and RTSTRUCT. */
  readonly grid: ImageGrid;
}

/**
 * Builds the HU (or MR unit) volume of one series. Slices are sorted along the normal from IOP.
 * Throws SeriesGeometryError (tilt, duplicates, gaps, irregular spacing, mixed geometry),
 * UnsupportedTransferSyntaxError (compressed pixels) or InvalidDicomError (missing pixel data).
 */
export function buildSeriesVolume(
  instances: readonly ImageInstance[],
  options: { tolerance?: Partial<GridTolerance> } = {},
): SeriesVolume {
  const grid = imageGridFromInstances(instances, options);
  const geometry = gridGeometry(grid);
  const byKey = new Map(instances.map((instance) => [sliceKey(instance), instance]));
  const sliceSize = grid.rows * grid.columns;
  const data = new Float32Array(sliceSize * grid.slices.length);
  grid.slices.forEach((slice, k) => {
    const instance = byKey.get(sliceKey(slice))!;
    decodeFrameInto(requirePixelData(instance), instance.pixel, data, k * sliceSize, `image ${instance.sopInstanceUID}`);
  });
  // SimpleITK's series reader takes the pixel type from the first file of its (position-sorted) list.
  const first = byKey.get(sliceKey(grid.slices[0]!))!;
  return { volume: { geometry, data, sourcePixelType: sitkPixelType(first.pixel) }, grid };
}

// Frames of one multi-frame image share the SOP Instance UID.
function sliceKey(slice: { sopInstanceUID: string; frameNumber?: number }): string {
  return `${slice.sopInstanceUID}#${slice.frameNumber ?? 0}`;
}

function requirePixelData(instance: ImageInstance): Uint8Array {
  if (instance.pixelDataEncapsulated) {
    throw new UnsupportedTransferSyntaxError(instance.transferSyntaxUID ?? "(unknown)", { sopInstanceUID: instance.sopInstanceUID });
  }
  if (!instance.pixelData) {
    throw new InvalidDicomError(`image ${instance.sopInstanceUID} has no pixel data (metadata only? attach frames with withPixelData)`, {
      sopInstanceUID: instance.sopInstanceUID,
    });
  }
  return instance.pixelData;
}
