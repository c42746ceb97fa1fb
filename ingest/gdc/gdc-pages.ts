// Walks a GDC search endpoint page by page (reference §1.4): POST the query with an explicit sort
// (without one, pages can overlap or miss hits), `from += size` until `from >= pagination.total`.
import { z } from "zod";
import { UpstreamUnavailableError } from "../../compute/errors.js";
import type { HttpClient } from "../http/http-client.js";
import type { GdcFilter } from "./gdc-filters.js";
import { rethrowGdcRejection } from "./gdc-rejection.js";

export interface GdcSearch {
  endpoint: "cases" | "files" | "ssm_occurrences";
  filters: GdcFilter;
  fields: readonly string[];
  /** e.g. `submitter_id:asc`; required, see above. */
  sort: string;
  pageSize: number;
}

const Envelope = z.object({
  data: z.object({
    hits: z.array(z.record(z.string(), z.unknown())),
    pagination: z.object({ total: z.number().int().nonnegative() }).loose(),
  }),
});

export interface GdcPage {
  hits: Record<string, unknown>[];
  total: number;
  from: number;
}

export async function* gdcPages(http: HttpClient, search: GdcSearch): AsyncGenerator<GdcPage> {
  for (let from = 0; ; ) {
    const body = { filters: search.filters, fields: search.fields.join(","), sort: search.sort, size: search.pageSize, from, format: "JSON" };
    const response = await http.json({ url: `/${search.endpoint}`, method: "POST", body }).catch(rethrowGdcRejection);
    const page = Envelope.safeParse(response.data);
    if (!page.success) throw new UpstreamUnavailableError(`GDC /${search.endpoint} answered without the {data:{hits,pagination}} envelope`, { endpoint: search.endpoint });
    const { hits, pagination } = page.data.data;
    yield { hits, total: pagination.total, from };
    from += search.pageSize;
    if (from >= pagination.total || hits.length === 0) return;
  }
}

export async function* gdcHits(http: HttpClient, search: GdcSearch): AsyncGenerator<Record<string, unknown>> {
  for await (const page of gdcPages(http, search)) yield* page.hits;
}
