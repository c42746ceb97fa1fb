// The signature part of the Cypher store: a fitted Signature with its USES_FEATURE links, written
// together (a failed write leaves neither), and the reads. CypherGraphStore delegates here.
import { BadUserInputError } from "../compute/errors.js";
import * as N from "./model/nodes.js";
import type * as M from "./model/records.js";
import type { CypherExecutor, Transaction } from "./cypher-executor.js";
import type { Dialect } from "./cypher/dialect.js";
import type { WriteSummary } from "./graph-store.js";
import * as nodeCypher from "./cypher/node.cypher.js";
import * as signatureCypher from "./cypher/signature.cypher.js";
import { decodeNode, WRITE_BATCH } from "./store-helpers.js";
import { validateRecords } from "./validate-record.js";
import { writeNodeOnce } from "./step-result-store.js";

export async function saveSignature(executor: CypherExecutor, signature: M.SignatureRecord, features: readonly M.SignatureFeatureRecord[]): Promise<WriteSummary> {
  const rows = signatureRows(executor.dialect, signature, features);
  return executor.write(async (tx) => writeSignature(tx, executor.dialect, signature, rows));
}

/**
 * The same, once: under the lock of the marker `signature:<id>`, nothing is written when the Signature already
 * exists (another finisher of a distributed fit wrote it). True when this call wrote it.
 */
export async function saveSignatureOnce(executor: CypherExecutor, signature: M.SignatureRecord, features: readonly M.SignatureFeatureRecord[], now: string): Promise<boolean> {
  const rows = signatureRows(executor.dialect, signature, features);
  return executor.write((tx) => writeNodeOnce(tx, `signature:${signature.id}`, N.Signature, signature.id, now, () => writeSignature(tx, executor.dialect, signature, rows)));
}

function signatureRows(d: Dialect, signature: M.SignatureRecord, features: readonly M.SignatureFeatureRecord[]): Record<string, unknown>[] {
  validateRecords(N.Signature, [signature]);
  return features.map((f) => {
    if (f.signatureId !== signature.id) throw new BadUserInputError(`feature ${f.featureKey} belongs to signature ${f.signatureId}, not ${signature.id}`);
    if (!Number.isFinite(f.coefficient) || !Number.isFinite(f.selectionFrequency)) throw new BadUserInputError(`feature ${f.featureKey} of signature ${signature.id} has no finite coefficient or selection frequency`);
    return { signatureId: f.signatureId, featureKey: f.featureKey, coefficient: d.encode("float", f.coefficient), selectionFrequency: d.encode("float", f.selectionFrequency), designColumn: d.encode("int", f.designColumn) };
  });
}

async function writeSignature(tx: Transaction, d: Dialect, signature: M.SignatureRecord, rows: Record<string, unknown>[]): Promise<WriteSummary> {
  await tx.run(nodeCypher.upsertNodes(N.Signature, d, nodeCypher.encodeRows(N.Signature, d, [signature])));
  if (signature.cohortId) await tx.run(signatureCypher.linkSignatureToCohort(signature.id, signature.cohortId));
  for (let i = 0; i < rows.length; i += WRITE_BATCH) await tx.run(signatureCypher.upsertSignatureFeatures(d, rows.slice(i, i + WRITE_BATCH)));
  return { written: rows.length + 1 };
}

export async function signaturesByIds(executor: CypherExecutor, ids: readonly string[]): Promise<M.Signature[]> {
  const rows = await executor.read(nodeCypher.nodesByKeys(N.Signature, ids));
  return rows.map((row) => decodeNode(executor.dialect, N.Signature, row) as M.Signature);
}

export async function signatures(executor: CypherExecutor, query: { target?: string; skip: number; first: number }): Promise<M.Signature[]> {
  const rows = await executor.read(signatureCypher.signatures(query));
  return rows.map((row) => decodeNode(executor.dialect, N.Signature, row) as M.Signature);
}

export async function signatureFeatures(executor: CypherExecutor, signatureIds: readonly string[]): Promise<Map<string, M.SignatureFeature[]>> {
  const out = new Map<string, M.SignatureFeature[]>(signatureIds.map((id) => [id, []]));
  for (const row of await executor.read(signatureCypher.signatureFeatures(signatureIds))) {
    const feature = decodeNode(executor.dialect, N.Feature, row) as M.Feature;
    const id = row.signatureId as string;
    if (!out.has(id)) out.set(id, []);
    out.get(id)!.push({ signatureId: id, featureKey: feature.key, feature, coefficient: Number(row.coefficient), selectionFrequency: Number(row.selectionFrequency), designColumn: Number(row.designColumn) });
  }
  return out;
}
