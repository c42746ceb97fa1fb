// IBSI-2 boundary conditions: how a filter sees the image beyond its edge (IBSI-2 reference manual,
// "boundary conditions"): zero padding, nearest (edge value repeated), periodic (the image tiled) and
// mirror (symmetric: … c b a | a b c … c b a | a b c, the edge voxel repeated — scipy's "reflect").

export type BoundaryCondition = "zero" | "nearest" | "periodic" | "mirror";

export const BOUNDARY_CONDITIONS: readonly BoundaryCondition[] = ["zero", "nearest", "periodic", "mirror"];

/** The index in [0, n) that position `i` (any integer) reads under the condition; -1 for zero padding. */
export function boundaryIndex(i: number, n: number, condition: BoundaryCondition): number {
  if (i >= 0 && i < n) return i;
  switch (condition) {
    case "zero":
      return -1;
    case "nearest":
      return i < 0 ? 0 : n - 1;
    case "periodic":
      return ((i % n) + n) % n;
    case "mirror": {
      const period = 2 * n; // a b c c b a, repeated
      const m = ((i % period) + period) % period;
      return m < n ? m : period - 1 - m;
    }
  }
}
