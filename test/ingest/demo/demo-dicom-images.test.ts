// The demo's images as DICOM files: written once, ingested through the local-folder source onto the
// demo records (real geometry on the series, voxel counts and volumes on the lesions), and loaded for
// features with the very voxels of the demo phantom — so the planted hypoxia link still shows.
// Store: embedded Ladybug.
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphStore } from "../../../graph-model/graph-store.js";
import type { Lesion } from "../../../graph-model/model/records.js";
import { demoCohort, demoHypoxiaActivity } from "../../../ingest/demo/demo-cohort.js";
import { demoLesionPhantom } from "../../../ingest/demo/demo-lesion-images.js";
import { demoScannerOffset } from "../../../ingest/demo/demo-scanner-effect.js";
import { demoDicomFolder, demoImagingSource, demoLesionImagesFromFiles, ingestDemoImages } from "../../../ingest/demo/demo-images.js";
import { ensureDemoDicomFolder } from "../../../ingest/demo/dicom/demo-dicom-files.js";
import { loadCohort } from "../../../ingest/demo/load-demo.js";
import type { ImagingFailure } from "../../../ingest/dicomweb/index.js";
import { embeddedStore } from "../../support/stores.js";

const cohort = demoCohort();
const patientOf = new Map(cohort.series.map((s) => [s.uid, cohort.studies.find((t) => t.uid === s.studyUid)!.patientId]));
const modalityOf = new Map(cohort.series.map((s) => [s.uid, s.modality!]));
const offsetOf = new Map(cohort.series.map((s) => [s.uid, demoScannerOffset(s)]));
const phantomOf = (lesionId: string, seriesUid: string) => demoLesionPhantom(lesionId, demoHypoxiaActivity(patientOf.get(seriesUid)!), modalityOf.get(seriesUid)!, offsetOf.get(seriesUid)!);
const count = (mask: Uint8Array) => mask.reduce((a, b) => a + b, 0);

let dataDir: string;
let store: GraphStore;
let failures: ImagingFailure[];
let lesions: Lesion[];
let images: ReturnType<typeof demoLesionImagesFromFiles>;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "rg-demo-dicom-"));
  store = await embeddedStore.open();
  await loadCohort(store, cohort);
  const imaging = await demoImagingSource(dataDir, cohort);
  failures = await ingestDemoImages(store, imaging, cohort);
  lesions = await store.lesionsByIds(cohort.lesions.map((l) => l.id));
  images = demoLesionImagesFromFiles(imaging);
});

afterAll(async () => {
  if (store) await embeddedStore.dispose(store);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("demo images from DICOM files (embedded Ladybug)", () => {
  it("writes the files once: one folder per patient with a segmentation, a second call leaves them alone", async () => {
    const root = demoDicomFolder(dataDir);
    const patients = (await readdir(root)).filter((name) => name.startsWith("TCGA-"));
    expect(patients.sort()).toEqual([...new Set(cohort.lesions.map((l) => patientOf.get(l.seriesUid)!))].sort());
    const before = (await stat(join(root, "VERSION"))).mtimeMs;
    expect(await ensureDemoDicomFolder(root, cohort)).toBe(false);
    expect((await stat(join(root, "VERSION"))).mtimeMs).toBe(before);
  });

  it("ingests every lesion without a failure, keeping the demo's ids and the patients' clinical fields", async () => {
    expect(failures).toEqual([]);
    expect(lesions).toHaveLength(cohort.lesions.length);
    const [patient] = await store.patientsByIds([cohort.patients[0]!.id]);
    expect(patient).toMatchObject({ sex: cohort.patients[0]!.sex, ageAtDiagnosisYears: cohort.patients[0]!.ageAtDiagnosisYears });
  });

  it("gives the series their real geometry and keeps their acquisition tags", async () => {
    const record = cohort.series.find((s) => s.uid === cohort.lesions[0]!.seriesUid)!;
    const [series] = [...(await store.seriesOfStudies([record.studyUid])).values()].flat();
    expect(series).toMatchObject({ rows: 40, columns: 40, sliceCount: 16, pixelSpacing: [0.9, 0.9], manufacturer: record.manufacturer, modality: record.modality });
  });

  it("counts SEG lesions exactly as the phantom's ellipsoid, RTSTRUCT lesions by their rasterised contours (within 10 %)", () => {
    for (const record of cohort.lesions) {
      const lesion = lesions.find((l) => l.id === record.id)!;
      const expected = count(phantomOf(record.id, record.seriesUid).mask.data);
      if (record.segmentationType === "SEG") expect(lesion.voxelCount).toBe(expected);
      else expect(Math.abs(lesion.voxelCount! - expected) / expected).toBeLessThan(0.1);
      expect(lesion.volumeMm3).toBeCloseTo(lesion.voxelCount! * 0.9 * 0.9 * 2.5, 6);
    }
  });

  it("loads each lesion's voxels from the files: the phantom's values, and the SEG mask equal to the phantom's", async () => {
    for (const record of cohort.lesions.slice(0, 4)) {
      const lesion = lesions.find((l) => l.id === record.id)!;
      expect(images.serves(lesion)).toBe(true);
      const image = await images.load(lesion);
      const phantom = phantomOf(record.id, record.seriesUid);
      expect(image.source).toContain(`segmentation ${record.segmentationSeriesUid}`);
      expect(image.volume.data).toEqual(phantom.volume.data);
      if (record.segmentationType === "SEG") expect(image.mask.data).toEqual(phantom.mask.data);
    }
  });

  it("keeps the planted link: tumour heterogeneity from the files tracks the hidden hypoxia activity (Spearman ρ > 0.5)", async () => {
    const dispersion: number[] = [];
    const activity: number[] = [];
    for (const record of cohort.lesions) {
      const { volume, mask } = await images.load(lesions.find((l) => l.id === record.id)!);
      const inside = [...volume.data].filter((_, i) => mask.data[i]).sort((a, b) => a - b);
      const [q1, q3] = [inside[Math.floor(inside.length / 4)]!, inside[Math.floor((3 * inside.length) / 4)]!];
      dispersion.push((q3 - q1) / (q3 + q1)); // quartile coefficient of dispersion: scale-free across CT and MR
      activity.push(demoHypoxiaActivity(patientOf.get(record.seriesUid)!));
    }
    expect(spearman(dispersion, activity)).toBeGreaterThan(0.5);
  });
});

function spearman(x: number[], y: number[]): number {
  const rank = (v: number[]) => {
    const order = v.map((value, i) => [value, i] as const).sort((a, b) => a[0] - b[0]);
    const ranks = new Array<number>(v.length);
    order.forEach(([, i], r) => (ranks[i] = r + 1));
    return ranks;
  };
  const [rx, ry] = [rank(x), rank(y)];
  const n = x.length;
  const d2 = rx.reduce((sum, r, i) => sum + (r - ry[i]!) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}
