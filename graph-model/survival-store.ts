// The survival part of the Cypher store: a SurvivalAnalysis with its SURVIVAL_USES_FEATURE links,
// written together (a failed write leaves neither), and the reads. CypherGraphStore delegates here.
import { BadUserInputError } from "../compute/errors.js";
import * as N from "./model/nodes.js";
import type * as M from "./model/records.js";
import type { CypherExecutor, Transaction } from "./cypher-executor.js";
import type { Dialect } from "./cypher/dialect.js";
import type { WriteSummary } from "./graph-store.js";
import * as nodeCypher from "./cypher/node.cypher.js";
import * as survivalCypher from "./cypher/survival.cypher.js";
import { decodeNode, WRITE_BATCH } from "./store-helpers.js";
import { validateRecords } from "./validate-record.js";
import { writeNodeOnce } from "./step-result-store.js";

const INT_PROPERTIES = new Set(["rank", "designColumn"]);

export async function saveSurvivalAnalysis(executor: CypherExecutor, analysis: M.SurvivalAnalysisRecord, features: readonly M.SurvivalFeatureRecord[]): Promise<WriteSummary> {
  const rows = survivalRows(executor.dialect, analysis, features);
  return executor.write(async (tx) => writeSurvivalAnalysis(tx, executor.dialect, analysis, rows));
}

/**
 * The same, once: under the lock of the marker `survival:<id>`, nothing is written when the SurvivalAnalysis
 * already exists (another finisher of a distributed fit wrote it). True when this call wrote it.
 */
export async function saveSurvivalAnalysisOnce(executor: CypherExecutor, analysis: M.SurvivalAnalysisRecord, features: readonly M.SurvivalFeatureRecord[], now: string): Promise<boolean> {
  const rows = survivalRows(executor.dialect, analysis, features);
  return executor.write((tx) => writeNodeOnce(tx, `survival:${analysis.id}`, N.SurvivalAnalysis, analysis.id, now, () => writeSurvivalAnalysis(tx, executor.dialect, analysis, rows)));
}

function survivalRows(d: Dialect, analysis: M.SurvivalAnalysisRecord, features: readonly M.SurvivalFeatureRecord[]): Record<string, unknown>[] {
  validateRecords(N.SurvivalAnalysis, [analysis]);
  return features.map((f) => {
    if (f.analysisId !== analysis.id) throw new BadUserInputError(`feature ${f.featureKey} belongs to survival analysis ${f.analysisId}, not ${analysis.id}`);
    const row: Record<string, unknown> = { analysisId: f.analysisId, featureKey: f.featureKey };
    for (const k of survivalCypher.SURVIVAL_FEATURE_PROPERTIES) {
      const v = f[k];
      if (v !== undefined && v !== null && !Number.isFinite(v)) throw new BadUserInputError(`feature ${f.featureKey} of survival analysis ${analysis.id}: ${k} is not finite (${v})`);
      row[k] = d.encode(INT_PROPERTIES.has(k) ? "int" : "float", v ?? null);
    }
    return row;
  });
}

async function writeSurvivalAnalysis(tx: Transaction, d: Dialect, analysis: M.SurvivalAnalysisRecord, rows: Record<string, unknown>[]): Promise<WriteSummary> {
  await tx.run(nodeCypher.upsertNodes(N.SurvivalAnalysis, d, nodeCypher.encodeRows(N.SurvivalAnalysis, d, [analysis])));
  if (analysis.cohortId) await tx.run(survivalCypher.linkSurvivalToCohort(analysis.id, analysis.cohortId));
  for (let i = 0; i < rows.length; i += WRITE_BATCH) await tx.run(survivalCypher.upsertSurvivalFeatures(d, rows.slice(i, i + WRITE_BATCH)));
  return { written: rows.length + 1 };
}

export async function survivalAnalysesByIds(executor: CypherExecutor, ids: readonly string[]): Promise<M.SurvivalAnalysis[]> {
  const rows = await executor.read(nodeCypher.nodesByKeys(N.SurvivalAnalysis, ids));
  return rows.map((row) => decodeNode(executor.dialect, N.SurvivalAnalysis, row) as M.SurvivalAnalysis);
}

export async function survivalAnalyses(executor: CypherExecutor, query: { kind?: string; skip: number; first: number }): Promise<M.SurvivalAnalysis[]> {
  const rows = await executor.read(survivalCypher.survivalAnalyses(query));
  return rows.map((row) => decodeNode(executor.dialect, N.SurvivalAnalysis, row) as M.SurvivalAnalysis);
}

export async function survivalFeatures(executor: CypherExecutor, analysisId: string, page: { skip: number; first: number }): Promise<M.SurvivalFeature[]> {
  const rows = await executor.read(survivalCypher.survivalFeatures(analysisId, page));
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return rows.map((row) => {
    const feature = decodeNode(executor.dialect, N.Feature, row) as M.Feature;
    const out = { analysisId, featureKey: feature.key, feature } as Record<string, unknown>;
    for (const k of survivalCypher.SURVIVAL_FEATURE_PROPERTIES) out[k] = num(row[k]);
    return out as M.SurvivalFeature;
  });
}
