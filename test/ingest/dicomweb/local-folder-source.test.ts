// The local-folder source over the cohort written as downloaded files yields the same records as
// the DICOMweb source over the same cohort in Orthanc (only provenance and retrieve URL differ).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalFolderArchive, ImagingSource, dicomWebImagingSource, localFolderImagingSource, type ImagingItem } from "../../../ingest/dicomweb/index.js";
import { writeCohortFolder } from "../../support/cohort/seed-archive.js";
import { cohort, failuresOf, patientIds, recordsOf, seededOrthanc } from "./cohort-fixture.js";

let folder: string;
let local: ImagingSource;
let localItems: ImagingItem[];
let webItems: ImagingItem[];

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "rg-local-cohort-"));
  await writeCohortFolder(folder, cohort);
  await writeFile(join(folder, "README.txt"), "downloaded with idc-index\n"); // not DICOM: skipped, not fatal
  local = await localFolderImagingSource(folder, { source: "local" });
  localItems = await local.collect({ patientIds, collectionId: cohort.collectionId });
  const web = dicomWebImagingSource({ url: await seededOrthanc(), source: "local" });
  webItems = await web.collect({ patientIds, collectionId: cohort.collectionId });
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const withoutUrl = <T extends { retrieveUrl?: string | null }>(record: T) => ({ ...record, retrieveUrl: undefined });

describe("local-folder imaging source", () => {
  it("yields the same patients, studies, series and lesions as the DICOMweb source", () => {
    for (const kind of ["patient", "study", "lesion"] as const) expect(recordsOf(localItems, kind)).toEqual(recordsOf(webItems, kind));
    expect(recordsOf(localItems, "series").map(withoutUrl)).toEqual(recordsOf(webItems, "series").map(withoutUrl));
    expect(recordsOf(localItems, "lesion")).toHaveLength(cohort.lesions.length);
  });

  it("points each series at its folder", () => {
    for (const series of recordsOf(localItems, "series")) expect(series.retrieveUrl).toMatch(/^file:\/\/.+\/TCGA-SY-000\d\/[\d.]+\/[\d.]+$/);
  });

  it("gives the same typed per-item failures", () => {
    const summarize = (items: ImagingItem[]) => failuresOf(items).map((f) => [f.kind, f.uid, f.error.code]);
    expect(summarize(localItems)).toEqual(summarize(webItems));
    expect(summarize(localItems).map(([, , code]) => code).sort()).toEqual(["INVALID_DICOM", "NOT_FOUND"]);
  });

  it("lists files that are not DICOM instead of failing", () => {
    const archive = local.archive as LocalFolderArchive;
    expect(archive.skippedFiles.map((f) => f.path)).toEqual([join(folder, "README.txt")]);
  });

  it("filters by StudyDate and modality like the DICOMweb source", async () => {
    const query = { patientIds, studyDate: "-20231231", modalities: ["MR"] };
    const mr = await local.collect(query);
    expect(recordsOf(mr, "study").map((s) => s.patientId)).toEqual(["TCGA-SY-0002"]);
    const older = await local.collect({ patientIds, studyDate: "-20231231" });
    expect(recordsOf(older, "study").map((s) => s.patientId)).toEqual(["TCGA-SY-0002", "TCGA-SY-0003"]);
    expect(recordsOf(mr, "series").map((s) => s.modality)).toEqual(["MR"]);
  });

  it("loads a lesion's volume and mask from the files", async () => {
    const truth = cohort.lesions.find((l) => l.segmentationType === "RTSTRUCT" && l.shape.holeRadii)!;
    const { mask } = await local.loadLesionVolumeAndMask({
      seriesUid: truth.imageSeriesUid,
      segmentationType: truth.segmentationType,
      segmentationSeriesUid: truth.segmentationSeriesUid,
      segmentationSopInstanceUid: truth.segmentationSopInstanceUid,
      segmentNumber: truth.segmentNumber,
    });
    expect(mask.data.reduce((sum, v) => sum + v, 0)).toBe(truth.voxelCount);
  });
});
