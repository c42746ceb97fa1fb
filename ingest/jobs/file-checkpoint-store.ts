// Checkpoints as JSON lines, one `{"key":…}` per completed item, in `<directory>/<jobId>.ckpt`.
// Appends are serialized per job and written straight to the OS (no user-space buffer), so they
// survive the process being killed; `fsync: true` also survives a power cut, at a cost per item.
// A line torn by a crash is ignored on load and never glued to the next record.

import { mkdir, open, readFile, rm, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { assertValidJobId, type CheckpointStore } from "./checkpoint-store.js";

export interface FileCheckpointStoreOptions {
  /** e.g. `<dataDir>/jobs`; created if missing. */
  directory: string;
  /** fdatasync after each record (default false). */
  fsync?: boolean;
}

interface OpenCheckpoint {
  handle: FileHandle;
  /** The last queued write; the next one waits for it. */
  tail: Promise<void>;
}

export class FileCheckpointStore implements CheckpointStore {
  private readonly openJobs = new Map<string, Promise<OpenCheckpoint>>();

  constructor(private readonly options: FileCheckpointStoreOptions) {}

  pathOf(jobId: string): string {
    assertValidJobId(jobId);
    return join(this.options.directory, `${jobId}.ckpt`);
  }

  async load(jobId: string): Promise<Set<string>> {
    const text = await readIfExists(this.pathOf(jobId));
    return new Set(parseKeys(text));
  }

  async append(jobId: string, key: string): Promise<void> {
    const checkpoint = await this.checkpointOf(jobId);
    const line = `${JSON.stringify({ key })}\n`;
    const write = checkpoint.tail.then(async () => {
      await checkpoint.handle.appendFile(line, "utf8");
      if (this.options.fsync) await checkpoint.handle.datasync();
    });
    checkpoint.tail = write.catch(() => undefined);
    await write;
  }

  async close(jobId: string): Promise<void> {
    const pending = this.openJobs.get(jobId);
    if (pending === undefined) return;
    this.openJobs.delete(jobId);
    const checkpoint = await pending;
    await checkpoint.tail;
    await checkpoint.handle.close();
  }

  async clear(jobId: string): Promise<void> {
    await this.close(jobId);
    await rm(this.pathOf(jobId), { force: true });
  }

  private checkpointOf(jobId: string): Promise<OpenCheckpoint> {
    let pending = this.openJobs.get(jobId);
    if (pending === undefined) {
      pending = this.openForAppend(jobId);
      this.openJobs.set(jobId, pending);
      pending.catch(() => this.openJobs.delete(jobId));
    }
    return pending;
  }

  private async openForAppend(jobId: string): Promise<OpenCheckpoint> {
    await mkdir(this.options.directory, { recursive: true });
    const path = this.pathOf(jobId);
    const existing = await readIfExists(path);
    const handle = await open(path, "a");
    const endsTorn = existing.length > 0 && !existing.endsWith("\n");
    const tail = endsTorn ? handle.appendFile("\n", "utf8") : Promise.resolve();
    return { handle, tail };
  }
}

function parseKeys(text: string): string[] {
  const keys: string[] = [];
  for (const line of text.split("\n")) {
    const key = keyOfLine(line);
    if (key !== undefined) keys.push(key);
  }
  return keys;
}

function keyOfLine(line: string): string | undefined {
  if (line.trim() === "") return undefined;
  try {
    const record: unknown = JSON.parse(line);
    if (typeof record === "object" && record !== null && typeof (record as { key?: unknown }).key === "string") {
      return (record as { key: string }).key;
    }
  } catch {
    // a line torn by a crash
  }
  return undefined;
}

async function readIfExists(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "";
    throw error;
  }
}
