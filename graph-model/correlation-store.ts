// The correlation part of the Cypher store: saving a GENES / PATHWAYS analysis with its
// CORRELATES_WITH links, and reading analyses and links back. CypherGraphStore delegates here.
import { BadUserInputError } from "../compute/errors.js";
import * as N from "./model/nodes.js";
import type * as M from "./model/records.js";
import type { CypherExecutor } from "./cypher-executor.js";
import type { LinkQuery, WriteSummary } from "./graph-store.js";
import * as analysisCypher from "./cypher/analysis.cypher.js";
import * as cohortCypher from "./cypher/cohort.cypher.js";
import * as nodeCypher from "./cypher/node.cypher.js";
import { chunks, decodeNode, WRITE_BATCH } from "./store-helpers.js";
import { validateRecords } from "./validate-record.js";

export async function saveAnalysis(executor: CypherExecutor, analysis: M.AnalysisRecord, links: readonly M.CorrelationRecord[]): Promise<WriteSummary> {
  validateRecords(N.Analysis, [analysis]);
  const d = executor.dialect;
  const byKind = { Gene: [] as Record<string, unknown>[], Pathway: [] as Record<string, unknown>[] };
  for (const link of links) {
    if (link.analysisId !== analysis.id) throw new BadUserInputError(`link ${link.featureKey} → ${link.targetKey} belongs to analysis ${link.analysisId}, not ${analysis.id}`);
    byKind[link.targetKind].push({
      featureKey: link.featureKey, targetKey: link.targetKey, analysisId: link.analysisId,
      rho: d.encode("float", link.rho), p: d.encode("float", link.p), q: d.encode("float", link.q), n: d.encode("int", link.n),
    });
  }
  return executor.write(async (tx) => {
    await tx.run(nodeCypher.upsertNodes(N.Analysis, d, nodeCypher.encodeRows(N.Analysis, d, [analysis])));
    for (const kind of ["Gene", "Pathway"] as const)
      for (const batch of chunks(byKind[kind], WRITE_BATCH)) await tx.run(analysisCypher.upsertCorrelations(kind, d, batch));
    if (analysis.cohortId) await tx.run(cohortCypher.linkAnalysisToCohort(analysis.id, analysis.cohortId));
    return { written: links.length };
  });
}

export async function analysisById(executor: CypherExecutor, id: string): Promise<M.Analysis | null> {
  const [row] = await executor.read(analysisCypher.analysisById(id));
  return row ? (decodeNode(executor.dialect, N.Analysis, row) as M.Analysis) : null;
}

export async function correlationLinkCount(executor: CypherExecutor, query: Omit<LinkQuery, "first">): Promise<number> {
  return Number((await executor.read(analysisCypher.correlationLinkCount(query, executor.dialect)))[0]?.n ?? 0);
}

export async function correlationLinks(executor: CypherExecutor, query: LinkQuery): Promise<M.CorrelationLink[]> {
  const rows = await executor.read(analysisCypher.correlationLinks(query, executor.dialect));
  return rows.map((row) => ({
    feature: decodeNode(executor.dialect, N.Feature, row) as M.Feature,
    featureKey: row.key as string,
    targetKind: query.targetKind,
    targetKey: row.targetKey as string,
    targetName: (row.targetName as string | null) ?? null,
    analysisId: query.analysisId,
    rho: row.rho as number | null, p: row.p as number | null, q: row.q as number | null, n: row.n as number | null,
  }));
}
