// The job journal: one JSON file per submitted job in `<directory>/<jobId>.job.json` — what kind of job
// it is, the arguments that rebuild it, the scope that started it, its status and timestamps. Written on
// submit, start and finish, each time atomically (temp file + rename), so a restart never reads half a
// record. On start, a record left QUEUED or RUNNING means the process died under the job: it becomes
// INTERRUPTED, with the done count its checkpoint holds, until someone resumes it.

import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "pino";
import { assertValidJobId, type CheckpointStore } from "./checkpoint-store.js";
import type { JobEvents } from "./job-events.js";
import type { JobSnapshot, JobStatus } from "./job.js";

/** How a job was started: enough to rebuild it after a restart. */
export interface JobOrigin {
  /** The job kind (the mutation that submitted it), e.g. `computeFeatures`. */
  kind: string;
  /** The mutation's arguments, as JSON. */
  args: unknown;
  /** The API-key scope the mutation required. */
  scope: string;
  /** Public id of the key that started it (none when keys are not configured). */
  keyId?: string;
}

export interface JournalRecord extends JobOrigin {
  id: string;
  name: string;
  status: JobStatus;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  total?: number;
}

export interface JobJournalOptions {
  /** e.g. `<dataDir>/jobs` (next to the checkpoints); created if missing. */
  directory: string;
  /** The checkpoints of the same jobs: an interrupted job's done count. */
  checkpoints: CheckpointStore;
  /** Finished records kept on start (default 100, like the registry). */
  keepFinished?: number;
  logger?: Pick<Logger, "warn">;
}

const SUFFIX = ".job.json";
const UNFINISHED = new Set<JobStatus>(["QUEUED", "RUNNING"]);

export class JobJournal {
  /** The last write per job; the next one waits for it, so records land in event order. */
  private readonly tails = new Map<string, Promise<void>>();

  constructor(private readonly options: JobJournalOptions) {}

  /** Writes the record of a submitted job and keeps it up to date from the job's events. */
  follow(snapshot: JobSnapshot, origin: JobOrigin, events: JobEvents): Promise<void> {
    let record: JournalRecord = { ...origin, id: snapshot.id, name: snapshot.name, status: snapshot.status, createdAt: snapshot.createdAt.toISOString() };
    const written = this.write(record);
    events.on("started", (started) => {
      record = { ...record, status: "RUNNING", startedAt: started.startedAt?.toISOString(), total: started.progress.total };
      this.write(record).catch((error: unknown) => this.warnUnwritten(record, error));
    });
    events.on("finished", (finished) => {
      record = { ...record, status: finished.status, finishedAt: finished.finishedAt?.toISOString(), total: finished.progress.total ?? record.total };
      this.write(record).catch((error: unknown) => this.warnUnwritten(record, error));
    });
    return written;
  }

  private warnUnwritten(record: JournalRecord, error: unknown): void {
    this.options.logger?.warn({ jobId: record.id, status: record.status, err: error }, `job ${record.id}: its journal record could not be written`);
  }

  async get(id: string): Promise<JournalRecord | undefined> {
    assertValidJobId(id);
    return parseRecord(await readIfExists(this.pathOf(id)));
  }

  /**
   * Marks records left QUEUED or RUNNING by a process that died as INTERRUPTED (on disk too) and returns
   * every INTERRUPTED job as a snapshot whose done count is its checkpoint's. Prunes old finished records.
   */
  async recoverInterrupted(): Promise<JobSnapshot[]> {
    const records = await this.readAll();
    const interrupted: JobSnapshot[] = [];
    for (const record of records) {
      if (UNFINISHED.has(record.status)) await this.write({ ...record, status: "INTERRUPTED" });
      if (UNFINISHED.has(record.status) || record.status === "INTERRUPTED") interrupted.push(await this.snapshotOf(record));
    }
    await this.pruneFinished(records);
    return interrupted;
  }

  private async snapshotOf(record: JournalRecord): Promise<JobSnapshot> {
    const done = (await this.options.checkpoints.load(record.id)).size;
    return {
      id: record.id,
      name: record.name,
      status: "INTERRUPTED",
      createdAt: new Date(record.createdAt),
      startedAt: record.startedAt ? new Date(record.startedAt) : undefined,
      progress: { total: record.total, done, failed: 0, skipped: 0, running: [] },
      errors: [],
    };
  }

  private async readAll(): Promise<JournalRecord[]> {
    const names = await readdir(this.options.directory).catch(() => [] as string[]);
    const records: JournalRecord[] = [];
    // A temp file is a write the process died in: the record before it is still whole.
    await Promise.all(names.filter((n) => n.endsWith(".tmp")).map((n) => rm(join(this.options.directory, n), { force: true })));
    for (const name of names.filter((n) => n.endsWith(SUFFIX))) {
      const record = parseRecord(await readIfExists(join(this.options.directory, name)));
      if (record !== undefined) records.push(record);
    }
    return records.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  private async pruneFinished(records: JournalRecord[]): Promise<void> {
    const finished = records.filter((r) => !UNFINISHED.has(r.status) && r.status !== "INTERRUPTED");
    const old = finished.slice(0, Math.max(0, finished.length - (this.options.keepFinished ?? 100)));
    await Promise.all(old.map((r) => rm(this.pathOf(r.id), { force: true })));
  }

  private write(record: JournalRecord): Promise<void> {
    const previous = this.tails.get(record.id) ?? Promise.resolve();
    const next = previous.then(() => this.replace(record));
    const tail = next.catch(() => undefined);
    this.tails.set(record.id, tail);
    void tail.then(() => {
      if (this.tails.get(record.id) === tail) this.tails.delete(record.id);
    });
    return next;
  }

  /** Temp file + rename: a reader sees the old record or the new one, never half of one. */
  private async replace(record: JournalRecord): Promise<void> {
    await mkdir(this.options.directory, { recursive: true });
    const path = this.pathOf(record.id);
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(record)}\n`, "utf8");
    await rename(temporary, path);
  }

  private pathOf(id: string): string {
    assertValidJobId(id);
    return join(this.options.directory, `${id}${SUFFIX}`);
  }
}

function parseRecord(text: string): JournalRecord | undefined {
  if (text === "") return undefined;
  try {
    const record = JSON.parse(text) as Partial<JournalRecord>;
    const complete = typeof record.id === "string" && typeof record.kind === "string" && typeof record.status === "string" && typeof record.createdAt === "string";
    return complete ? (record as JournalRecord) : undefined;
  } catch {
    return undefined;
  }
}

async function readIfExists(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "";
    throw error;
  }
}
