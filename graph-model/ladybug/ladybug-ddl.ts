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

/** Columns a table created by an earlier version lacks (e.g. EXPRESSES.source): added empty (null). */
export function addMissingColumnsDdl(table: string, properties: NodeSpec["properties"], except?: string): string[] {
  return Object.entries(properties)
    .filter(([name]) => name !== except)
    .map(([name, property]) => `ALTER TABLE ${table} ADD IF NOT EXISTS ${name} ${ladybugType(property.kind)}`);
}

export function ladybugSchemaStatements(): string[] {
  return [
    ...NODES.map(nodeTableDdl),
    ...RELATIONSHIPS.map(relTableDdl),
    ...NODES.flatMap((spec) => addMissingColumnsDdl(spec.label, spec.properties, spec.key)),
    ...RELATIONSHIPS.flatMap((spec) => addMissingColumnsDdl(spec.type, spec.properties)),
  ];
}
