// CypherExecutor on a Neo4j 5 server through neo4j-driver: managed transactions (reads as read
// transactions, so `neo4j://` cluster routing sends them to followers) and batched UNWIND bulk writes.
import neo4j, { type Driver, type ManagedTransaction } from "neo4j-driver";
import { ResolverTimeoutError, StoreUnavailableError } from "../../compute/errors.js";
import { currentDeadline } from "../../compute/request-deadline.js";
import type { BulkRelationships, CypherExecutor, Transaction } from "../cypher-executor.js";
import { neo4jDialect } from "../cypher/dialect.js";
import type { CypherQuery, Row } from "../cypher/query.js";
import { neo4jSchemaStatements } from "./neo4j-schema.js";
import { createRelationships, encodeRelationshipRows } from "../cypher/relationship.cypher.js";

export interface Neo4jOptions {
  uri: string;
  user?: string;
  password?: string;
  database?: string;
}

const BULK_BATCH = 20_000;
const DELETE_BATCH = 20_000;

/**
 * One statement in a managed transaction. The deadline is checked before it is sent and again before
 * its records are decoded: the driver retries a transaction whose connection we closed on abort
 * (a retryable error), and without the check each retry would send its statements again.
 */
async function run(tx: ManagedTransaction, query: CypherQuery): Promise<Row[]> {
  const deadline = currentDeadline();
  deadline?.throwIfAborted();
  const result = await tx.run(query.text, query.params);
  deadline?.throwIfAborted();
  return result.records.map((record) => record.toObject() as Row);
}

/**
 * The request's deadline as a server-side transaction timeout (Neo4j terminates the transaction), and
 * a session closed as soon as the deadline aborts; undefined outside a request.
 */
function deadlineConfig(): { timeout: number } | undefined {
  const deadline = currentDeadline();
  deadline?.throwIfAborted();
  const timeout = deadline?.remainingMs();
  return timeout === undefined ? undefined : { timeout };
}

/**
 * A transaction Neo4j ended for the deadline, or a session we closed because the deadline aborted
 * (the driver then fails with whatever the connection state gives), reported as TIMEOUT.
 */
function deadlineError(error: unknown): unknown {
  const code = (error as { code?: string })?.code ?? "";
  const deadline = currentDeadline();
  if (!deadline) return error;
  if (deadline.signal.aborted) return deadline.signal.reason;
  if (/TransactionTimedOut|Transaction\.Terminated|TransactionTerminated|LockClientStopped/.test(code))
    return new ResolverTimeoutError("the request's deadline passed during a store query: ask for less, or run it as a job");
  return error;
}

/** Closes the session when the request's deadline aborts (the driver then resets the connection). */
function closeOnAbort(session: { close(): Promise<void> }): () => void {
  const signal = currentDeadline()?.signal;
  if (!signal) return () => undefined;
  const close = () => void session.close().catch(() => undefined);
  signal.addEventListener("abort", close, { once: true });
  return () => signal.removeEventListener("abort", close);
}

export class Neo4jExecutor implements CypherExecutor {
  readonly dialect = neo4jDialect;
  readonly kind = "neo4j" as const;
  readonly location: string;

  private constructor(
    private readonly driver: Driver,
    private readonly database: string | undefined,
    uri: string,
  ) {
    this.location = uri;
  }

  /** Connects and checks the server answers; a clear StoreUnavailableError otherwise. */
  static async connect(options: Neo4jOptions): Promise<Neo4jExecutor> {
    // No user: the server runs without authentication (the test server does).
    const auth = options.user ? neo4j.auth.basic(options.user, options.password ?? "") : undefined;
    let driver: Driver;
    try {
      driver = neo4j.driver(options.uri, auth, { disableLosslessIntegers: true, connectionTimeout: 5_000, maxTransactionRetryTime: 30_000 });
      await driver.verifyConnectivity({ database: options.database });
    } catch (error) {
      throw new StoreUnavailableError(
        `Cannot reach Neo4j at ${options.uri}: ${(error as Error).message}. Start one with 'bash scripts/neo4j.sh start', or check the URI and credentials.`,
        { uri: options.uri },
      );
    }
    return new Neo4jExecutor(driver, options.database, options.uri);
  }

  async read(query: CypherQuery): Promise<Row[]> {
    const config = deadlineConfig();
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    const release = closeOnAbort(session);
    try {
      return await session.executeRead((tx) => run(tx, query), config);
    } catch (error) {
      throw deadlineError(error);
    } finally {
      release();
      await session.close();
    }
  }

  async write<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const config = deadlineConfig();
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    const release = closeOnAbort(session);
    try {
      return await session.executeWrite((tx) => work({ run: (query) => run(tx, query) }), config);
    } catch (error) {
      throw deadlineError(error);
    } finally {
      release();
      await session.close();
    }
  }

  async deleteMatched(match: CypherQuery, variable: string, detach = false): Promise<void> {
    // CALL … IN TRANSACTIONS commits every batch; it needs an auto-commit (implicit) transaction.
    const text = `${match.text} CALL (${variable}) { ${detach ? "DETACH " : ""}DELETE ${variable} } IN TRANSACTIONS OF ${DELETE_BATCH} ROWS`;
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.run(text, match.params);
    } finally {
      await session.close();
    }
  }

  async bulkCreateRelationships(input: BulkRelationships): Promise<number> {
    let written = 0;
    for (let i = 0; i < input.rows.length; i += BULK_BATCH) {
      const batch = input.rows.slice(i, i + BULK_BATCH);
      await this.write((tx) => tx.run(createRelationships(input, this.dialect, encodeRelationshipRows(input, this.dialect, batch))));
      written += batch.length;
    }
    return written;
  }

  async ensureSchema(): Promise<void> {
    for (const statement of neo4jSchemaStatements()) await this.write((tx) => tx.run({ text: statement, params: {} }));
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}
