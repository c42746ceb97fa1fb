// Issue 12, finding 7 ("an RTSTRUCT … is skipped silently and the user later gets a misleading
// NOT_FOUND"), on the DICOMweb path: a real Orthanc holds the RayStation CT + RTSTRUCT
// (/work/shared/data/dicom, 2 ROIs) and, in their own series, an RTSTRUCT whose contours were removed
// and a "SEG" series whose instance is in fact a CT slice (wrong modality for its content). Ingested
// over DICOMweb, each broken object is a typed INVALID_DICOM failure on the job naming its instance
// and the reason (before: the contour-less RTSTRUCT was written as two 0-voxel lesions that failed
// later); the good RTSTRUCT's two ROIs are written, and nothing else — on both stores.
import { readFileSync, readdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import dcmjs from "dcmjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphStore } from "../../graph-model/graph-store.js";
import { DicomWebArchive, ImagingSource, PixelCache, imagingIngestJob } from "../../ingest/dicomweb/index.js";
import { JobRunner } from "../../ingest/jobs/job-runner.js";
import type { JobSnapshot } from "../../ingest/jobs/job.js";
import { deleteOrthancPatients } from "../support/cohort/orthanc-reset.js";
import { orthancUrl, stowInstances } from "../support/dicomweb-stow.js";
import { BOTH_STORES } from "../support/stores.js";

const SET = resolve(import.meta.dirname, "../../../shared/data/dicom/segrt-cheese-raystation");
const PATIENT = "314159"; // PatientID of the set (expected.json)
const NO_CONTOURS = { series: "2.25.91730047735011520358113", sop: "2.25.91730047735011520358114" };
const CT_AS_SEG = { series: "2.25.91730047735011520358115", sop: "2.25.91730047735011520358116" };

interface DcmjsRoundTrip {
  data: {
    DicomMessage: { readFile(buffer: ArrayBuffer): { meta: Record<string, { Value?: unknown[] }>; dict: Record<string, { vr?: string; Value?: unknown[] }>; write(): ArrayBuffer } };
  };
}

const filesOf = (folder: string) => readdirSync(join(SET, folder)).sort().map((name) => new Uint8Array(readFileSync(join(SET, folder, name))));

/** The Part-10 file with its tags edited (DICOM JSON keys), as a new instance of a new series. */
function edited(bytes: Uint8Array, uids: { series: string; sop: string }, edit: (dict: Record<string, { vr?: string; Value?: unknown[] }>) => void): Uint8Array {
  const file = (dcmjs as unknown as DcmjsRoundTrip).data.DicomMessage.readFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  file.dict["0020000E"] = { vr: "UI", Value: [uids.series] };
  file.dict["00080018"] = { vr: "UI", Value: [uids.sop] };
  file.meta["00020003"] = { ...file.meta["00020003"], Value: [uids.sop] };
  edit(file.dict);
  return new Uint8Array(file.write());
}

describe.each(BOTH_STORES)("unreadable segmentations served over DICOMweb by Orthanc [$name]", (target) => {
  let store: GraphStore;
  let cacheDirectory: string;
  let snapshot: JobSnapshot;

  beforeAll(async () => {
    const url = orthancUrl();
    await deleteOrthancPatients(url, [PATIENT]);
    const [rtstruct] = filesOf("rtstruct");
    const ct = filesOf("ct");
    const noContours = edited(rtstruct!, NO_CONTOURS, (dict) => delete dict["30060039"]); // ROIContourSequence
    const ctAsSeg = edited(ct[0]!, CT_AS_SEG, (dict) => (dict["00080060"] = { vr: "CS", Value: ["SEG"] })); // Modality
    await stowInstances(url, [...ct, rtstruct!, noContours, ctAsSeg]);
    store = await target.open();
    cacheDirectory = await mkdtemp(join(tmpdir(), "rg-orthanc-unreadable-"));
    const imaging = new ImagingSource(new DicomWebArchive({ url, source: "Orthanc", dataRelease: "test" }), {
      cache: new PixelCache({ directory: cacheDirectory, maxBytes: 64 * 1024 * 1024 }),
    });
    snapshot = await new JobRunner({ concurrency: 1 }).run(imagingIngestJob(store, imaging, { collectionId: "TEST-RT", patientIds: [PATIENT] }));
  });

  afterAll(async () => {
    await target.dispose(store);
    await rm(cacheDirectory, { recursive: true, force: true });
    await deleteOrthancPatients(orthancUrl(), [PATIENT]);
  });

  it("fails the patient's item with INVALID_DICOM naming both broken objects and why", () => {
    // The DICOMweb job has one item per patient: its error lists the imaging items that failed (the good ones are written).
    expect(snapshot.progress).toMatchObject({ total: 1, failed: 1 });
    expect(snapshot.errors).toHaveLength(1);
    const [error] = snapshot.errors;
    expect(error).toMatchObject({ key: PATIENT, code: "INVALID_DICOM" });
    expect(error!.message).toMatch(/2 imaging item\(s\) failed/);
    expect(error!.message).toContain(`RTSTRUCT ${NO_CONTOURS.sop} of series ${NO_CONTOURS.series} holds no ROI with contours covering any voxel`);
    expect(error!.message).toContain(`segmentation ${CT_AS_SEG.sop} lacks the required attribute SegmentationType`);
  });

  it("writes the good RTSTRUCT's two ROIs and no lesion for the broken objects", async () => {
    const studies = await store.studiesOfPatients([PATIENT]);
    const series = [...(await store.seriesOfStudies(studies.get(PATIENT)!.map((s) => s.uid))).values()].flat();
    const lesions = [...(await store.lesionsOfSeries(series.map((s) => s.uid))).values()].flat();
    expect(lesions).toHaveLength(2);
    expect(lesions.every((l) => l.segmentationSeriesUid !== NO_CONTOURS.series && l.segmentationSeriesUid !== CT_AS_SEG.series)).toBe(true);
    expect((await store.counts()).Lesion).toBe(2);
  });
});
