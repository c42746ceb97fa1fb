// The correlation part of the Cypher store: saving a GENES / PATHWAYS analysis with its
// CORRELATES_WITH links, and reading analyses and links back. CypherGraphStore delegates here.
import { BadUserInputError } from "../compute/errors.js";
import * as N from "./model/nodes.js";
import type * as M from "./model/records.js";
import type { CypherExecutor, Transaction } from "./cypher-executor.js";
import type { Dialect } from "./cypher/dialect.js";
import type { LinkQuery, WriteSummary } from "./graph-store.js";
import * as analysisCypher from "./cypher/analysis.cypher.js";
import * as cohortCypher from "./cypher/cohort.cypher.js";
import * as nodeCypher from "./cypher/node.cypher.js";
import { chunks, decodeNode, WRITE_BATCH } from "./store-helpers.js";
import { validateRecords } from "./validate-record.js";
import { writeNodeOnce } from "./step-result-store.js";

export async function saveAnalysis(executor: CypherExecutor, analysis: M.AnalysisRecord, links: readonly M.CorrelationRecord[]): Promise<WriteSummary> {
  validateRecords(N.Analysis, [analysis]);
  return executor.write(async (tx) => writeAnalysis(tx, executor.dialect, analysis, links));
}

/**
 * The same, once: under the lock of the marker `analysis:<id>`, nothing is written when the Analysis node
 * already exists (another finisher of a distributed job wrote it). True when this call wrote it.
 */
export async function saveAnalysisOnce(executor: CypherExecutor, analysis: M.AnalysisRecord, links: readonly M.CorrelationRecord[], now: string): Promise<boolean> {
  validateRecords(N.Analysis, [analysis]);
  return executor.write((tx) => writeNodeOnce(tx, `analysis:${analysis.id}`, N.Analysis, analysis.id, now, () => writeAnalysis(tx, executor.dialect, analysis, links)));
}

/**
 * One step's links (e.g. a batch of tests of a distributed analysis, q still unset), written once: under the
 * lock of the step's marker, nothing is written when it is COMPLETE already; the marker is set COMPLETE in the
 * same transaction. True when this call wrote them.
 */
export async function saveCorrelationStep(executor: CypherExecutor, markerId: string, links: readonly M.CorrelationRecord[], now: string): Promise<boolean> {
  return executor.write(async (tx) => {
    const [marker] = await tx.run(analysisCypher.lockStepMarker(markerId, now));
    if (marker?.status === "COMPLETE") return false;
    await writeCorrelations(tx, executor.dialect, links);
    await tx.run(analysisCypher.completeStepMarker(markerId, now));
    return true;
  });
}

export async function completeStepMarkers(executor: CypherExecutor, prefix: string): Promise<number> {
  return Number((await executor.read(analysisCypher.completeStepMarkers(prefix)))[0]?.n ?? 0);
}

async function writeAnalysis(tx: Transaction, d: Dialect, analysis: M.AnalysisRecord, links: readonly M.CorrelationRecord[]): Promise<WriteSummary> {
  for (const link of links)
    if (link.analysisId !== analysis.id) throw new BadUserInputError(`link ${link.featureKey} → ${link.targetKey} belongs to analysis ${link.analysisId}, not ${analysis.id}`);
  await tx.run(nodeCypher.upsertNodes(N.Analysis, d, nodeCypher.encodeRows(N.Analysis, d, [analysis])));
  await writeCorrelations(tx, d, links);
  if (analysis.cohortId) await tx.run(cohortCypher.linkAnalysisToCohort(analysis.id, analysis.cohortId));
  return { written: links.length };
}

async function writeCorrelations(tx: Transaction, d: Dialect, links: readonly M.CorrelationRecord[]): Promise<void> {
  const byKind = { Gene: [] as Record<string, unknown>[], Pathway: [] as Record<string, unknown>[] };
  for (const link of links)
    byKind[link.targetKind].push({
      featureKey: link.featureKey, targetKey: link.targetKey, analysisId: link.analysisId,
      rho: d.encode("float", link.rho), p: d.encode("float", link.p), q: d.encode("float", link.q), n: d.encode("int", link.n),
    });
  for (const kind of ["Gene", "Pathway"] as const)
    for (const batch of chunks(byKind[kind], WRITE_BATCH)) await tx.run(analysisCypher.upsertCorrelations(kind, d, batch));
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
