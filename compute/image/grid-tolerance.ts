// Named tolerances for deciding that two planes, positions or orientations are "the same".

export interface GridTolerance {
  /** Distance in mm within which two positions (or a position and a plane) coincide. */
  readonly positionMm: number;
  /** Largest difference between direction cosines that still counts as the same orientation. */
  readonly directionCosine: number;
  /** Largest relative difference between pixel spacings (or slice spacings) that still counts as equal. */
  readonly relativeSpacing: number;
  /** In-plane displacement, as a fraction of a pixel, below which two pixel grids count as aligned. */
  readonly inPlaneShiftPixels: number;
}

export const DEFAULT_GRID_TOLERANCE: GridTolerance = {
  positionMm: 0.01,
  directionCosine: 1e-4,
  relativeSpacing: 1e-4,
  inPlaneShiftPixels: 0.05,
};

export function resolveTolerance(partial: Partial<GridTolerance> | undefined): GridTolerance {
  return { ...DEFAULT_GRID_TOLERANCE, ...partial };
}

export function spacingsEqual(a: number, b: number, tolerance: GridTolerance): boolean {
  return Math.abs(a - b) <= tolerance.relativeSpacing * Math.max(Math.abs(a), Math.abs(b));
}

/** Largest in-plane displacement (mm) that still leaves two pixel grids aligned: rounding noise, not a shift. */
export function inPlaneToleranceMm(pixelSpacing: readonly [number, number], tolerance: GridTolerance): number {
  return Math.max(2 * tolerance.positionMm, tolerance.inPlaneShiftPixels * Math.min(pixelSpacing[0], pixelSpacing[1]));
}
