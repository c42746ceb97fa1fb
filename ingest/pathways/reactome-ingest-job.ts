// Reactome ContentService gene sets as a resumable job: one item per gene identifier (a UniProt
// accession by default). Each item fetches the gene's lowest-level pathways and every pathway's gene
// products, and upserts them (membership replaced by Reactome's, so re-runs change nothing). A gene
// Reactome maps to no pathway is a NOT_FOUND item error; so is a gene whose pathways name member symbols
// the gene reference does not know (written with the known members, never creating genes; a re-run
// after ingesting the genes completes them).
import { createHash } from "node:crypto";
import { BadUserInputError, NotFoundError, PlatformError } from "../../compute/errors.js";
import { describeUnknownSymbols, unknownSymbolsReport } from "./unknown-gene-symbols.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import type { PathwayRecord } from "../../graph-model/model/records.js";
import type { JobDefinition } from "../jobs/job.js";
import { REACTOME_WEB_SERVICE_LICENCE, type ReactomeContentService } from "./reactome-content-service.js";

export interface ReactomeIngestRequest {
  /** Gene identifiers in `resource`, e.g. UniProt accessions P04637. */
  identifiers: readonly string[];
  /** Reactome reference database of the identifiers (default UniProt). */
  resource?: string;
  /** Release to record; default the service's /data/database/version. */
  release?: string;
}

export const MAX_REACTOME_GENES = 20_000;

/** Checks the request and reads the release (so the job id names it), then defines the job. */
export async function reactomeIngestJob(store: GraphStore, reactome: ReactomeContentService, request: ReactomeIngestRequest): Promise<JobDefinition<string>> {
  const identifiers = [...new Set(request.identifiers.map((id) => id.trim()).filter((id) => id !== ""))].sort();
  if (!identifiers.length) throw new BadUserInputError("give at least one gene identifier (e.g. the UniProt accession P04637)");
  if (identifiers.length > MAX_REACTOME_GENES) throw new BadUserInputError(`at most ${MAX_REACTOME_GENES} genes per Reactome ingest, got ${identifiers.length}`);
  const resource = request.resource ?? "UniProt";
  const release = request.release ?? (await reactome.databaseVersion()) ?? "unknown";
  const members = new Map<string, Promise<string[]>>();
  const membersOf = (stId: string) => {
    let symbols = members.get(stId);
    if (!symbols) {
      symbols = reactome.geneSymbolsOfPathway(stId);
      members.set(stId, symbols);
      symbols.catch(() => members.delete(stId)); // a failed fetch is asked again by the next item
    }
    return symbols;
  };
  const digest = createHash("sha256").update(`${resource}\n${identifiers.join("\n")}`).digest("hex").slice(0, 12);
  return {
    id: `reactome-${resource}-${release}-${digest}`.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 200),
    name: `Reactome ContentService (${release}): pathways of ${identifiers.length} ${resource} gene${identifiers.length > 1 ? "s" : ""}`,
    items: identifiers,
    keyOf: (identifier) => identifier,
    handle: async (identifier) => {
      const records: PathwayRecord[] = [];
      for (const pathway of await reactome.pathwaysOfGene(identifier, resource))
        records.push({ ...pathway, licence: REACTOME_WEB_SERVICE_LICENCE, source: "Reactome", dataRelease: release, geneSymbols: await membersOf(pathway.id) });
      // reported per item (the job ends PARTIAL), not dropped silently
      if (!records.length) throw new NotFoundError(`Reactome pathway of ${resource} gene`, identifier);
      const { unknownGeneSymbols } = await store.upsertPathways(records);
      if (unknownGeneSymbols.length > 0)
        throw new PlatformError("NOT_FOUND", `${identifier}: ${describeUnknownSymbols(unknownGeneSymbols)}`, { ...unknownSymbolsReport(unknownGeneSymbols) });
    },
  };
}
