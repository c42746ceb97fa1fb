// An Enhanced CT (one multi-frame instance, frames stored in descending z) with a SEG whose sources
// name the frame (ReferencedFrameNumber): the series record comes from the per-frame functional
// groups, lesion counts and volume values are exact.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maskStatistics } from "../../../compute/image/mask-stats.js";
import { DicomWebArchive, ImagingSource, type ImagingItem } from "../../../ingest/dicomweb/index.js";
import { orthancUrl, stowInstances } from "../../support/dicomweb-stow.js";
import { deleteOrthancPatients } from "../../support/cohort/orthanc-reset.js";
import { enhancedCtCopy } from "../../support/cohort/enhanced-image.js";
import { miniCtStudy } from "../../support/cohort/mini-study.js";
import { segSegmentation } from "../../support/cohort/segmentation-seg.js";
import { failuresOf, recordsOf } from "./cohort-fixture.js";

const PATIENT = "TCGA-SY-0902";
const { context, ct, lesion } = miniCtStudy(902, PATIENT);
const enhanced = enhancedCtCopy(ct, `${PATIENT}/enhanced`);
const seg = segSegmentation(`${PATIENT}/seg`, 2, enhanced, [lesion]);
let url: string;
let source: ImagingSource;
let items: ImagingItem[];

beforeAll(async () => {
  url = orthancUrl();
  await deleteOrthancPatients(url, [PATIENT]);
  await stowInstances(url, [...enhanced.files, seg.file]);
  source = new ImagingSource(new DicomWebArchive({ url }));
  items = await source.collect({ patientIds: [PATIENT] });
});

afterAll(async () => {
  await deleteOrthancPatients(url, [PATIENT]);
});

describe("enhanced (multi-frame) CT", () => {
  it("yields a series record from the functional groups", () => {
    expect(failuresOf(items)).toEqual([]);
    expect(recordsOf(items, "series")).toEqual([
      expect.objectContaining({ uid: enhanced.seriesUid, modality: "CT", sliceCount: 10, rows: 24, columns: 24, pixelSpacing: [0.9, 0.9], convolutionKernel: "FC13", kvp: 120 }),
    ]);
    expect(recordsOf(items, "series")[0]!.spacingBetweenSlices).toBeCloseTo(2, 6);
  });

  it("links the SEG by frame and counts its voxels exactly", () => {
    expect(recordsOf(items, "lesion")).toEqual([
      expect.objectContaining({ id: seg.lesions[0]!.id, seriesUid: enhanced.seriesUid, voxelCount: seg.lesions[0]!.voxelCount }),
    ]);
  });

  it("loads the volume in z order with rescale applied, and the mask on it", async () => {
    const { volume, mask } = await source.loadLesionVolumeAndMask({ ...seg.lesions[0]!, seriesUid: enhanced.seriesUid, studyUid: context.studyUid });
    for (const [i, j, k] of [[0, 0, 0], [12, 11, 5], [23, 23, 9]] as const) expect(volume.data[i + 24 * (j + 24 * k)]).toBe(ct.expectedValue(i, j, k));
    expect(maskStatistics(mask).voxelCount).toBe(seg.lesions[0]!.voxelCount);
  });
});
