// Checkpoints kept in memory: for tests and for jobs that need no resume across processes.

import { assertValidJobId, type CheckpointStore } from "./checkpoint-store.js";

export class MemoryCheckpointStore implements CheckpointStore {
  private readonly keys = new Map<string, Set<string>>();

  async load(jobId: string): Promise<Set<string>> {
    assertValidJobId(jobId);
    return new Set(this.keys.get(jobId));
  }

  async append(jobId: string, key: string): Promise<void> {
    const set = this.keys.get(jobId) ?? new Set<string>();
    set.add(key);
    this.keys.set(jobId, set);
  }

  async close(): Promise<void> {}

  async clear(jobId: string): Promise<void> {
    this.keys.delete(jobId);
  }
}
