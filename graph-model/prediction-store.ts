// The mutation-status part of the Cypher store: saving a PREDICTS analysis and reading its links.
// CypherGraphStore delegates here (one concept per file; the class stays a thin list of operations).
import { BadUserInputError } from "../compute/errors.js";
import * as N from "./model/nodes.js";
import type * as M from "./model/records.js";
import type { CypherExecutor } from "./cypher-executor.js";
import type { PredictionQuery, WriteSummary } from "./graph-store.js";
import * as cohortCypher from "./cypher/cohort.cypher.js";
import * as nodeCypher from "./cypher/node.cypher.js";
import * as predictionCypher from "./cypher/prediction.cypher.js";
import type { Row } from "./cypher/query.js";
import { decodeNode, WRITE_BATCH } from "./store-helpers.js";
import { validateRecords } from "./validate-record.js";


export async function savePredictionAnalysis(executor: CypherExecutor, analysis: M.AnalysisRecord, links: readonly M.PredictionRecord[]): Promise<WriteSummary> {
  validateRecords(N.Analysis, [analysis]);
  const d = executor.dialect;
  const rows = links.map((link) => {
    if (link.analysisId !== analysis.id) throw new BadUserInputError(`link ${link.featureKey} → ${link.geneSymbol} belongs to analysis ${link.analysisId}, not ${analysis.id}`);
    for (const name of ["auc", "u", "p", "q"] as const)
      if (!Number.isFinite(link[name])) throw new BadUserInputError(`link ${link.featureKey} → ${link.geneSymbol} has no finite ${name}`);
    return {
      featureKey: link.featureKey, geneSymbol: link.geneSymbol, analysisId: link.analysisId,
      auc: d.encode("float", link.auc), u: d.encode("float", link.u), p: d.encode("float", link.p), q: d.encode("float", link.q),
      n: d.encode("int", link.n), nMutated: d.encode("int", link.nMutated), nWildType: d.encode("int", link.nWildType),
    };
  });
  return executor.write(async (tx) => {
    await tx.run(nodeCypher.upsertNodes(N.Analysis, d, nodeCypher.encodeRows(N.Analysis, d, [analysis])));
    if (analysis.cohortId) await tx.run(cohortCypher.linkAnalysisToCohort(analysis.id, analysis.cohortId));
    for (let i = 0; i < rows.length; i += WRITE_BATCH) await tx.run(predictionCypher.upsertPredictions(d, rows.slice(i, i + WRITE_BATCH)));
    return { written: rows.length };
  });
}

export async function predictionLinks(executor: CypherExecutor, query: PredictionQuery): Promise<M.PredictionLink[]> {
  const rows = await executor.read(predictionCypher.predictionLinks(query, executor.dialect));
  return rows.map((row) => ({
    feature: decodeNode(executor.dialect, N.Feature, row) as M.Feature,
    featureKey: row.key as string,
    geneSymbol: row.geneSymbol as string,
    geneName: (row.geneName as string | null) ?? null,
    analysisId: query.analysisId,
    auc: number(row.auc), u: number(row.u), p: number(row.p), q: number(row.q),
    n: number(row.n), nMutated: number(row.nMutated), nWildType: number(row.nWildType),
  }));
}

function number(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
