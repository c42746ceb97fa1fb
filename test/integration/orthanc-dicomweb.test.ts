// The real Orthanc DICOMweb server that imaging tests run against: it accepts a real CT instance by
// STOW-RS and serves it back by QIDO-RS and WADO-RS.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { orthancUrl, stowInstances } from "../support/dicomweb-stow.js";

const CT_SMALL = path.resolve(import.meta.dirname, "../../../shared/data/dicom/highdicom-ct-small/ct/CT_small.dcm");

describe(`Orthanc DICOMweb [${process.env.ORTHANC_URL ?? "ORTHANC_URL unset"}]`, () => {
  it("stores a CT instance by STOW-RS and finds it by QIDO-RS and WADO-RS metadata", async () => {
    const base = orthancUrl();
    const bytes = new Uint8Array(await readFile(CT_SMALL));
    const stored = await stowInstances(base, [bytes]);
    expect(stored["00081198"]?.Value ?? []).toEqual([]);
    const [instance] = stored["00081199"].Value;
    const sopInstanceUid = instance["00081155"].Value[0];

    const found = (await (await fetch(`${base}/instances?SOPInstanceUID=${sopInstanceUid}`)).json()) as any[];
    expect(found).toHaveLength(1);
    const studyUid = found[0]["0020000D"].Value[0];
    const seriesUid = found[0]["0020000E"].Value[0];
    const metadata = (await (await fetch(`${base}/studies/${studyUid}/series/${seriesUid}/metadata`)).json()) as any[];
    expect(metadata[0]["00080060"].Value[0]).toBe("CT");
    expect(metadata[0]["00280010"].Value[0]).toBe(128);
  });
});
