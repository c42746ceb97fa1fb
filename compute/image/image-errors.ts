// Typed errors specific to DICOM imaging. They extend the shared ones in compute/errors.ts, so the
// GraphQL layer maps them by their stable code, while callers can still catch the precise class.

import { GeometryMismatchError, InvalidDicomError, PlatformError } from "../errors.js";

/** The pixel data is compressed (JPEG, JPEG 2000, RLE, deflate…) or big-endian: we decode native little-endian only. */
export class UnsupportedTransferSyntaxError extends InvalidDicomError {
  constructor(transferSyntaxUID: string, details: Record<string, unknown> = {}) {
    super(
      `transfer syntax ${transferSyntaxUID} is not supported: only uncompressed little-endian pixel data ` +
        `(1.2.840.10008.1.2, 1.2.840.10008.1.2.1) can be decoded; ask the DICOMweb server to transcode`,
      { transferSyntaxUID, ...details },
    );
  }
}

/** Why a set of slices cannot form one image grid or volume. */
export type SeriesGeometryProblem =
  | "empty-series"
  | "mixed-geometry"
  | "mixed-series"
  | "duplicate-position"
  | "gantry-tilt"
  | "irregular-spacing"
  | "missing-slices";

/** The slices of a series do not stack into one regular grid (tilt, gaps, duplicates, mixed sizes…). */
export class SeriesGeometryError extends GeometryMismatchError {
  constructor(
    readonly problem: SeriesGeometryProblem,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, { problem, ...details });
  }
}

/** A segmentation or structure set references an image series (or instance) that was not given. */
export class ReferencedImagesMissingError extends PlatformError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super("NOT_FOUND", message, details);
  }
}
