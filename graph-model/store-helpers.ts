// Small pieces the Cypher store's parts share: batching, grouping, decoding rows by the model, and
// the "every key must exist" check behind writes that refer to other nodes.
import { BadUserInputError } from "../compute/errors.js";
import type { CypherExecutor } from "./cypher-executor.js";
import type { Dialect } from "./cypher/dialect.js";
import * as nodeCypher from "./cypher/node.cypher.js";
import type { Row } from "./cypher/query.js";
import type { RelationshipSpec } from "./model/relationships.js";
import type { NodeSpec } from "./nodes-and-relationships.js";

/** Rows per write statement. */
export const WRITE_BATCH = 5_000;

export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function groupBy<T>(rows: Array<{ parentKey: string; item: T }>): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const { parentKey, item } of rows) {
    const group = groups.get(parentKey);
    if (group) group.push(item);
    else groups.set(parentKey, [item]);
  }
  return groups;
}

/** A node's declared properties from a row (columns named after them). */
export function decodeNode(dialect: Dialect, spec: NodeSpec, row: Row): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(spec.properties)) out[name] = dialect.decode(property.kind, row[name]);
  return out;
}

/** A relationship's declared properties from a row (columns `rel_<name>`). */
export function decodeRelationship(dialect: Dialect, spec: RelationshipSpec, row: Row): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(spec.properties)) out[name] = dialect.decode(property.kind, row[`rel_${name}`]);
  return out;
}

/** Throws BAD_USER_INPUT naming the keys of `spec` that are not in the graph. */
export async function requireExisting(executor: CypherExecutor, spec: NodeSpec, keys: string[], noun: string): Promise<void> {
  const found = new Set<string>();
  for (const batch of chunks(keys, WRITE_BATCH))
    for (const row of await executor.read(nodeCypher.existingKeys(spec, batch))) found.add(row.key as string);
  const missing = keys.filter((key) => !found.has(key));
  if (missing.length)
    throw new BadUserInputError(`unknown ${noun}${missing.length > 1 ? "s" : ""}: ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ` and ${missing.length - 5} more` : ""}`, {
      label: spec.label,
      missing: missing.slice(0, 100),
    });
}
