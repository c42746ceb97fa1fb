// What the graph keeps about a series (DESIGN: slice thickness, kernel, vendor… on every series),
// made from its instances (Part-10 or DICOM JSON metadata, no pixels needed). Geometry problems are
// reported as a value here, because an irregular series is still worth recording.

import type { AcquisitionParameters, ImageInstance } from "./dicom-instance.js";
import { gridGeometry, imageGridFromInstances } from "./image-grid.js";
import { SeriesGeometryError, type SeriesGeometryProblem } from "./image-errors.js";
import type { GridTolerance } from "./grid-tolerance.js";

export interface SeriesSummary {
  readonly seriesInstanceUID: string;
  readonly studyInstanceUID: string;
  readonly patientID?: string;
  readonly modality?: string;
  readonly frameOfReferenceUID?: string;
  readonly sliceCount: number;
  readonly rows: number;
  readonly columns: number;
  /** [between rows, between columns], mm. */
  readonly pixelSpacing: readonly [number, number];
  readonly sliceThickness?: number;
  /** Distance between slice centres when the stack is regular, mm. */
  readonly sliceSpacing?: number;
  /** Acquisition parameters of the first slice. */
  readonly acquisition: AcquisitionParameters;
  /** Acquisition parameters that differ between slices (e.g. kVp or kernel changing within the series). */
  readonly varyingAcquisition: readonly (keyof AcquisitionParameters)[];
  /** Set when the slices do not form one regular volume (then features need resampling or are refused). */
  readonly geometryProblem?: SeriesGeometryProblem;
}

export function summarizeSeries(
  instances: readonly ImageInstance[],
  options: { tolerance?: Partial<GridTolerance> } = {},
): SeriesSummary {
  const first = instances[0];
  if (!first) throw new SeriesGeometryError("empty-series", "a series needs at least one image slice");
  const { sliceSpacing, geometryProblem } = regularity(instances, options.tolerance);
  return {
    seriesInstanceUID: first.seriesInstanceUID,
    studyInstanceUID: first.studyInstanceUID,
    patientID: first.patientID,
    modality: first.modality,
    frameOfReferenceUID: first.frameOfReferenceUID,
    sliceCount: instances.length,
    rows: first.pixel.rows,
    columns: first.pixel.columns,
    pixelSpacing: first.plane.pixelSpacing,
    sliceThickness: first.plane.sliceThickness,
    sliceSpacing,
    acquisition: first.acquisition,
    varyingAcquisition: varyingAcquisition(instances),
    geometryProblem,
  };
}

function regularity(
  instances: readonly ImageInstance[],
  tolerance: Partial<GridTolerance> | undefined,
): { sliceSpacing?: number; geometryProblem?: SeriesGeometryProblem } {
  try {
    return { sliceSpacing: gridGeometry(imageGridFromInstances(instances, { tolerance })).spacing[2] };
  } catch (error) {
    if (error instanceof SeriesGeometryError) return { geometryProblem: error.problem };
    throw error;
  }
}

function varyingAcquisition(instances: readonly ImageInstance[]): (keyof AcquisitionParameters)[] {
  const first = instances[0]!.acquisition;
  const keys = new Set(instances.flatMap((instance) => Object.keys(instance.acquisition))) as Set<keyof AcquisitionParameters>;
  return [...keys].filter((key) => instances.some((instance) => instance.acquisition[key] !== first[key])).sort();
}
