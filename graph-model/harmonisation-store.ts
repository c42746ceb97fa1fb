// The harmonisation part of the Cypher store: a Harmonisation node (estimates, diagnostics and the
// harmonised value matrix as properties) with its cohort link, written together; the reads; and the
// acquisition series of lesions that batch definitions read. CypherGraphStore delegates here.
import * as N from "./model/nodes.js";
import type * as M from "./model/records.js";
import type { CypherExecutor } from "./cypher-executor.js";
import type { LesionAcquisition, WriteSummary } from "./graph-store.js";
import * as nodeCypher from "./cypher/node.cypher.js";
import * as harmonisationCypher from "./cypher/harmonisation.cypher.js";
import { decodeNode } from "./store-helpers.js";
import { validateRecords } from "./validate-record.js";

export async function saveHarmonisation(executor: CypherExecutor, harmonisation: M.HarmonisationRecord): Promise<WriteSummary> {
  validateRecords(N.Harmonisation, [harmonisation]);
  const d = executor.dialect;
  return executor.write(async (tx) => {
    await tx.run(nodeCypher.upsertNodes(N.Harmonisation, d, nodeCypher.encodeRows(N.Harmonisation, d, [harmonisation])));
    if (harmonisation.cohortId) await tx.run(harmonisationCypher.linkHarmonisationToCohort(harmonisation.id, harmonisation.cohortId));
    return { written: 1 };
  });
}

export async function harmonisationsByIds(executor: CypherExecutor, ids: readonly string[]): Promise<M.Harmonisation[]> {
  if (!ids.length) return [];
  const rows = await executor.read(nodeCypher.nodesByKeys(N.Harmonisation, ids));
  return rows.map((row) => decodeNode(executor.dialect, N.Harmonisation, row) as M.Harmonisation);
}

export async function harmonisations(executor: CypherExecutor, query: { skip: number; first: number }): Promise<M.Harmonisation[]> {
  const ids = (await executor.read(harmonisationCypher.harmonisations(query))).map((row) => row.id as string);
  const byId = new Map((await harmonisationsByIds(executor, ids)).map((h) => [h.id, h]));
  return ids.map((id) => byId.get(id)!).filter(Boolean);
}

export async function acquisitionsOfLesions(executor: CypherExecutor, lesionIds: readonly string[]): Promise<Map<string, LesionAcquisition>> {
  const out = new Map<string, LesionAcquisition>();
  if (!lesionIds.length) return out;
  for (const row of await executor.read(harmonisationCypher.acquisitionsOfLesions(lesionIds))) {
    out.set(row.lesionId as string, { lesionId: row.lesionId as string, collectionId: (row.collectionId as string | null) ?? null, series: decodeNode(executor.dialect, N.Series, row) as M.Series });
  }
  return out;
}
