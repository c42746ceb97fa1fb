// Reactome ContentService (reference §3.3): lowest-level pathways of a gene product
// (`/data/mapping/{resource}/{id}/pathways`) and the gene symbols of a pathway
// (`/data/participants/{stId}/referenceEntities`: gene products and their splice isoforms, each mapped to
// its gene; ChEBI molecules dropped).
import type { PathwayRecord } from "../../graph-model/model/records.js";
import type { HttpClient } from "../http/http-client.js";
import { NotFoundError } from "../../compute/errors.js";
import { upstreamFailureOf } from "../genomics/upstream-failure.js";
import { stringAt } from "../genomics/json-readers.js";
import { reactomePathwayUrl } from "./reactome-gmt.js";

/** Reference entities that are gene products: a ReferenceIsoform (splice variant) counts for its gene. */
const GENE_PRODUCT_CLASSES = new Set(["ReferenceGeneProduct", "ReferenceIsoform"]);

export const REACTOME_WEB_SERVICE_LICENCE = "CC BY 4.0 (Reactome web services)";

export interface ReactomePathwaySummary {
  id: string;
  name: string;
  url: string;
}

export class ReactomeContentService {
  constructor(private readonly http: HttpClient, private readonly options: { dataRelease?: string | null; species?: number } = {}) {}

  /** Pathways holding the identifier (a UniProt accession by default); none when Reactome knows it not (404). */
  async pathwaysOfGene(identifier: string, resource = "UniProt"): Promise<ReactomePathwaySummary[]> {
    const rows = await this.list(`/data/mapping/${encodeURIComponent(resource)}/${encodeURIComponent(identifier)}/pathways`, { species: this.options.species ?? 9606 });
    if (rows === null) return [];
    return rows.flatMap((row) => {
      const id = stringAt(row, "stId");
      return id ? [{ id, name: stringAt(row, "displayName") ?? id, url: reactomePathwayUrl(id) }] : [];
    });
  }

  /** HGNC symbols of a pathway's gene products and isoforms; an unknown pathway (404, or no participants at all) is NOT_FOUND. */
  async geneSymbolsOfPathway(stId: string): Promise<string[]> {
    const rows = await this.list(`/data/participants/${encodeURIComponent(stId)}/referenceEntities`);
    if (rows === null || rows.length === 0) throw new NotFoundError("Reactome pathway", stId);
    const symbols = rows.filter((row) => GENE_PRODUCT_CLASSES.has(stringAt(row, "schemaClass") ?? "")).map(symbolOf).filter((s): s is string => s !== null);
    return [...new Set(symbols)];
  }

  /** `/data/database/version` (a bare number, e.g. 89) as "Reactome 89"; null when the service does not say. */
  async databaseVersion(): Promise<string | null> {
    try {
      const version = (await this.http.json<unknown>({ url: "/data/database/version" })).data;
      return typeof version === "number" || (typeof version === "string" && version.trim() !== "") ? `Reactome ${String(version).trim()}` : null;
    } catch (error) {
      if (upstreamFailureOf(error).status === 404) return null;
      throw error;
    }
  }

  /** The gene's pathways as PathwayRecords, each with its member symbols. */
  async pathwayRecordsOfGene(identifier: string, resource = "UniProt"): Promise<PathwayRecord[]> {
    const records: PathwayRecord[] = [];
    for (const pathway of await this.pathwaysOfGene(identifier, resource))
      records.push({ ...pathway, licence: REACTOME_WEB_SERVICE_LICENCE, source: "Reactome", dataRelease: this.options.dataRelease ?? null, geneSymbols: await this.geneSymbolsOfPathway(pathway.id) });
    return records;
  }

  /** The JSON array at `url`, or null on 404 (`{code, reason, messages}` body). */
  private async list(url: string, query?: Record<string, number>): Promise<unknown[] | null> {
    try {
      const response = await this.http.json<unknown[]>({ url, query });
      return Array.isArray(response.data) ? response.data : [];
    } catch (error) {
      if (upstreamFailureOf(error).status === 404) return null;
      throw error;
    }
  }
}

/** `geneName[0]`, else the symbol after the accession in `displayName` ("UniProt:P04637 TP53"). */
function symbolOf(row: unknown): string | null {
  const names = (row as { geneName?: unknown }).geneName;
  if (Array.isArray(names) && typeof names[0] === "string" && names[0] !== "") return names[0];
  const display = stringAt(row, "displayName");
  const match = display ? /^\S+:\S+\s+(\S+)/.exec(display) : null;
  return match?.[1] ?? null;
}
