// The PYRADIOMICS profile on the real-world DICOM pack (../shared/data/dicom) through the platform's own
// path: each set's folder opened as a local imaging source, the lesion records it yields, and the volume +
// mask the feature service loads for a lesion (ImagingSource.loadLesionVolumeAndMask: our DICOM reader, SEG
// and RTSTRUCT code), then computeProfileFeatures. Reference: real pyradiomics 3.0.1 + SimpleITK 2.5.7 on
// the same files read with SimpleITK's ImageSeriesReader, the masks from dcmqi's NRRD baselines (SEG) and an
// independent rasterisation (RTSTRUCT) — scripts/fixtures/pyradiomics-dicom-pack.py. Every feature the
// params enable, none missing, within 1e-6 relative (exampleCT.yaml resamples: 1e-4); the worst per case is
// printed.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { computeProfileFeatures, pyradiomicsClasses, pyradiomicsFeatureSettings } from "../../../compute/features/profile-features.js";
import { pyradiomicsLoadImage } from "../../../compute/features/pyradiomics-load-image.js";
import type { Mask, Volume } from "../../../compute/image/volume.js";
import { lesionRefOf, localFolderImagingSource, type ImagingSource } from "../../../ingest/dicomweb/index.js";
import { PlatformError } from "../../../compute/errors.js";
import { DICOM_DATA_DIR } from "../image/dicom-test-data.js";
import { SITK_TYPE_NAMES } from "../image/sitk-pixel-type.test.js";
import { relativeDifference } from "./pyradiomics-reference.js";

interface PackCase {
  name: string; imageFolder: string; segmentationType: "SEG" | "RTSTRUCT"; segmentation: string; segmentNumber: number;
  voxelCount: number; sitkPixelType: string; features: Record<string, Record<string, number>>;
  /** Params pyradiomics' result is undefined for on this case (the generator says why); the platform refuses them. */
  undefined?: Record<string, string>;
  resampled?: { pixelType: string; size: number[]; spacing: number[]; origin: number[]; image: number[]; mask: number[] };
}
const fixture = JSON.parse(gunzipSync(readFileSync(path.join(import.meta.dirname, "fixtures/pyradiomics-dicom-pack.json.gz"))).toString("utf8")) as {
  versions: Record<string, string>; seriesPixelTypes: Record<string, string>; params: Record<string, string>; cases: PackCase[];
};
const expected = JSON.parse(readFileSync(path.join(DICOM_DATA_DIR, "expected.json"), "utf8")) as unknown;

/** The SOP Instance UID expected.json records for a file of the pack. */
function sopInstanceUidOf(file: string): string {
  const walk = (node: unknown): string | undefined => {
    if (Array.isArray(node)) return node.map(walk).find(Boolean);
    if (node && typeof node === "object") {
      const o = node as Record<string, unknown>;
      if (o.path === file && typeof o.SOPInstanceUID === "string") return o.SOPInstanceUID;
      return Object.values(o).map(walk).find(Boolean);
    }
    return undefined;
  };
  const uid = walk(expected);
  if (!uid) throw new Error(`expected.json has no SOPInstanceUID for ${file}`);
  return uid;
}

const sources = new Map<string, Promise<ImagingSource>>();
/** One local imaging source per set of the pack (the set's folder, as a user would point the platform at it). */
function sourceOf(set: string): Promise<ImagingSource> {
  if (!sources.has(set)) sources.set(set, localFolderImagingSource(path.join(DICOM_DATA_DIR, set), { source: `pack:${set}` }));
  return sources.get(set)!;
}

/** The lesion's volume and mask exactly as the feature service loads them (lesion record → ref → loader). */
async function lesionOf(c: PackCase): Promise<{ volume: Volume; mask: Mask }> {
  const source = await sourceOf(c.segmentation.split("/")[0]!);
  const items = await source.collect({});
  const sop = sopInstanceUidOf(c.segmentation);
  const lesion = items.flatMap((i) => (i.ok && i.kind === "lesion" ? [i.record] : []))
    .find((r) => r.segmentationSopInstanceUid === sop && r.segmentNumber === c.segmentNumber);
  if (!lesion) throw new Error(`no lesion record for ${c.segmentation} segment ${c.segmentNumber}`);
  return source.loadLesionVolumeAndMask(lesionRefOf(lesion));
}


function compare(ours: Map<string, { value?: number; undefinedReason?: string }>, reference: Record<string, number>, tolerance: number) {
  let worst = { feature: "", difference: 0 };
  const off = Object.entries(reference).flatMap(([feature, value]): { feature: string; value: number; ours?: number; difference?: number; reason?: string }[] => {
    const mine = ours.get(feature)!;
    if (mine.value === undefined) return [{ feature, value, reason: mine.undefinedReason }];
    // A zero up to round-off has no relative scale: pyradiomics' LeastAxisLength of a one-slice ROI is 4·√(eigenvalue
    // noise) = 4.4e-16 mm here, ours 2.8e-14 mm; both within 1e-12 of 0 count as equal (as a reference of exactly 0 does
    // in pyradiomics-resample-features.test.ts).
    const difference = Math.abs(value) <= 1e-12 && Math.abs(mine.value) <= 1e-12 ? 0 : relativeDifference(mine.value, value);
    if (difference > worst.difference) worst = { feature, difference };
    return difference > tolerance ? [{ feature, value, ours: mine.value, difference }] : [];
  });
  return { worst, off };
}

describe(`PYRADIOMICS profile on the real DICOM pack against pyradiomics ${fixture.versions.pyradiomics} (SimpleITK ${fixture.versions.SimpleITK})`, () => {
  for (const c of fixture.cases) {
    describe(c.name, () => {
      let lesion: { volume: Volume; mask: Mask };
      beforeAll(async () => { lesion = await lesionOf(c); });

      it(`has the reference's ${c.voxelCount} voxels`, () => {
        expect(lesion.mask.data.reduce((s, v) => s + v, 0)).toBe(c.voxelCount);
      });

      it(`is read as SimpleITK reads the series: ${c.sitkPixelType}`, () => {
        expect(lesion.volume.sourcePixelType).toBe(SITK_TYPE_NAMES[c.sitkPixelType]);
      });

      for (const [paramsName, reason] of Object.entries(c.undefined ?? {})) {
        it(`${paramsName}: refused by name, as pyradiomics' values are undefined here (${reason})`, () => {
          const settings = pyradiomicsFeatureSettings(fixture.params[paramsName]!);
          expect(() => computeProfileFeatures(lesion.volume, lesion.mask, settings, pyradiomicsClasses(settings, undefined) as never))
            .toThrow(expect.objectContaining({ code: "BAD_USER_INPUT", message: expect.stringMatching(/sitkBSpline.*2 voxels/) }) as PlatformError);
        });
      }

      for (const [paramsName, reference] of Object.entries(c.features)) {
        const resampled = paramsName === "exampleCT.yaml";
        const tolerance = resampled ? 1e-4 : 1e-6;
        it(`${paramsName}: ${Object.keys(reference).length} features within ${tolerance} relative`, () => {
          const settings = pyradiomicsFeatureSettings(fixture.params[paramsName]!);
          const results = computeProfileFeatures(lesion.volume, lesion.mask, settings, pyradiomicsClasses(settings, undefined) as never);
          const ours = new Map(results.map((r) => [r.key, r]));
          expect([...ours.keys()].sort()).toEqual(Object.keys(reference).sort());
          const { worst, off } = compare(ours, reference, tolerance);
          console.log(`${c.name} / ${paramsName}: ${Object.keys(reference).length} features, largest relative difference ${worst.difference.toExponential(2)} (${worst.feature})`);
          if (off.length) console.log(JSON.stringify(off.slice(0, 12)));
          expect(off.map((o) => o.feature)).toEqual([]);
        });
      }

      if (c.resampled) {
        it(`exampleCT.yaml's loadImage: the ${c.resampled.pixelType} image SimpleITK resamples, voxel for voxel`, () => {
          const r = c.resampled!;
          const profile = pyradiomicsFeatureSettings(fixture.params["exampleCT.yaml"]!).pyradiomics!;
          const { volume, mask } = pyradiomicsLoadImage(lesion.volume, lesion.mask, profile.preprocessing);
          expect([...volume.geometry.size]).toEqual(r.size);
          for (let a = 0; a < 3; a++) {
            expect(volume.geometry.spacing[a]).toBeCloseTo(r.spacing[a]!, 9);
            expect(volume.geometry.origin[a]).toBeCloseTo(r.origin[a]!, 4);
          }
          expect(Array.from(mask.data)).toEqual(r.mask);
          const differing = r.image.flatMap((v, i) => (volume.data[i] === v ? [] : [{ i, sitk: v, ours: volume.data[i] }]));
          expect(differing.slice(0, 10)).toEqual([]);
        });
      }
    });
  }
});
