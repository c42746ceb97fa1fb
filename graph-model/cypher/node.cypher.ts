// Cypher for nodes, generated from the model: batched idempotent upserts and reads by key.
// Labels, types and property names come only from graph-model declarations; values are parameters.
import type { NodeSpec } from "../nodes-and-relationships.js";
import type { Dialect } from "./dialect.js";
import { cypher, type CypherQuery } from "./query.js";

/** The parent a node hangs from, e.g. a Study's Patient via HAS_STUDY. */
export interface ParentLink {
  readonly parent: NodeSpec;
  readonly relationship: string;
  /** The record field holding the parent's key, e.g. "patientId". */
  readonly field: string;
  /** True when the relationship points from the child to the parent (Patient-[:IN_COLLECTION]->Collection). */
  readonly childToParent?: boolean;
}

export function propertyNames(spec: NodeSpec): string[] {
  return Object.keys(spec.properties);
}

/** Encodes records as parameter rows holding every declared property (null when absent). */
export function encodeRows(spec: NodeSpec, dialect: Dialect, records: ReadonlyArray<Record<string, unknown>>, extra: string[] = []): Record<string, unknown>[] {
  return records.map((record) => {
    const row: Record<string, unknown> = {};
    for (const [name, property] of Object.entries(spec.properties)) row[name] = dialect.encode(property.kind, record[name]);
    for (const field of extra) row[field] = dialect.encode("string", record[field]);
    return row;
  });
}

/** MERGE on the natural key; a null property keeps what is stored (sources add to, never erase, what others wrote). */
export function upsertNodes(spec: NodeSpec, dialect: Dialect, rows: Record<string, unknown>[], link?: ParentLink): CypherQuery {
  const key = spec.key;
  const sets = propertyNames(spec)
    .filter((name) => name !== key)
    .map((name) => `n.${name} = coalesce(${dialect.read(spec.properties[name]!.kind, `r.${name}`)}, n.${name})`);
  const lines = ["UNWIND $rows AS r"];
  if (link) lines.push(`MATCH (parent:${link.parent.label} {${link.parent.key}: r.${link.field}})`);
  lines.push(`MERGE (n:${spec.label} {${key}: r.${key}})`);
  if (sets.length) lines.push(`SET ${sets.join(", ")}`);
  if (link) lines.push(link.childToParent ? `MERGE (n)-[:${link.relationship}]->(parent)` : `MERGE (parent)-[:${link.relationship}]->(n)`);
  return cypher(lines.join("\n"), { rows });
}

/** Projection of every declared property of `variable`, as `variable.p AS p`. */
export function project(spec: NodeSpec, variable: string): string {
  return propertyNames(spec).map((name) => `${variable}.${name} AS ${name}`).join(", ");
}

export function nodesByKeys(spec: NodeSpec, keys: readonly string[]): CypherQuery {
  return cypher(`MATCH (n:${spec.label}) WHERE n.${spec.key} IN $keys RETURN ${project(spec, "n")}`, { keys });
}

export function existingKeys(spec: NodeSpec, keys: readonly string[]): CypherQuery {
  return cypher(`MATCH (n:${spec.label}) WHERE n.${spec.key} IN $keys RETURN n.${spec.key} AS key`, { keys });
}

export function allNodes(spec: NodeSpec): CypherQuery {
  return cypher(`MATCH (n:${spec.label}) RETURN ${project(spec, "n")} ORDER BY n.${spec.key}`);
}

/** Children of the given parents, each row tagged with its parent's key as `parentKey`. */
export function childrenOf(child: NodeSpec, link: ParentLink, parentKeys: readonly string[]): CypherQuery {
  const pattern = link.childToParent
    ? `(n:${child.label})-[:${link.relationship}]->(parent:${link.parent.label})`
    : `(parent:${link.parent.label})-[:${link.relationship}]->(n:${child.label})`;
  return cypher(
    `MATCH ${pattern} WHERE parent.${link.parent.key} IN $keys RETURN parent.${link.parent.key} AS parentKey, ${project(child, "n")} ORDER BY parentKey, n.${child.key}`,
    { keys: parentKeys },
  );
}

export function countNodes(spec: NodeSpec): CypherQuery {
  return cypher(`MATCH (n:${spec.label}) RETURN count(n) AS n`);
}
