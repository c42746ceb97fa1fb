// Which store a command opens: flags first, then environment, then the embedded default.
import type { Command } from "commander";
import type { StoreConfig } from "../graph-model/open-store.js";

export interface StoreFlags {
  dataDir?: string;
  neo4j?: string;
  neo4jUser?: string;
  neo4jPassword?: string;
  neo4jDatabase?: string;
}

export function addStoreFlags(command: Command): Command {
  return command
    .option("--data-dir <dir>", "directory of the embedded graph database (env RG_DATA_DIR)", process.env.RG_DATA_DIR ?? "./data")
    .option("--neo4j <uri>", "use a Neo4j 5 server instead of the embedded store, e.g. bolt://127.0.0.1:7687 or neo4j://cluster:7687 (env NEO4J_URI)", process.env.NEO4J_URI)
    .option("--neo4j-user <user>", "Neo4j user; omit for a server without authentication (env NEO4J_USER)", process.env.NEO4J_USER)
    .option("--neo4j-password <password>", "Neo4j password (env NEO4J_PASSWORD)", process.env.NEO4J_PASSWORD)
    .option("--neo4j-database <name>", "Neo4j database name (env NEO4J_DATABASE)", process.env.NEO4J_DATABASE);
}

export function storeConfig(flags: StoreFlags): StoreConfig {
  if (flags.neo4j)
    return { kind: "neo4j", uri: flags.neo4j, user: flags.neo4jUser, password: flags.neo4jPassword, database: flags.neo4jDatabase };
  return { kind: "embedded", dataDir: flags.dataDir ?? "./data" };
}
