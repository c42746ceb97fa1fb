// Opens the configured GraphStore: embedded Ladybug by default, Neo4j when a URI is given.
import { CypherGraphStore } from "./cypher-graph-store.js";
import type { GraphStore } from "./graph-store.js";
import { LadybugExecutor } from "./ladybug/ladybug-executor.js";
import { Neo4jExecutor, type Neo4jOptions } from "./neo4j/neo4j-executor.js";

export type StoreConfig = { kind: "embedded"; dataDir: string } | ({ kind: "neo4j" } & Neo4jOptions);

export async function openStore(config: StoreConfig): Promise<GraphStore> {
  const executor = config.kind === "neo4j" ? await Neo4jExecutor.connect(config) : await LadybugExecutor.open(config.dataDir);
  try {
    await executor.ensureSchema();
  } catch (error) {
    await executor.close();
    throw error;
  }
  return new CypherGraphStore(executor);
}
