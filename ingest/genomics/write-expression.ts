// Writes a cohort's expression in bounded chunks through the store's bulk path. Chunks end on gene
// boundaries: replaceExpression replaces (chunk patients × chunk genes), so a gene split across two
// chunks would have its first part deleted by the second.
import type { GraphStore } from "../../graph-model/graph-store.js";
import type { ExpressionRecord } from "../../graph-model/model/records.js";

// Large chunks: each COPY and each replace-delete costs more as the relationship table grows (measured on Ladybug).
export const EXPRESSION_CHUNK = 2_000_000;

/** `records` must come gene by gene (as ExpressionMatrix.records() yields them). Returns values written. */
export async function writeExpressionByGene(store: GraphStore, records: Iterable<ExpressionRecord>, chunkSize = EXPRESSION_CHUNK): Promise<number> {
  let chunk: ExpressionRecord[] = [];
  let written = 0;
  const flush = async () => {
    if (!chunk.length) return;
    await store.upsertGenes([...new Set(chunk.map((r) => r.geneSymbol))].map((symbol) => ({ symbol })));
    written += (await store.replaceExpression(chunk)).written;
    chunk = [];
  };
  let currentGene: string | null = null;
  for (const record of records) {
    if (record.geneSymbol !== currentGene) {
      if (chunk.length >= chunkSize) await flush();
      currentGene = record.geneSymbol;
    }
    chunk.push(record);
  }
  await flush();
  return written;
}
