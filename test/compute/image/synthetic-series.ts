// Builders for synthetic image series: plain ImageInstance records (the typed form the parser
// produces), with chosen orientation, positions and stored pixel values.

import type { ImageInstance } from "../../../compute/image/dicom-instance.js";
import type { Vec3 } from "../../../compute/image/volume.js";

export interface SyntheticSeriesSpec {
  readonly rows?: number;
  readonly columns?: number;
  readonly pixelSpacing?: readonly [number, number];
  readonly rowDirection?: Vec3;
  readonly columnDirection?: Vec3;
  /** Patient positions (IPP) of the slices, in the order the instances are returned. */
  readonly positions: readonly Vec3[];
  readonly rescaleSlope?: number;
  readonly rescaleIntercept?: number;
  /** Stored value of pixel (column, row) on slice `index` (index in `positions`). */
  readonly storedValue?: (column: number, row: number, index: number) => number;
}

export function syntheticSeries(spec: SyntheticSeriesSpec): ImageInstance[] {
  const rows = spec.rows ?? 4;
  const columns = spec.columns ?? 5;
  return spec.positions.map((position, index) => ({
    sopClassUID: "1.2.840.10008.5.1.4.1.1.2",
    sopInstanceUID: `2.25.1000.${index + 1}`,
    seriesInstanceUID: "2.25.1000",
    studyInstanceUID: "2.25.100",
    frameOfReferenceUID: "2.25.10",
    modality: "CT",
    instanceNumber: index + 1,
    acquisition: {},
    plane: {
      imagePositionPatient: position,
      rowDirection: spec.rowDirection ?? [1, 0, 0],
      columnDirection: spec.columnDirection ?? [0, 1, 0],
      pixelSpacing: spec.pixelSpacing ?? [0.5, 0.8],
      sliceThickness: 2,
    },
    pixel: {
      rows,
      columns,
      samplesPerPixel: 1,
      bitsAllocated: 16,
      bitsStored: 16,
      pixelRepresentation: 1,
      rescaleSlope: spec.rescaleSlope ?? 1,
      rescaleIntercept: spec.rescaleIntercept ?? 0,
    },
    pixelData: int16Frame(rows, columns, (column, row) => spec.storedValue?.(column, row, index) ?? 0),
    pixelDataEncapsulated: false,
  }));
}

function int16Frame(rows: number, columns: number, value: (column: number, row: number) => number): Uint8Array {
  const frame = new Int16Array(rows * columns);
  for (let row = 0; row < rows; row++) for (let column = 0; column < columns; column++) frame[row * columns + column] = value(column, row);
  return new Uint8Array(frame.buffer);
}

/** Unit vectors of an oblique orientation: the axial axes rotated by `a` about z, then `b` about x. */
export function obliqueDirections(a: number, b: number): { rowDirection: Vec3; columnDirection: Vec3; normal: Vec3 } {
  const rotate = (v: Vec3): Vec3 => {
    const z: Vec3 = [v[0] * Math.cos(a) - v[1] * Math.sin(a), v[0] * Math.sin(a) + v[1] * Math.cos(a), v[2]];
    return [z[0], z[1] * Math.cos(b) - z[2] * Math.sin(b), z[1] * Math.sin(b) + z[2] * Math.cos(b)];
  };
  return { rowDirection: rotate([1, 0, 0]), columnDirection: rotate([0, 1, 0]), normal: rotate([0, 0, 1]) };
}

export function along(origin: Vec3, direction: Vec3, distance: number): Vec3 {
  return [origin[0] + direction[0] * distance, origin[1] + direction[1] * distance, origin[2] + direction[2] * distance];
}
