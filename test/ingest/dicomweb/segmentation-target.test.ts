// Which image series a segmentation is linked to, in order: the series it names, the series holding
// its referenced instances, a named series elsewhere in the archive, the one series on its frame of reference.
import { describe, expect, it } from "vitest";
import { segmentationTarget, type CandidateSeries } from "../../../ingest/dicomweb/segmentation-target.js";
import type { SegmentationLinks } from "../../../ingest/dicomweb/segmentation-object.js";
import type { DicomArchive, SeriesLocator } from "../../../ingest/dicomweb/dicom-archive.js";

const ct: CandidateSeries = { locator: { studyUid: "1.1", seriesUid: "1.1.10" }, sopInstanceUids: new Set(["1.1.10.1", "1.1.10.2"]), frameOfReferenceUid: "9.1" };
const mr: CandidateSeries = { locator: { studyUid: "1.1", seriesUid: "1.1.20" }, sopInstanceUids: new Set(["1.1.20.1"]), frameOfReferenceUid: "9.2" };

function links(overrides: Partial<SegmentationLinks>): SegmentationLinks {
  return { sopInstanceUid: "1.1.30.1", seriesUid: "1.1.30", referencedSeriesUids: [], referencedSopInstanceUids: new Set(), frameOfReferenceUids: [], ...overrides };
}

function archiveHolding(...series: SeriesLocator[]): DicomArchive {
  return { locateSeries: async (uid: string) => series.find((s) => s.seriesUid === uid) } as unknown as DicomArchive;
}

describe("segmentationTarget", () => {
  it("takes the series named in the referenced-series sequence", async () => {
    expect(await segmentationTarget(links({ referencedSeriesUids: ["1.1.20"] }), [ct, mr], archiveHolding())).toEqual(mr.locator);
  });

  it("falls back to the series holding a referenced instance when the named series is not in the study", async () => {
    const target = await segmentationTarget(links({ referencedSeriesUids: ["2.2.99"], referencedSopInstanceUids: new Set(["1.1.10.2"]) }), [ct, mr], archiveHolding());
    expect(target).toEqual(ct.locator);
  });

  it("finds a named series in another study of the archive", async () => {
    const elsewhere = { studyUid: "3.3", seriesUid: "3.3.10" };
    expect(await segmentationTarget(links({ referencedSeriesUids: ["3.3.10"] }), [ct, mr], archiveHolding(elsewhere))).toEqual(elsewhere);
  });

  it("uses the frame of reference when nothing is named and one series shares it", async () => {
    expect(await segmentationTarget(links({ frameOfReferenceUids: ["9.2"] }), [ct, mr], archiveHolding())).toEqual(mr.locator);
  });

  it("refuses to guess between series sharing the frame of reference", async () => {
    const twin: CandidateSeries = { ...mr, locator: { studyUid: "1.1", seriesUid: "1.1.21" } };
    await expect(segmentationTarget(links({ frameOfReferenceUids: ["9.2"] }), [ct, mr, twin], archiveHolding())).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("reports a named series the archive does not hold as NOT_FOUND, naming it", async () => {
    const missing = segmentationTarget(links({ referencedSeriesUids: ["4.4.4"], frameOfReferenceUids: ["9.1"] }), [ct], archiveHolding());
    await expect(missing).rejects.toMatchObject({ code: "NOT_FOUND", name: "ReferencedImagesMissingError" });
    await expect(missing).rejects.toThrow(/4\.4\.4/);
  });
});
