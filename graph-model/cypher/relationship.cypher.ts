// Cypher for relationships, generated from the model: batched idempotent upserts keyed by the two
// endpoints plus the relationship's key properties, and reads of a node's relationships.
import type { NodeSpec, RelationshipSpec } from "../nodes-and-relationships.js";
import type { Dialect } from "./dialect.js";
import { project } from "./node.cypher.js";
import { cypher, type CypherQuery } from "./query.js";

export interface RelationshipRows {
  readonly relationship: RelationshipSpec;
  readonly from: NodeSpec;
  readonly to: NodeSpec;
  /** Create a target node with just its key when it is missing (genes named by a mutation or gene set). */
  readonly createMissingTarget?: boolean;
}

/** Parameter rows: `from`, `to` and every relationship property, encoded for the dialect. */
export function encodeRelationshipRows(
  { relationship }: RelationshipRows,
  dialect: Dialect,
  rows: ReadonlyArray<{ from: string; to: string; properties: Record<string, unknown> }>,
): Record<string, unknown>[] {
  return rows.map((row) => {
    const out: Record<string, unknown> = { from: row.from, to: row.to };
    for (const [name, property] of Object.entries(relationship.properties)) out[name] = dialect.encode(property.kind, row.properties[name]);
    return out;
  });
}

export function upsertRelationships(target: RelationshipRows, dialect: Dialect, rows: Record<string, unknown>[]): CypherQuery {
  const { relationship, from, to } = target;
  const props = relationship.properties;
  const keyMap = relationship.key.map((name) => `${name}: ${dialect.read(props[name]!.kind, `r.${name}`)}`).join(", ");
  const sets = Object.keys(props)
    .filter((name) => !relationship.key.includes(name))
    .map((name) => `e.${name} = ${dialect.read(props[name]!.kind, `r.${name}`)}`);
  return cypher(
    [
      "UNWIND $rows AS r",
      `MATCH (a:${from.label} {${from.key}: r.from})`,
      target.createMissingTarget ? `MERGE (b:${to.label} {${to.key}: r.to})` : `MATCH (b:${to.label} {${to.key}: r.to})`,
      `MERGE (a)-[e:${relationship.type}${keyMap ? ` {${keyMap}}` : ""}]->(b)`,
      sets.length ? `SET ${sets.join(", ")}` : "",
    ].join("\n"),
    { rows },
  );
}

/** Relationships leaving the given nodes, with the target's properties, as rows of `fromKey`, target props and `rel_<prop>`. */
export function relationshipsFrom(target: RelationshipRows, fromKeys: readonly string[], toFilter?: { property: string; values: readonly string[] }): CypherQuery {
  const { relationship, from, to } = target;
  const relProps = Object.keys(relationship.properties).map((name) => `e.${name} AS rel_${name}`);
  const where = [`a.${from.key} IN $keys`];
  const params: Record<string, unknown> = { keys: fromKeys };
  if (toFilter) {
    where.push(`b.${toFilter.property} IN $targets`);
    params.targets = toFilter.values;
  }
  return cypher(
    `MATCH (a:${from.label})-[e:${relationship.type}]->(b:${to.label}) WHERE ${where.join(" AND ")}
     RETURN a.${from.key} AS fromKey, ${[project(to, "b"), ...relProps].join(", ")} ORDER BY fromKey, b.${to.key}`,
    params,
  );
}

/** CREATE (no MERGE) of relationships between existing endpoints: the batched bulk path. */
export function createRelationships(target: RelationshipRows, dialect: Dialect, rows: Record<string, unknown>[]): CypherQuery {
  const { relationship, from, to } = target;
  const sets = Object.entries(relationship.properties).map(([name, p]) => `e.${name} = ${dialect.read(p.kind, `r.${name}`)}`);
  return cypher(
    [
      "UNWIND $rows AS r",
      `MATCH (a:${from.label} {${from.key}: r.from})`,
      `MATCH (b:${to.label} {${to.key}: r.to})`,
      `CREATE (a)-[e:${relationship.type}]->(b)`,
      sets.length ? `SET ${sets.join(", ")}` : "",
    ].join("\n"),
    { rows },
  );
}
