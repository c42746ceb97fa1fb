// The DICOMweb source against a real Orthanc seeded with the synthetic cohort: records, acquisition
// parameters, lesion ↔ series links, voxel counts, per-item failures and query filters.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DicomWebArchive, ImagingSource, PixelCache, type ImagingItem } from "../../../ingest/dicomweb/index.js";
import { cohort, failuresOf, patientIds, recordsOf, seededOrthanc } from "./cohort-fixture.js";

let url: string;
let cacheDirectory: string;
let source: ImagingSource;
let items: ImagingItem[];

beforeAll(async () => {
  url = await seededOrthanc();
  cacheDirectory = await mkdtemp(join(tmpdir(), "rg-dicomweb-"));
  source = new ImagingSource(new DicomWebArchive({ url, source: "Orthanc", dataRelease: "synthetic-1" }), {
    cache: new PixelCache({ directory: cacheDirectory, maxBytes: 64 * 1024 * 1024 }),
  });
  items = await source.collect({ patientIds, collectionId: cohort.collectionId });
});

afterAll(async () => {
  await rm(cacheDirectory, { recursive: true, force: true });
});

describe("DICOMweb imaging source (Orthanc)", () => {
  it("yields one patient per barcode in the collection, and their studies with ISO dates", () => {
    expect(recordsOf(items, "patient").map((p) => [p.id, p.collectionId])).toEqual(patientIds.map((id) => [id, cohort.collectionId]));
    const studies = recordsOf(items, "study");
    expect(studies.map((s) => [s.patientId, s.date, s.description, s.source, s.dataRelease])).toEqual([
      ["TCGA-SY-0001", "2024-01-15", "CT CHEST W CONTRAST", "Orthanc", "synthetic-1"],
      ["TCGA-SY-0002", "2023-06-20", "MRI BRAIN W/WO CONTRAST", "Orthanc", "synthetic-1"],
      ["TCGA-SY-0003", "2022-03-01", "CT ABDOMEN", "Orthanc", "synthetic-1"],
    ]);
    expect(studies.map((s) => s.uid)).toEqual(cohort.patients.map((p) => p.studies[0]!.uid));
  });

  it("keeps the acquisition parameters and geometry of the CT (shuffled InstanceNumbers, anisotropic voxels)", () => {
    const ct = cohort.patients[0]!.studies[0]!.imageSeries[0]!;
    const record = recordsOf(items, "series").find((s) => s.uid === ct.seriesUid)!;
    expect(record).toMatchObject({
      studyUid: ct.context.studyUid,
      modality: "CT",
      description: "Chest 2.5mm B30f",
      bodyPart: "CHEST",
      frameOfReferenceUid: ct.context.frameOfReferenceUid,
      rows: 64,
      columns: 64,
      sliceCount: 30,
      sliceThickness: 2.5,
      pixelSpacing: [0.8, 0.7],
      convolutionKernel: "B30f",
      manufacturer: "SIEMENS",
      manufacturerModel: "SOMATOM Definition AS+",
      kvp: 120,
      magneticFieldStrength: null,
      contrastAgent: "Omnipaque 350",
      retrieveUrl: `${url}/studies/${ct.context.studyUid}/series/${ct.seriesUid}`,
    });
    expect(record.spacingBetweenSlices).toBeCloseTo(2.5, 6);
  });

  it("keeps the MR's field strength and sequence, and the oblique slice spacing", () => {
    const mr = cohort.patients[1]!.studies[0]!.imageSeries[0]!;
    const record = recordsOf(items, "series").find((s) => s.uid === mr.seriesUid)!;
    expect(record).toMatchObject({ modality: "MR", rows: 48, columns: 48, sliceCount: 24, pixelSpacing: [1.1, 0.9], magneticFieldStrength: 1.5 });
    expect(record).toMatchObject({ sequenceName: "fse-xl", manufacturer: "GE MEDICAL SYSTEMS", contrastAgent: "Gadavist", kvp: null, convolutionKernel: null });
    expect(record.spacingBetweenSlices).toBeCloseTo(3, 6);
  });

  it("yields a record for every image series, segmentations only as lesions", () => {
    const uids = recordsOf(items, "series").map((s) => s.uid).sort();
    const expected = cohort.patients.flatMap((p) => p.studies.flatMap((s) => s.imageSeries.map((i) => i.seriesUid))).sort();
    expect(uids).toEqual(expected);
  });

  it("links every SEG segment and RTSTRUCT ROI to the series it segments, with exact voxel counts", () => {
    const lesions = recordsOf(items, "lesion");
    expect(lesions.map((l) => l.id).sort()).toEqual(cohort.lesions.map((l) => l.id).sort());
    for (const truth of cohort.lesions) {
      const record = lesions.find((l) => l.id === truth.id)!;
      expect(record).toMatchObject({
        seriesUid: truth.imageSeriesUid,
        label: truth.shape.label,
        segmentNumber: truth.segmentNumber,
        segmentationType: truth.segmentationType,
        segmentationSeriesUid: truth.segmentationSeriesUid,
        segmentationSopInstanceUid: truth.segmentationSopInstanceUid,
        voxelCount: truth.voxelCount,
        source: "Orthanc",
      });
      expect(record.volumeMm3).toBeCloseTo(truth.volumeMm3, 3);
      expect(Math.abs(record.volumeMm3! / truth.analyticVolumeMm3 - 1)).toBeLessThan(0.08);
    }
  });

  it("reports an RTSTRUCT contour lying between slices as a warning on its lesion only", () => {
    const lesions = items.filter((item) => item.ok && item.kind === "lesion") as Extract<ImagingItem, { kind: "lesion" }>[];
    const warned = lesions.filter((item) => item.warnings);
    expect(warned.map((item) => item.record.label)).toEqual(["Nodule"]);
    expect(warned[0]!.warnings).toEqual([expect.stringMatching(/ROI 2 'Nodule' contour \d+: lies at .* on no slice/)]);
  });

  it("reports the corrupt instance and the SEG of a missing series as typed per-item failures, nothing else", () => {
    const failures = failuresOf(items);
    expect(failures).toHaveLength(2);
    const corrupt = failures.find((f) => f.uid === cohort.corrupt.segmentationSeriesUid)!;
    expect(corrupt).toMatchObject({ kind: "segmentation", patientId: "TCGA-SY-0003" });
    expect(corrupt.error.code).toBe("INVALID_DICOM");
    expect(corrupt.error.message).toMatch(/bytes of pixel data/);
    expect(corrupt.error.message).toContain(cohort.corrupt.sopInstanceUid);
    const orphan = failures.find((f) => f.uid === cohort.orphan.segmentationSeriesUid)!;
    expect(orphan).toMatchObject({ kind: "segmentation", patientId: "TCGA-SY-0003" });
    expect(orphan.error.code).toBe("NOT_FOUND");
    expect(orphan.error.message).toContain(cohort.orphan.missingImageSeriesUid);
    // The corrupt series itself is still recorded: its headers are sound.
    expect(recordsOf(items, "series").some((s) => s.uid === cohort.corrupt.imageSeriesUid)).toBe(true);
  });

  it("is deterministic: a second run yields the same items", async () => {
    const again = await source.collect({ patientIds, collectionId: cohort.collectionId });
    expect(again.filter((i) => i.ok)).toEqual(items.filter((i) => i.ok));
  });
});

describe("DICOMweb imaging source query filters", () => {
  it("filters studies by a StudyDate range", async () => {
    const recent = await source.collect({ patientIds, studyDate: "20230101-20241231" });
    expect(recordsOf(recent, "study").map((s) => s.patientId)).toEqual(["TCGA-SY-0001", "TCGA-SY-0002"]);
    const single = await source.collect({ patientIds, studyDate: "20220301" });
    expect(recordsOf(single, "study").map((s) => s.patientId)).toEqual(["TCGA-SY-0003"]);
  });

  it("keeps only the asked modality's series and the lesions drawn on them", async () => {
    const mrOnly = await source.collect({ patientIds, modalities: ["MR"] });
    expect(recordsOf(mrOnly, "study").map((s) => s.patientId)).toEqual(["TCGA-SY-0002"]); // ModalitiesInStudy=MR
    expect(recordsOf(mrOnly, "series").map((s) => s.modality)).toEqual(["MR"]);
    const ctOrMr = await source.collect({ patientIds, modalities: ["CT", "MR"] });
    expect(recordsOf(ctOrMr, "series").map((s) => s.modality)).toEqual(["CT", "MR", "CT"]);
    const mrSeries = cohort.patients[1]!.studies[0]!.imageSeries[0]!.seriesUid;
    const lesions = recordsOf(mrOnly, "lesion");
    expect(lesions.length).toBe(cohort.lesions.filter((l) => l.imageSeriesUid === mrSeries).length);
    expect(lesions.every((l) => l.seriesUid === mrSeries)).toBe(true);
  });

  it("pages QIDO-RS answers with limit/offset", async () => {
    const paged = new DicomWebArchive({ url, pageSize: 1 });
    const studies = await paged.findStudies({ patientIds: ["TCGA-SY-000*"] }); // '*' is a QIDO wildcard, sent unencoded
    expect(studies.map((s) => s.patientId).sort()).toEqual(patientIds);
    const series = await paged.findSeries(cohort.patients[0]!.studies[0]!.uid);
    expect(series.map((s) => s.modality).sort()).toEqual(["CT", "RTSTRUCT", "SEG"]);
  });

  it("finds one patient by barcode, and nothing for an unknown one", async () => {
    const one = await source.collect({ patientIds: ["TCGA-SY-0002"] });
    expect(recordsOf(one, "study").map((s) => s.patientId)).toEqual(["TCGA-SY-0002"]);
    expect(recordsOf(one, "patient")).toEqual([]); // no collection given: no patient records
    expect(await source.collect({ patientIds: ["TCGA-XX-9999"] })).toEqual([]);
  });
});
