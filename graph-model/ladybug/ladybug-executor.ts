// CypherExecutor on the embedded Ladybug database: one on-disk directory, opened by one process.
// Statements run one at a time through a queue; bulk relationships go through COPY FROM a CSV file.
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { once } from "node:events";
import lbug from "@ladybugdb/core";
import { ResolverTimeoutError, StoreUnavailableError } from "../../compute/errors.js";
import { currentDeadline } from "../../compute/request-deadline.js";
import type { BulkRelationships, CypherExecutor, Transaction } from "../cypher-executor.js";
import { ladybugDialect } from "../cypher/dialect.js";
import type { CypherQuery, Row } from "../cypher/query.js";
import { ladybugSchemaStatements } from "./ladybug-ddl.js";
import { csvField } from "./csv.js";
import { PreparedStatements } from "./prepared-statements.js";
import { SerialQueue } from "./serial-queue.js";
import { removeStaleBulkFiles } from "./stale-bulk-files.js";

type QueryResult = lbug.QueryResult;

function lastResult(result: QueryResult | QueryResult[]): QueryResult {
  return Array.isArray(result) ? result[result.length - 1]! : result;
}

function isLockError(error: unknown): boolean {
  return /lock/i.test(String((error as Error)?.message ?? error));
}

/** Ladybug's query timeout when no request deadline applies (its API takes no 0 for "none"): 24 days. */
const NO_QUERY_TIMEOUT_MS = 2 ** 31 - 1;

/** Rows per COPY statement: bounds the temporary CSV file. */
const COPY_CHUNK = 1_000_000;

export interface LadybugOptions {
  /** Rows per COPY statement (tests make it small to exercise several files). */
  copyChunkRows?: number;
}
/** CSV lines joined into one write to the file. */
const CSV_WRITE_LINES = 8_192;

export class LadybugExecutor implements CypherExecutor {
  readonly dialect = ladybugDialect;
  readonly kind = "embedded" as const;
  private readonly queue = new SerialQueue();
  private bulkFiles = 0;
  private queryTimeoutMs = NO_QUERY_TIMEOUT_MS;
  private readonly prepared: PreparedStatements;
  /** Temporary bulk files of a killed process, removed when the database was opened. */
  staleFilesRemoved: string[] = [];

  private constructor(
    private readonly database: lbug.Database,
    private readonly connection: lbug.Connection,
    readonly location: string,
    private readonly copyChunkRows = COPY_CHUNK,
  ) {
    this.prepared = new PreparedStatements((text) => connection.prepare(text));
  }

  /** Opens (creating if needed) the database directory `<dataDir>/graph`. */
  static async open(dataDir: string, options: LadybugOptions = {}): Promise<LadybugExecutor> {
    const dir = path.resolve(dataDir);
    await mkdir(dir, { recursive: true });
    const location = path.join(dir, "graph");
    try {
      const database = new lbug.Database(location);
      await database.init();
      const connection = new lbug.Connection(database);
      await connection.init();
      const executor = new LadybugExecutor(database, connection, location, options.copyChunkRows);
      executor.staleFilesRemoved = await removeStaleBulkFiles(dir);
      return executor;
    } catch (error) {
      const hint = isLockError(error)
        ? "Another process has it open (a running 'radiogenomics serve'?): stop that process first, or work through its GraphQL API (see 'radiogenomics status --server URL')."
        : "Check that the directory is readable and writable.";
      throw new StoreUnavailableError(`Cannot open the embedded graph database at ${location}: ${(error as Error).message}. ${hint}`, { location });
    }
  }

  read(query: CypherQuery): Promise<Row[]> {
    return this.queue.run(() => this.execute(query));
  }

  write<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      await this.statement("BEGIN TRANSACTION");
      try {
        const result = await work({ run: (query) => this.execute(query) });
        await this.statement("COMMIT");
        return result;
      } catch (error) {
        await this.statement("ROLLBACK").catch(() => undefined);
        throw error;
      }
    });
  }

  async deleteMatched(match: CypherQuery, variable: string, detach = false): Promise<void> {
    await this.write((tx) => tx.run({ text: `${match.text} ${detach ? "DETACH " : ""}DELETE ${variable}`, params: match.params }));
  }

  async bulkCreateRelationships(input: BulkRelationships): Promise<number> {
    const names = Object.keys(input.relationship.properties);
    let copying: Promise<void> = Promise.resolve();
    for (let start = 0; start < input.rows.length; start += this.copyChunkRows) {
      // The next file is written while Ladybug copies the previous one (COPY runs on its own threads).
      let file: string;
      try {
        file = await this.writeCsv(names, input.rows, start, Math.min(start + this.copyChunkRows, input.rows.length));
      } catch (error) {
        await copying.catch(() => undefined);
        throw error;
      }
      try {
        await copying;
      } catch (error) {
        await rm(file, { force: true });
        throw error;
      }
      copying = this.copyFile(input, file);
      copying.catch(() => undefined); // awaited above or below; a failure must not surface as unhandled meanwhile
    }
    await copying;
    return input.rows.length;
  }

  /** Writes rows [start, end) to a CSV file beside the database (endpoint keys, then the properties in DDL order). */
  private async writeCsv(names: readonly string[], rows: BulkRelationships["rows"], start: number, end: number): Promise<string> {
    const file = path.join(path.dirname(this.location), `.bulk-${process.pid}-${this.bulkFiles++}.csv`);
    const out = createWriteStream(file);
    try {
      let text = "";
      for (let i = start; i < end; i++) {
        const row = rows[i]!;
        text += csvField(row.from) + "," + csvField(row.to);
        for (const name of names) text += "," + csvField(row.properties[name]);
        text += "\n";
        if ((i - start) % CSV_WRITE_LINES === CSV_WRITE_LINES - 1) {
          if (!out.write(text)) await once(out, "drain");
          text = "";
        }
      }
      out.end(text);
      await once(out, "finish");
      return file;
    } catch (error) {
      out.destroy();
      await rm(file, { force: true });
      throw error;
    }
  }

  /** COPYs one CSV file into the relationship table (one statement: all of the file or none), then removes it. */
  private async copyFile({ relationship, from, to }: BulkRelationships, file: string): Promise<void> {
    const pair = relationship.endpoints.length > 1 ? `, from='${from.label}', to='${to.label}'` : "";
    try {
      await this.queue.run(() => this.statement(`COPY ${relationship.type} FROM '${file.replaceAll("'", "''")}' (header=false${pair})`));
    } finally {
      await rm(file, { force: true });
    }
  }

  async ensureSchema(): Promise<void> {
    await this.queue.run(async () => {
      this.prepared.clear();
      for (const statement of ladybugSchemaStatements()) await this.statement(statement);
    });
  }

  async close(): Promise<void> {
    await this.queue.run(async () => {
      await this.connection.close();
      await this.database.close();
    });
  }

  /** The request's deadline bounds each statement (Ladybug interrupts it when the timeout passes). */
  private applyQueryTimeout(ms: number | undefined): void {
    const wanted = ms ?? NO_QUERY_TIMEOUT_MS;
    if (wanted !== this.queryTimeoutMs) this.connection.setQueryTimeout((this.queryTimeoutMs = wanted));
  }

  private async execute(query: CypherQuery): Promise<Row[]> {
    const deadline = currentDeadline();
    deadline?.throwIfAborted();
    this.applyQueryTimeout(deadline?.remainingMs());
    try {
      return await this.executeNow(query);
    } catch (error) {
      // An interrupted statement: report the request's deadline, not Ladybug's "Interrupted."
      if (deadline && /interrupt/i.test(String((error as Error)?.message))) {
        throw deadline.signal.aborted ? deadline.signal.reason : new ResolverTimeoutError("the request's deadline passed during a store query: ask for less, or run it as a job");
      }
      throw error;
    }
  }

  private async executeNow(query: CypherQuery): Promise<Row[]> {
    const prepared = await this.prepared.get(query.text);
    if (!prepared.isSuccess()) throw new Error(`${prepared.getErrorMessage()}\nin: ${query.text}`);
    const result = lastResult(await this.connection.execute(prepared, query.params as Record<string, lbug.LbugValue>));
    try {
      return (await result.getAll()) as Row[];
    } finally {
      result.close();
    }
  }

  private async statement(text: string): Promise<void> {
    this.applyQueryTimeout(undefined); // BEGIN / COMMIT / ROLLBACK / COPY are never cut short
    lastResult(await this.connection.query(text)).close();
  }
}
