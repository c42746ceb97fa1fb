// The expression part of the Cypher store: bulk replacement of a source's values for (patient, gene)
// pairs, and the matrix read-back the correlation engine uses. CypherGraphStore delegates here.
import { BadUserInputError } from "../compute/errors.js";
import * as N from "./model/nodes.js";
import * as R from "./model/relationships.js";
import type * as M from "./model/records.js";
import type { CypherExecutor } from "./cypher-executor.js";
import type { WriteSummary } from "./graph-store.js";
import * as linkCypher from "./cypher/link.cypher.js";
import { compareKeys, requireExisting } from "./store-helpers.js";

function expressionRow(r: M.ExpressionRecord) {
  if (typeof r.source !== "string" || r.source === "")
    throw new BadUserInputError(`expression of ${r.geneSymbol} in ${r.patientId} names no source: values are kept per source (GDC, cBioPortal, …)`);
  for (const value of [r.value, r.tpm, r.z])
    if (value !== undefined && value !== null && !Number.isFinite(value))
      throw new BadUserInputError(`expression of ${r.geneSymbol} in ${r.patientId} is not a finite number`);
  // The record itself carries the relationship's properties (its endpoint keys are not among them): no copy per value.
  return { from: r.patientId, to: r.geneSymbol, properties: r as Record<string, unknown> };
}

export async function replaceExpression(executor: CypherExecutor, records: readonly M.ExpressionRecord[]): Promise<WriteSummary> {
  if (!records.length) return { written: 0 };
  const patientIds = [...new Set(records.map((r) => r.patientId))];
  const symbols = [...new Set(records.map((r) => r.geneSymbol))];
  await requireExisting(executor, N.Patient, patientIds, "patient");
  await requireExisting(executor, N.Gene, symbols, "gene");
  const rows = records.map(expressionRow);
  const sources = [...new Set(records.map((r) => r.source as string))];
  const stored = (await executor.read(linkCypher.genesWithExpression(patientIds, symbols, sources))).map((row) => row.symbol as string);
  if (stored.length) await executor.deleteMatched(linkCypher.matchExpression(patientIds, stored, sources), "e");
  const written = await executor.bulkCreateRelationships({ relationship: R.EXPRESSES, from: N.Patient, to: N.Gene, rows });
  return { written };
}

export async function expressionOf(executor: CypherExecutor, patientIds: readonly string[], symbols: readonly string[], source?: string): Promise<M.Expression[]> {
  if (!patientIds.length || !symbols.length) return [];
  const out: M.Expression[] = [];
  // One row per (patient, source, release, file) holding parallel lists: genes and [value, tpm, z].
  for (const row of await executor.read(linkCypher.expressionOf(patientIds, symbols, source, executor.dialect))) {
    const patientId = row.patientId as string;
    const rowSource = (row.source as string | null) ?? null;
    const dataRelease = (row.dataRelease as string | null) ?? null;
    const sourceFile = (row.sourceFile as string | null) ?? null;
    const genes = row.genes as string[];
    const measures = row.measures as Array<[number | null, number | null, number | null]>;
    for (let i = 0; i < genes.length; i++) {
      const [value, tpm, z] = measures[i]!;
      out.push({ patientId, geneSymbol: genes[i]!, value: value ?? null, tpm: tpm ?? null, z: z ?? null, source: rowSource, dataRelease, sourceFile });
    }
  }
  return out.sort((a, b) => compareKeys(a.patientId, b.patientId) || compareKeys(a.geneSymbol, b.geneSymbol) || compareKeys(a.source ?? "", b.source ?? ""));
}
