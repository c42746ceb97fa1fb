// Neo4j constraints and indexes derived from the model: a uniqueness constraint on every natural
// key, plus indexes on the properties filters use.
import { NODES, type NodeSpec } from "../nodes-and-relationships.js";

const FILTERED_PROPERTIES: ReadonlyArray<readonly [string, string]> = [
  ["Patient", "projectId"],
  ["Series", "modality"],
  ["Pathway", "source"],
];

export function uniqueKeyConstraint(spec: NodeSpec): string {
  return `CREATE CONSTRAINT ${spec.label.toLowerCase()}_${spec.key}_unique IF NOT EXISTS FOR (n:${spec.label}) REQUIRE n.${spec.key} IS UNIQUE`;
}

export function neo4jSchemaStatements(): string[] {
  return [
    ...NODES.map(uniqueKeyConstraint),
    ...FILTERED_PROPERTIES.map(([label, property]) => `CREATE INDEX ${label.toLowerCase()}_${property} IF NOT EXISTS FOR (n:${label}) ON (n.${property})`),
  ];
}
