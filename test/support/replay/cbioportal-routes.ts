// cBioPortal API endpoints the cBioPortal source uses, answered from the fixture in cBioPortal's exact
// shapes (reference §2): bare arrays, `total-count` header for projection=META, `{"message"}` errors.
import type { CbioportalFixture, GenomicFixture } from "./genomic-fixture.js";
import { jsonReply, type ReplayHandler, type ReplayReply, type ReplayRequest } from "./replay-types.js";

type Row = Record<string, unknown>;

export function cbioportalHandler(fixture: GenomicFixture): ReplayHandler {
  const c = fixture.cbioportal;
  return (request) => {
    const s = request.path.split("/").filter(Boolean).map(decodeURIComponent);
    if (s[0] === "studies" && s[1]) return studyRoute(c, s[1], s.slice(2), request);
    if (s[0] === "sample-lists" && s[1] && s[2] === "sample-ids") {
      const ids = c.sampleListIds.get(s[1]);
      return ids ? jsonReply(200, ids) : message(404, `Sample list not found: ${s[1]}`);
    }
    if (s[0] === "molecular-profiles" && s[1] && s[3] === "fetch" && request.method === "POST") return profileFetch(c, s[1], s[2]!, request);
    if (s[0] === "genes" && s[1] === "fetch" && request.method === "POST") return genesFetch(c, request);
    return message(404, `No endpoint ${request.method} ${request.path}`);
  };
}

function studyRoute(c: CbioportalFixture, studyId: string, rest: string[], request: ReplayRequest): ReplayReply {
  if (studyId !== c.study.studyId) return message(404, `Study not found: ${studyId}`);
  switch (rest.join("/")) {
    case "": return jsonReply(200, c.study);
    case "patients": return list(request, c.patients);
    case "samples": return list(request, c.samples);
    case "molecular-profiles": return list(request, c.profiles);
    case "sample-lists": return list(request, c.sampleLists);
    case "clinical-attributes": return list(request, c.clinicalAttributes);
    case "clinical-data": {
      // clinicalDataType defaults to SAMPLE: patient attributes such as OS_STATUS need PATIENT (§2.5).
      const type = request.query.get("clinicalDataType") ?? "SAMPLE";
      if (type !== "SAMPLE" && type !== "PATIENT") return message(400, `clinicalDataType must be SAMPLE or PATIENT`);
      const attributeId = request.query.get("attributeId");
      return list(request, c.clinical[type].filter((row) => !attributeId || row.clinicalAttributeId === attributeId));
    }
    default: return message(404, `No endpoint ${request.method} ${request.path}`);
  }
}

function profileFetch(c: CbioportalFixture, profileId: string, kind: string, request: ReplayRequest): ReplayReply {
  const profile = c.profiles.find((p) => p.molecularProfileId === profileId);
  if (!profile) return message(404, `Molecular profile not found: ${profileId}`);
  const filter = (request.body ?? {}) as { entrezGeneIds?: unknown; sampleIds?: unknown; sampleListId?: unknown };
  const samples = samplesOf(c, filter);
  if (samples === "unknown list") return message(404, `Sample list not found: ${String(filter.sampleListId)}`);
  if (samples === null) return message(400, "sampleIds or sampleListId is required");
  const genes = Array.isArray(filter.entrezGeneIds) ? new Set(filter.entrezGeneIds.map(Number)) : null;
  const keep = (row: { sampleId?: unknown; entrezGeneId?: unknown }) => samples.has(String(row.sampleId)) && (!genes || genes.has(Number(row.entrezGeneId)));
  const detailed = request.query.get("projection") === "DETAILED";
  const withGene = (row: Row) => (detailed ? { ...row, gene: c.genes.find((g) => g.entrezGeneId === row.entrezGeneId) } : row);
  if (kind === "mutations" && profile.molecularAlterationType === "MUTATION_EXTENDED")
    return list(request, c.mutations.filter((m) => m.molecularProfileId === profileId && keep(m)).map(withGene));
  if (kind === "molecular-data" && profile.molecularAlterationType !== "MUTATION_EXTENDED") {
    if (!genes) return message(400, "entrezGeneIds is required");
    const rows = (c.molecularData.get(profileId) ?? []).filter(keep).map((d) => ({
      uniqueSampleKey: c.samples.find((s) => s.sampleId === d.sampleId)!.uniqueSampleKey,
      uniquePatientKey: c.patients.find((p) => p.patientId === d.patientId)!.uniquePatientKey,
      entrezGeneId: d.entrezGeneId, molecularProfileId: profileId, sampleId: d.sampleId, patientId: d.patientId, studyId: c.study.studyId, value: d.value,
    }));
    return list(request, rows.map(withGene));
  }
  return message(400, `Profile ${profileId} holds no ${kind}`);
}

function samplesOf(c: CbioportalFixture, filter: { sampleIds?: unknown; sampleListId?: unknown }): Set<string> | null | "unknown list" {
  if (Array.isArray(filter.sampleIds)) return new Set(filter.sampleIds.map(String));
  if (typeof filter.sampleListId === "string") return c.sampleListIds.has(filter.sampleListId) ? new Set(c.sampleListIds.get(filter.sampleListId)) : "unknown list";
  return null;
}

function genesFetch(c: CbioportalFixture, request: ReplayRequest): ReplayReply {
  if (!Array.isArray(request.body)) return message(400, "body must be a JSON array of gene ids");
  const bySymbol = (request.query.get("geneIdType") ?? "ENTREZ_GENE_ID") === "HUGO_GENE_SYMBOL";
  const ids = new Set(request.body.map(String));
  // Unknown ids are left out of the answer (reference §2.8).
  return jsonReply(200, c.genes.filter((g) => ids.has(String(bySymbol ? g.hugoGeneSymbol : g.entrezGeneId))));
}

/** A list endpoint: the bare array, or with projection=META an empty body and the `total-count` header. */
function list(request: ReplayRequest, rows: unknown[]): ReplayReply {
  if (request.query.get("projection") === "META") return { status: 200, headers: { "total-count": String(rows.length) }, body: "" };
  return jsonReply(200, rows);
}

function message(status: number, text: string): ReplayReply {
  return jsonReply(status, { message: text });
}
