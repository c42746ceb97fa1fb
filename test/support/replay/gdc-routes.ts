// GDC API endpoints the GDC source uses, answered from the fixture in GDC's exact shapes (reference §1).
import type { GenomicFixture } from "./genomic-fixture.js";
import { gdcSearch, GdcQueryError, type GdcSearchParams } from "./gdc-query.js";
import { jsonReply, type ReplayHandler, type ReplayReply, type ReplayRequest } from "./replay-types.js";

export function gdcHandler(fixture: GenomicFixture): ReplayHandler {
  const searchable: Record<string, Record<string, unknown>[]> = {
    cases: fixture.gdc.cases,
    files: fixture.gdc.files,
    ssm_occurrences: fixture.gdc.ssmOccurrences,
    projects: fixture.gdc.projects,
  };
  return (request) => {
    const segments = request.path.split("/").filter(Boolean).map(decodeURIComponent);
    const [endpoint, id] = segments;
    if (endpoint === "status" && segments.length === 1) return jsonReply(200, fixture.gdc.status);
    if (endpoint === "data" && id) return download(fixture, id);
    const docs = endpoint ? searchable[endpoint] : undefined;
    if (!docs) return gdcError(404, `Not Found: ${request.path}`);
    if (id) {
      const doc = docs.find((d) => d.id === id);
      return doc ? jsonReply(200, { data: doc, warnings: {} }) : gdcError(404, `${id} not found`);
    }
    try {
      return jsonReply(200, gdcSearch(endpoint!, docs, searchParams(request)));
    } catch (error) {
      if (error instanceof GdcQueryError) return gdcError(400, error.message);
      throw error;
    }
  };
}

/** GET puts the parameters in the query string; POST sends them as a JSON body (reference §1.1). */
function searchParams(request: ReplayRequest): GdcSearchParams {
  const source = request.method === "POST" && request.body && typeof request.body === "object"
    ? (request.body as Record<string, unknown>)
    : Object.fromEntries(request.query);
  const number = (value: unknown, name: string) => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new GdcQueryError(`${name} must be a non-negative integer`);
    return n;
  };
  return {
    filters: source.filters,
    fields: source.fields === undefined ? undefined : String(source.fields),
    sort: source.sort === undefined ? undefined : String(source.sort),
    from: number(source.from, "from"),
    size: number(source.size, "size"),
  };
}

function download(fixture: GenomicFixture, fileId: string): ReplayReply {
  const body = fixture.gdc.fileBodies.get(fileId);
  if (body === undefined) return gdcError(404, `File ${fileId} not found`);
  const name = (fixture.gdc.files.find((f) => f.file_id === fileId)?.file_name as string | undefined) ?? `${fileId}.tsv`;
  return { status: 200, headers: { "content-type": "application/octet-stream", "content-disposition": `attachment; filename=${name}` }, body };
}

/** GDC's JSON error body (reference §1.12). */
function gdcError(status: number, message: string): ReplayReply {
  return jsonReply(status, { error: message, message });
}
