// pyradiomics 3.0.1's resampling (resampleImage / preCrop through RadiomicsFeatureExtractor.loadImage, with
// SimpleITK 2.5.7's ResampleImageFilter) against our pure reimplementation, voxel by voxel, on an anisotropic
// synthetic volume with a non-zero origin (fixture and generator: scripts/fixtures/pyradiomics-resample.py):
// the grid (origin, size, spacing, direction), every label of the resampled mask, every image voxel.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pyradiomicsNormalise } from "../../../compute/features/pyradiomics-normalise.js";
import { indexToPhysical, physicalToContinuousIndex, type ItkInterpolator } from "../../../compute/image/itk-resample.js";
import { PYRADIOMICS_RESAMPLE_DEFAULTS, pyradiomicsResample, type SourcePixelType } from "../../../compute/image/pyradiomics-resample.js";
import { AXIAL, type Geometry, type Mask, type Vec3, type Volume } from "../../../compute/image/volume.js";

interface Grid { size: number[]; spacing: number[]; origin: number[]; direction: number[] }
interface Case { name: string; pixelType: SourcePixelType; direction: number[] | null; settings: Record<string, unknown>; outputPixelType: string; grid: Grid; maskGrid: Grid; image: number[]; mask: number[] }
const fixture = JSON.parse(readFileSync(path.join(import.meta.dirname, "fixtures/pyradiomics-resample.json"), "utf8")) as {
  versions: Record<string, string>; input: { size: Vec3; spacing: Vec3; origin: Vec3; image: number[]; mask: number[] }; cases: Case[];
};

/** SimpleITK's row-major direction matrix → our axis vectors (its columns). */
function axes(d: number[] | null): Geometry["direction"] {
  if (!d) return AXIAL;
  return [0, 1, 2].map((c) => [d[c]!, d[3 + c]!, d[6 + c]!]) as unknown as Geometry["direction"];
}

function input(c: Case): { volume: Volume; mask: Mask } {
  const geometry: Geometry = { size: fixture.input.size, spacing: fixture.input.spacing, origin: fixture.input.origin, direction: axes(c.direction) };
  const values = c.pixelType === "int16" ? fixture.input.image.map((v) => Math.round(v)) : c.pixelType === "float32" ? fixture.input.image.map(Math.fround) : fixture.input.image;
  return { volume: { geometry, data: Float64Array.from(values) }, mask: { geometry, data: Uint8Array.from(fixture.input.mask) } };
}

const INTERPOLATORS: Record<number, ItkInterpolator> = { 1: "sitkNearestNeighbor", 2: "sitkLinear" };

function run(c: Case) {
  const s = c.settings as { resampledPixelSpacing?: number[]; interpolator?: string | number; padDistance?: number; preCrop?: boolean; label?: number; normalize?: boolean; normalizeScale?: number };
  let { volume, mask } = input(c);
  if (s.normalize) volume = pyradiomicsNormalise(volume, { normalize: true, normalizeScale: s.normalizeScale ?? 1, removeOutliers: null } as never);
  const interpolator = typeof s.interpolator === "number" ? INTERPOLATORS[s.interpolator]! : (s.interpolator as ItkInterpolator | undefined) ?? "sitkBSpline";
  return pyradiomicsResample(volume, mask, {
    ...PYRADIOMICS_RESAMPLE_DEFAULTS, resampledPixelSpacing: s.resampledPixelSpacing ?? null, interpolator, padDistance: s.padDistance ?? 5,
    preCrop: s.preCrop ?? false, label: s.label ?? 1, sourcePixelType: c.pixelType,
  });
}

describe(`pyradiomics ${fixture.versions.pyradiomics} resampling (SimpleITK ${fixture.versions.SimpleITK}) voxel by voxel`, () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const { volume, mask } = run(c);
      const g = volume.geometry;
      expect([...g.size]).toEqual(c.grid.size);
      expect([...mask.geometry.size]).toEqual(c.maskGrid.size);
      for (let a = 0; a < 3; a++) {
        expect(g.spacing[a]).toBeCloseTo(c.grid.spacing[a]!, 12);
        expect(Math.abs(g.origin[a] - c.grid.origin[a]!)).toBeLessThan(1e-12);
        expect(Math.abs(mask.geometry.origin[a] - c.maskGrid.origin[a]!)).toBeLessThan(1e-12);
        for (let r = 0; r < 3; r++) expect(g.direction[a]![r]).toBeCloseTo(c.grid.direction[3 * r + a]!, 14);
      }
      // Nearest neighbour at an exact tie (continuous index k + ½ in real arithmetic) depends on the last bit of
      // the point → index map, which ITK takes from vnl's SVD inverse: on an oblique grid a tie may go the other way.
      const [nx, ny] = mask.geometry.size;
      const offTies = c.mask.flatMap((l, v) => {
        if (mask.data[v] === l) return [];
        const ci = physicalToContinuousIndex(input(c).mask.geometry, indexToPhysical(mask.geometry, [v % nx, Math.floor(v / nx) % ny, Math.floor(v / (nx * ny))]));
        return [ci.some((x) => Math.abs(x - Math.floor(x) - 0.5) < 1e-12) ? "tie" : `voxel ${v} at ${ci.join(", ")}`];
      });
      expect(offTies.filter((t) => t !== "tie")).toEqual([]);
      expect(offTies.length).toBeLessThanOrEqual(c.direction ? 2 : 0);
      const range = Math.max(...c.image) - Math.min(...c.image);
      let worst = 0;
      c.image.forEach((ref, v) => { worst = Math.max(worst, Math.abs(volume.data[v]! - ref)); });
      // Float64 sources near double precision; a cast to float32 / int16 may flip at a rounding boundary (one unit there).
      const tolerance = c.pixelType === "float64" ? 1e-12 * range : c.pixelType === "float32" ? 4e-6 * range : 1;
      expect(worst, `max |ours − SimpleITK| ${worst.toExponential(2)} (range ${range.toFixed(1)})`).toBeLessThanOrEqual(tolerance);
      if (c.pixelType === "int16") expect(c.image.filter((ref, v) => volume.data[v] !== ref).length).toBe(0);
    });
  }
});

it("refuses a resampled grid larger than MAX_RESAMPLED_VOXELS, naming resampledPixelSpacing", () => {
  const c = fixture.cases[0]!;
  const { volume, mask } = input(c);
  expect(() => pyradiomicsResample(volume, mask, { ...PYRADIOMICS_RESAMPLE_DEFAULTS, resampledPixelSpacing: [0.02, 0.02, 0.02] })).toThrow(/resampledPixelSpacing \[0.02,0.02,0.02\] gives a grid of \d+ voxels, more than 16000000/);
});
