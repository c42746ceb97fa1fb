// Ladybug node and relationship tables derived from the model (Ladybug's Cypher needs them declared).
import { ladybugType } from "../cypher/dialect.js";
import { NODES, RELATIONSHIPS, type NodeSpec, type RelationshipSpec } from "../nodes-and-relationships.js";

function columns(properties: NodeSpec["properties"]): string[] {
  return Object.entries(properties).map(([name, property]) => `${name} ${ladybugType(property.kind)}`);
}

export function nodeTableDdl(spec: NodeSpec): string {
  return `CREATE NODE TABLE IF NOT EXISTS ${spec.label}(${[...columns(spec.properties), `PRIMARY KEY (${spec.key})`].join(", ")})`;
}

export function relTableDdl(spec: RelationshipSpec): string {
  const pairs = spec.endpoints.map(([from, to]) => `FROM ${from.label} TO ${to.label}`);
  return `CREATE REL TABLE IF NOT EXISTS ${spec.type}(${[...pairs, ...columns(spec.properties)].join(", ")})`;
}

/** A database made by an older model lacks the properties added since; these add them (no-ops otherwise). */
export function addedColumnsDdl(spec: NodeSpec | RelationshipSpec): string[] {
  const table = "label" in spec ? spec.label : spec.type;
  return Object.entries(spec.properties).map(([name, property]) => `ALTER TABLE ${table} ADD IF NOT EXISTS ${name} ${ladybugType(property.kind)}`);
}

export function ladybugSchemaStatements(): string[] {
  return [...NODES.map(nodeTableDdl), ...RELATIONSHIPS.map(relTableDdl), ...[...NODES, ...RELATIONSHIPS].flatMap(addedColumnsDdl)];
}
