// Steps of a distributed fit that carry their own result (a cross-validation fold's model and held-out
// scores): each written once with its LoadMarker set COMPLETE in the same transaction, under that marker's
// lock, and read back together by the task that assembles the fit. CypherGraphStore delegates here.
import type { CypherExecutor, Transaction } from "./cypher-executor.js";
import * as analysisCypher from "./cypher/analysis.cypher.js";
import * as nodeCypher from "./cypher/node.cypher.js";
import type { NodeSpec } from "./nodes-and-relationships.js";

/** The step's result under its marker, once: a step already COMPLETE writes nothing (false). */
export async function saveStepResult(executor: CypherExecutor, markerId: string, result: unknown, now: string): Promise<boolean> {
  return executor.write(async (tx) => {
    const [marker] = await tx.run(analysisCypher.lockStepMarker(markerId, now));
    if (marker?.status === "COMPLETE") return false;
    await tx.run(analysisCypher.completeStepMarkerWithResult(markerId, now, executor.dialect.encode("json", result)));
    return true;
  });
}

/** The results of the COMPLETE steps whose marker id starts with the prefix, by the rest of their id. */
export async function stepResults(executor: CypherExecutor, prefix: string): Promise<Map<string, unknown>> {
  const rows = await executor.read(analysisCypher.stepResults(prefix));
  return new Map(rows.map((row) => [(row.id as string).slice(prefix.length), executor.dialect.decode("json", row.result)]));
}

/**
 * The final node of a distributed job, written once: under the lock of `markerId`, `write` runs only when no
 * `spec` node with key `id` exists yet (another finisher wrote it), then the marker is set COMPLETE. True when
 * this call wrote it.
 */
export async function writeNodeOnce(tx: Transaction, markerId: string, spec: NodeSpec, id: string, now: string, write: () => Promise<unknown>): Promise<boolean> {
  await tx.run(analysisCypher.lockStepMarker(markerId, now));
  if ((await tx.run(nodeCypher.existingKeys(spec, [id]))).length) return false;
  await write();
  await tx.run(analysisCypher.completeStepMarker(markerId, now));
  return true;
}
