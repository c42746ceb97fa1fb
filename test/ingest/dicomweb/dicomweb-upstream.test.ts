// How the DICOMweb archive meets a misbehaving server: auth header sent, transient errors retried,
// permanent ones typed; an upstream failure on one series (through a faulty proxy in front of the
// real Orthanc) fails that item only.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DicomWebArchive, IDC_PUBLIC_DICOMWEB_URL, ImagingSource } from "../../../ingest/dicomweb/index.js";
import { cohort, failuresOf, recordsOf, seededOrthanc } from "./cohort-fixture.js";

type Handler = (path: string, headers: IncomingHttpHeaders) => Promise<{ status: number; body: Buffer | string; headers?: Record<string, string> }>;

async function serve(handler: Handler): Promise<{ url: string; server: Server }> {
  const server = createServer(async (request, response) => {
    const answer = await handler(request.url ?? "/", request.headers);
    response.writeHead(answer.status, { "content-type": "application/dicom+json", ...answer.headers });
    response.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/dicom-web`, server };
}

const fast = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 };
const servers: Server[] = [];

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

describe("DICOMweb archive against a misbehaving server", () => {
  it("defaults to IDC's public proxy", () => {
    const archive = new DicomWebArchive();
    expect(archive.url).toBe(IDC_PUBLIC_DICOMWEB_URL);
    expect(archive.source).toBe("IDC");
  });

  it("sends the configured Authorization header and retries a 503 and a 429", async () => {
    const seen: (string | undefined)[] = [];
    let calls = 0;
    const { url, server } = await serve(async (_, headers) => {
      seen.push(headers.authorization);
      calls++;
      if (calls === 1) return { status: 503, body: "busy" };
      if (calls === 2) return { status: 429, body: "slow down", headers: { "retry-after": "0" } };
      return { status: 200, body: "[]" };
    });
    servers.push(server);
    const archive = new DicomWebArchive({ url, headers: { Authorization: "Bearer t0ken" }, retry: fast });
    expect(await archive.findStudies({ patientIds: ["TCGA-SY-0001"] })).toEqual([]);
    expect(seen).toEqual(["Bearer t0ken", "Bearer t0ken", "Bearer t0ken"]);
  });

  it("types 401 as UNAUTHENTICATED, lasting 503 and a closed port as UPSTREAM_UNAVAILABLE", async () => {
    const { url, server } = await serve(async (path) => (path.includes("PatientID=A") ? { status: 401, body: "no" } : { status: 503, body: "down" }));
    servers.push(server);
    const archive = new DicomWebArchive({ url, retry: fast });
    await expect(archive.findStudies({ patientIds: ["A"] })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(archive.findStudies({ patientIds: ["B"] })).rejects.toMatchObject({ code: "UPSTREAM_UNAVAILABLE" });
    const closed = new DicomWebArchive({ url: "http://127.0.0.1:9/dicom-web", retry: fast });
    await expect(closed.findStudies({})).rejects.toMatchObject({ code: "UPSTREAM_UNAVAILABLE" });
  });

  it("rejects a malformed StudyDate before asking the server", async () => {
    await expect(new DicomWebArchive({ url: "http://127.0.0.1:9/dicom-web" }).findStudies({ studyDate: "2024-01-01" })).rejects.toThrow(/StudyDate/);
  });
});

describe("an upstream failure on one series", () => {
  let items: Awaited<ReturnType<ImagingSource["collect"]>>;
  const mr = cohort.patients[1]!.studies[0]!.imageSeries[0]!;

  beforeAll(async () => {
    const orthanc = await seededOrthanc();
    const { url, server } = await serve(async (path, headers) => {
      if (path.includes(`/series/${mr.seriesUid}/metadata`)) return { status: 502, body: "bad gateway" };
      const upstream = await fetch(orthanc.replace(/\/dicom-web$/, "") + path, { headers: { accept: String(headers.accept ?? "*/*") } });
      return { status: upstream.status, body: Buffer.from(await upstream.arrayBuffer()), headers: { "content-type": upstream.headers.get("content-type") ?? "" } };
    });
    servers.push(server);
    items = await new ImagingSource(new DicomWebArchive({ url, retry: fast })).collect({ patientIds: ["TCGA-SY-0001", "TCGA-SY-0002"] });
  });

  it("fails that series and the segmentations drawn on it, with UPSTREAM_UNAVAILABLE", () => {
    const failures = failuresOf(items);
    expect(failures.map((f) => [f.kind, f.uid, f.error.code])).toEqual([
      ["series", mr.seriesUid, "UPSTREAM_UNAVAILABLE"],
      ...cohort.patients[1]!.studies[0]!.segmentations.map((s) => ["segmentation", s.seriesUid, "UPSTREAM_UNAVAILABLE"]).sort((a, b) => a[1]!.localeCompare(b[1]!)),
    ]);
    expect(failures[0]!.error.message).toContain("502");
  });

  it("lets everything else through", () => {
    expect(recordsOf(items, "study")).toHaveLength(2);
    expect(recordsOf(items, "series").map((s) => s.modality)).toEqual(["CT"]);
    expect(recordsOf(items, "lesion")).toHaveLength(cohort.lesions.filter((l) => l.imageSeriesUid !== mr.seriesUid && cohort.imageSeries(l.imageSeriesUid).context.patientId === "TCGA-SY-0001").length);
  });
});
