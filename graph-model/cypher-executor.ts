// What an adapter must provide so the shared Cypher store can run on it: reads, all-or-nothing write
// transactions, a bulk relationship path and the schema. Internal to graph-model: other layers see GraphStore.
import type { NodeSpec, RelationshipSpec } from "./nodes-and-relationships.js";
import type { Dialect } from "./cypher/dialect.js";
import type { CypherQuery, Row } from "./cypher/query.js";

export interface Transaction {
  run(query: CypherQuery): Promise<Row[]>;
}

export interface BulkRelationships {
  readonly relationship: RelationshipSpec;
  readonly from: NodeSpec;
  readonly to: NodeSpec;
  /** Natural keys of the endpoints and the relationship's properties, already checked to exist. */
  readonly rows: ReadonlyArray<{ from: string; to: string; properties: Record<string, unknown> }>;
}

export interface CypherExecutor {
  readonly dialect: Dialect;
  readonly kind: "embedded" | "neo4j";
  readonly location: string;
  /** Temporary files of a killed process removed on open (embedded bulk CSVs). */
  readonly staleFilesRemoved?: readonly string[];
  read(query: CypherQuery): Promise<Row[]>;
  write<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /**
   * Deletes whatever `match` binds to `variable` (a MATCH … WHERE … without RETURN), in batches where
   * one transaction could not hold it all (Neo4j caps transaction memory). Not atomic as a whole.
   */
  deleteMatched(match: CypherQuery, variable: string, detach?: boolean): Promise<void>;
  /** Creates many relationships fast (Ladybug COPY, Neo4j batched UNWIND); not one transaction. */
  bulkCreateRelationships(input: BulkRelationships): Promise<number>;
  ensureSchema(): Promise<void>;
  close(): Promise<void>;
}
