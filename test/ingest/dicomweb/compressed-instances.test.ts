// Instances stored compressed (JPEG Lossless, as some TCIA/IDC series are). Orthanc, like the DICOMweb
// standard's default, sends them transcoded to explicit VR little endian; a server that sends the stored
// transfer syntax instead (here: a proxy adding transfer-syntax=*) is asked again for a transcoding.
// Either way volumes and lesion counts come out exact, and the cache keeps the decodable copy.
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DicomWebArchive, ImagingSource, PixelCache } from "../../../ingest/dicomweb/index.js";
import { multipartParts } from "../../../ingest/dicomweb/multipart.js";
import { transferSyntaxOf } from "../../../ingest/dicomweb/transfer-syntax.js";
import { orthancUrl, stowInstances } from "../../support/dicomweb-stow.js";
import { deleteOrthancPatients } from "../../support/cohort/orthanc-reset.js";
import { segSegmentation, type SyntheticSegmentation } from "../../support/cohort/segmentation-seg.js";
import { miniCtStudy } from "../../support/cohort/mini-study.js";
import { recordsOf } from "./cohort-fixture.js";

const JPEG_LOSSLESS_SV1 = "1.2.840.10008.1.2.4.70";
const PATIENT = "TCGA-SY-0901";
const { context, ct, lesion } = miniCtStudy(901, PATIENT);
const seg: SyntheticSegmentation = segSegmentation(`${PATIENT}/seg`, 2, ct, [lesion]);
let url: string;
let cacheDirectory: string;
let proxy: Server;
let proxyUrl: string;

async function orthancSeriesIds(root: string, seriesUid: string): Promise<string[]> {
  const found = await fetch(`${root}/tools/find`, { method: "POST", body: JSON.stringify({ Level: "Series", Query: { SeriesInstanceUID: seriesUid } }) });
  return (await found.json()) as string[];
}

beforeAll(async () => {
  url = orthancUrl();
  const root = url.replace(/\/dicom-web$/, "");
  await deleteOrthancPatients(url, [PATIENT]);
  await stowInstances(url, [...ct.files, seg.file]);
  // Replace the image series by its JPEG Lossless transcoding (Orthanc can encode it, reference A.2).
  const compressed = await Promise.all(
    ct.sopInstanceUids.map(async (uid) => {
      const response = await fetch(`${url}/studies/${context.studyUid}/series/${ct.seriesUid}/instances/${uid}`, {
        headers: { accept: `multipart/related; type="application/dicom"; transfer-syntax=${JPEG_LOSSLESS_SV1}` },
      });
      return multipartParts(new Uint8Array(await response.arrayBuffer()), response.headers.get("content-type")!)[0]!;
    }),
  );
  compressed.forEach((file) => expect(transferSyntaxOf(file)).toBe(JPEG_LOSSLESS_SV1));
  for (const id of await orthancSeriesIds(root, ct.seriesUid)) await fetch(`${root}/series/${id}`, { method: "DELETE" });
  await stowInstances(url, compressed);
  cacheDirectory = await mkdtemp(join(tmpdir(), "rg-compressed-"));
  proxy = storedSyntaxProxy(root);
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/dicom-web`;
});

// Asks Orthanc for the stored transfer syntax whenever the client named none.
function storedSyntaxProxy(root: string): Server {
  return createServer(async (request, response) => {
    const accept = String(request.headers.accept ?? "");
    const asked = accept.includes('type="application/dicom"') && !accept.includes("transfer-syntax") ? `${accept}; transfer-syntax=*` : accept;
    const upstream = await fetch(root + request.url, { headers: { accept: asked } });
    response.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/octet-stream" });
    response.end(Buffer.from(await upstream.arrayBuffer()));
  });
}

afterAll(async () => {
  await new Promise((resolve) => proxy.close(resolve));
  await rm(cacheDirectory, { recursive: true, force: true });
  await deleteOrthancPatients(url, [PATIENT]);
});

describe("compressed instances", () => {
  it("are stored compressed; Orthanc sends explicit VR little endian unless asked for transfer-syntax=*", async () => {
    const instanceUrl = `${url}/studies/${context.studyUid}/series/${ct.seriesUid}/instances/${ct.sopInstanceUids[0]}`;
    const syntaxOf = async (accept: string) => {
      const response = await fetch(instanceUrl, { headers: { accept } });
      return transferSyntaxOf(multipartParts(new Uint8Array(await response.arrayBuffer()), response.headers.get("content-type")!)[0]!);
    };
    expect(await syntaxOf('multipart/related; type="application/dicom"; transfer-syntax=*')).toBe(JPEG_LOSSLESS_SV1);
    expect(await syntaxOf('multipart/related; type="application/dicom"')).toBe("1.2.840.10008.1.2.1");
  });

  it.each([
    ["Orthanc directly", () => url],
    ["a server sending the stored transfer syntax", () => proxyUrl],
  ])("read through %s: exact lesion count, exact HU, native copies in the cache", async (_, archiveUrl) => {
    const cache = new PixelCache({ directory: await mkdtemp(join(cacheDirectory, "c-")), maxBytes: 16 * 1024 * 1024 });
    const source = new ImagingSource(new DicomWebArchive({ url: archiveUrl() }), { cache });
    const items = await source.collect({ patientIds: [PATIENT] });
    expect(items.filter((item) => !item.ok)).toEqual([]);
    const [record] = recordsOf(items, "lesion");
    expect(record).toMatchObject({ id: seg.lesions[0]!.id, voxelCount: seg.lesions[0]!.voxelCount, seriesUid: ct.seriesUid });
    const { volume } = await source.loadLesionVolumeAndMask({ ...seg.lesions[0]!, seriesUid: ct.seriesUid, studyUid: context.studyUid, segmentationType: "SEG" });
    for (const [i, j, k] of [[0, 0, 0], [12, 11, 5], [23, 23, 9]] as const) expect(volume.data[i + 24 * (j + 24 * k)]).toBe(ct.expectedValue(i, j, k));
    const cached = await cache.get({ studyUid: context.studyUid, seriesUid: ct.seriesUid, sopInstanceUid: ct.sopInstanceUids[3]! });
    expect(transferSyntaxOf(cached!)).toBe("1.2.840.10008.1.2.1");
  });
});
