// A local DICOMweb replay of an archive's QIDO-RS series search: `GET /dicom-web/series?limit&offset`
// answered with generated series in the exact QIDO JSON Orthanc 1.10 sends (same tags, VRs and value
// shapes, RetrieveURL included), `patients × seriesPerPatient` series, one study per patient. Pages are
// built on demand from the index (nothing held), so the replay's memory does not grow with the archive.
// Used by bench/scale-ingest (10^5 series: loading that many into Orthanc would take hours here).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReplayArchive {
  readonly patients: number;
  readonly seriesPerPatient: number;
}

const uid = (kind: number, n: number): string => `1.2.826.0.1.3680043.10.1017.${kind}.${n}`;
export const replaySeriesUid = (n: number): string => uid(3, n);
export const replayPatientId = (p: number): string => `TCGA-RP-${String(p).padStart(6, "0")}`;

/** Series n (0-based) of the archive, as Orthanc's QIDO-RS answers a series. */
export function replaySeriesJson(n: number, archive: ReplayArchive, root: string): Record<string, unknown> {
  const p = Math.floor(n / archive.seriesPerPatient);
  const studyUid = uid(2, p);
  const seriesUid = replaySeriesUid(n);
  const patientId = replayPatientId(p);
  const modality = n % 3 === 0 ? "MR" : "CT";
  return {
    "00080005": { vr: "CS", Value: ["ISO_IR 100"] },
    "00080020": { vr: "DA", Value: ["20200101"] },
    "00080030": { vr: "TM", Value: ["101500"] },
    "00080050": { vr: "SH" },
    "00080060": { vr: "CS", Value: [modality] },
    "0008103E": { vr: "LO", Value: [`${modality} series ${n % archive.seriesPerPatient}`] },
    "00081030": { vr: "LO", Value: ["replay study"] },
    "00081190": { vr: "UR", Value: [`${root}/studies/${studyUid}/series/${seriesUid}`] },
    "00100010": { vr: "PN", Value: [{ Alphabetic: patientId }] },
    "00100020": { vr: "LO", Value: [patientId] },
    "00100030": { vr: "DA" },
    "00100040": { vr: "CS", Value: ["O"] },
    "00180015": { vr: "CS", Value: ["CHEST"] },
    "0020000D": { vr: "UI", Value: [studyUid] },
    "0020000E": { vr: "UI", Value: [seriesUid] },
    "00200010": { vr: "SH", Value: ["1"] },
    "00200011": { vr: "IS", Value: [(n % archive.seriesPerPatient) + 1] },
    "00201209": { vr: "IS", Value: [120] },
  };
}

export async function startQidoReplay(archive: ReplayArchive, port = 0): Promise<{ url: string; server: Server; requests: () => number }> {
  let requests = 0;
  let root = "";
  const total = archive.patients * archive.seriesPerPatient;
  const server = createServer((request, response) => {
    requests++;
    const url = new URL(request.url ?? "/", "http://replay");
    if (url.pathname !== "/dicom-web/series") return void response.writeHead(404).end();
    const limit = Number(url.searchParams.get("limit") ?? total);
    const offset = Number(url.searchParams.get("offset") ?? 0);
    const page: unknown[] = [];
    for (let n = offset; n < Math.min(total, offset + limit); n++) page.push(replaySeriesJson(n, archive, root));
    response.writeHead(200, { "content-type": "application/dicom+json" }).end(JSON.stringify(page));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  root = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dicom-web`;
  return { url: root, server, requests: () => requests };
}
