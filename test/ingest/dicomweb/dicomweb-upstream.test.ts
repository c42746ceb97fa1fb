// How the DICOMweb archive meets a misbehaving server: auth header sent, transient errors retried,
// permanent ones typed; an upstream failure on one series (through a faulty proxy in front of the
// real Orthanc) fails that item only.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DicomWebArchive, IDC_PUBLIC_DICOMWEB_URL, ImagingSource } from "../../../ingest/dicomweb/index.js";
import { cohort, failuresOf, recordsOf, seededOrthanc } from "./cohort-fixture.js";

/** Forwards a request to the real Orthanc behind `dicomweb` and answers what it answered. */
async function forward(dicomweb: string, path: string, headers: IncomingHttpHeaders) {
  const upstream = await fetch(dicomweb.replace(/\/dicom-web$/, "") + path, { headers: { accept: String(headers.accept ?? "*/*"), "accept-encoding": "identity" } });
  return { status: upstream.status, body: Buffer.from(await upstream.arrayBuffer()), headers: { "content-type": upstream.headers.get("content-type") ?? "" } };
}

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

  it("times out a search that gets no answer and retries it (idle timeout on the dicomweb-client path)", async () => {
    let calls = 0;
    const { url, server } = await serve(async () => {
      calls++;
      if (calls === 1) return new Promise<never>(() => {}); // never answers; the client gives up after timeoutMs
      return { status: 200, body: "[]" };
    });
    servers.push(server);
    const archive = new DicomWebArchive({ url, retry: fast, timeoutMs: 300 });
    expect(await archive.findStudies({ patientIds: ["TCGA-SY-0001"] })).toEqual([]);
    expect(calls).toBe(2);
    server.closeAllConnections();
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
      return forward(orthanc, path, headers);
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

describe("transient failures while retrieving pixels (a faulty proxy in front of the real Orthanc)", () => {
  const patient = cohort.patients[0]!;
  const ct = patient.studies[0]!.imageSeries[0]!;
  const seg = patient.studies[0]!.segmentations.find((s) => s.kind === "SEG")!;
  const seen = { series: 0, segInstance: 0 };
  let release: () => void = () => {};
  let items: Awaited<ReturnType<ImagingSource["collect"]>>;

  beforeAll(async () => {
    const orthanc = await seededOrthanc();
    const hang = new Promise<{ status: number; body: string }>((resolve) => (release = () => resolve({ status: 500, body: "too late" })));
    const { url, server } = await serve(async (path, headers) => {
      if (path.endsWith(`/series/${ct.seriesUid}`)) {
        seen.series++;
        if (seen.series === 1) return { status: 503, body: "busy" };
        if (seen.series === 2) return { status: 429, body: "slow down", headers: { "retry-after": "0" } };
        if (seen.series === 3) return hang; // no answer at all: the client's idle timeout must fire
      }
      if (path.endsWith(`/instances/${seg.sopInstanceUid}`) && ++seen.segInstance === 1) return { status: 503, body: "busy" };
      return forward(orthanc, path, headers);
    });
    servers.push(server);
    const archive = new DicomWebArchive({ url, retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5 }, timeoutMs: 500 });
    items = await new ImagingSource(archive).collect({ patientIds: [patient.id] });
  });

  afterAll(() => release());

  it("retries the series retrieval through a 503, a 429 and a timeout, and the instance through a 503", () => {
    expect(failuresOf(items)).toEqual([]);
    expect(seen).toEqual({ series: 4, segInstance: 2 });
  });

  it("then lands every lesion of the patient with its exact voxel count", () => {
    const truth = cohort.lesions.filter((l) => l.imageSeriesUid === ct.seriesUid).map((l) => [l.id, l.voxelCount]).sort();
    expect(recordsOf(items, "lesion").map((l) => [l.id, l.voxelCount]).sort()).toEqual(truth);
  });
});
