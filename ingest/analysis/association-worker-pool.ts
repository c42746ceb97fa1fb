// A pool of worker threads computing the association matrix in parallel: the target rows are split
// into contiguous ranges, each worker ranks and multiplies its own range and writes rho, p, n and
// status into one result on SharedArrayBuffers (no copy either way), then sorts its own p-values;
// the calling thread only merges the sorted runs for BH. An aborted signal stops every task.
// The workers start with the first matrix (a server that never runs an association starts none).
import os from "node:os";
import { performance } from "node:perf_hooks";
import {
  allocateSpearmanResult,
  benjaminiHochbergOfRuns,
  StatsInputError,
  type Matrix,
  type PValueRun,
} from "../../compute/stats/index.js";
import { RateLimitedError } from "../../compute/errors.js";
import { WorkerThreadPool } from "../workers/worker-thread-pool.js";
import type { AssociationTask, AssociationTaskReply } from "./association-task.js";
import type { SpearmanWithQ, SpearmanWithQOptions, SpearmanWithQRunner } from "./association-runner.js";
import { platformErrorOf } from "./model-error.js";

export interface AssociationWorkerPoolOptions {
  /** Workers (default: one per core). */
  size?: number;
  /** Tasks allowed to wait for a worker (default 256: one matrix is split into a few). */
  maxQueued?: number;
  /** Target rows per task at least (default 64): smaller matrices use fewer workers. */
  minRowsPerTask?: number;
}

/** The compiled worker next to this module; from TypeScript sources (tests), the build's copy in dist/. */
function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith(".ts") ? new URL("../../dist/ingest/analysis/association-worker.js", here) : new URL("./association-worker.js", here);
}

/** m itself when its data already lives on a SharedArrayBuffer, else one copy onto one. */
export function sharedMatrix(m: Matrix): Matrix {
  if (m.data.buffer instanceof SharedArrayBuffer) return m;
  const data = new Float64Array(new SharedArrayBuffer(m.data.byteLength));
  data.set(m.data);
  return { rows: m.rows, cols: m.cols, data };
}

type Pool = WorkerThreadPool<AssociationTask, AssociationTaskReply, AssociationTaskReply>;

export class AssociationWorkerPool {
  private workers?: Pool;
  private closed = false;
  private readonly minRowsPerTask: number;
  private readonly maxQueued: number;
  readonly size: number;
  private nextId = 1;

  constructor(options: AssociationWorkerPoolOptions = {}) {
    this.minRowsPerTask = Math.max(1, options.minRowsPerTask ?? 64);
    this.size = Math.max(1, options.size ?? os.availableParallelism());
    this.maxQueued = options.maxQueued ?? 256;
  }

  /** Whether the workers have been started (by the first matrix). */
  get started(): boolean {
    return this.workers !== undefined;
  }

  get activeTasks(): number {
    return this.workers?.activeTasks ?? 0;
  }

  /** The worker threads, started on first use; none after close() (RATE_LIMITED, as a closed pool answers). */
  private get pool(): Pool {
    if (this.closed) throw new RateLimitedError("the association tasks pool is shut down", 0);
    this.workers ??= new WorkerThreadPool<AssociationTask, AssociationTaskReply, AssociationTaskReply>({
      workerUrl: workerUrl(),
      size: this.size,
      maxQueued: this.maxQueued,
      taskNoun: "association tasks",
      outcome: (reply: AssociationTaskReply) => (reply.error ? { error: platformErrorOf(reply.error) } : { result: reply }),
    });
    return this.workers;
  }

  /** This pool as the association service's runner. */
  runner(): SpearmanWithQRunner {
    return (features, targets, options) => this.spearmanWithQ(features, targets, options);
  }

  /** Spearman rho, p, n, status and BH q over all cells, computed by the workers. */
  async spearmanWithQ(features: Matrix, targets: Matrix, options: SpearmanWithQOptions = {}): Promise<SpearmanWithQ> {
    if (features.cols !== targets.cols)
      throw new StatsInputError("features and targets must have the same number of samples (columns)", { featureSamples: features.cols, targetSamples: targets.cols });
    options.signal?.throwIfAborted();
    const pool = this.pool;
    const F = features.rows;
    const G = targets.rows;
    const f = sharedMatrix(features);
    const g = sharedMatrix(targets);
    const result = allocateSpearmanResult(F, G, true);
    const runKeys = new Float64Array(new SharedArrayBuffer(F * G * 8));
    const runOrder = new Uint32Array(new SharedArrayBuffer(F * G * 4));
    const ranges = this.split(G);
    const replies = await Promise.all(
      ranges.map(([from, to]) =>
        pool.run(
          {
            id: this.nextId++,
            features: f,
            targets: g,
            from,
            to,
            minN: options.minN ?? 3,
            rho: result.rho,
            p: result.p,
            n: result.n,
            status: result.status,
            runKeys: runKeys.subarray(F * from, F * to),
            runOrder: runOrder.subarray(F * from, F * to),
          },
          options.signal,
        ),
      ),
    );
    const t = performance.now();
    const runs: PValueRun[] = replies.map((reply, i) => {
      const [from, to] = ranges[i]!;
      return { keys: runKeys.subarray(F * from, F * to), order: runOrder.subarray(F * from, F * to), count: reply.count! };
    });
    const bh = benjaminiHochbergOfRuns(F * G, runs);
    const stages = options.stages;
    if (stages) {
      for (const r of replies) {
        stages.ranks += r.stages!.ranks;
        stages.product += r.stages!.product;
        stages.p += r.stages!.p;
        stages.bh += r.stages!.bhSort;
      }
      stages.bh += (performance.now() - t) / 1000;
    }
    return { result, bh };
  }

  /** Stops the workers (server shutdown); a pool never used has none to stop. */
  async close(): Promise<void> {
    this.closed = true;
    await this.workers?.close();
  }

  /** Contiguous target ranges: two per worker (so a slow core does not hold the rest), none under minRowsPerTask. */
  private split(G: number): Array<[number, number]> {
    const tasks = Math.max(1, Math.min(2 * this.size, Math.floor(G / this.minRowsPerTask)));
    const ranges: Array<[number, number]> = [];
    for (let k = 0; k < tasks; k++) ranges.push([Math.floor((k * G) / tasks), Math.floor(((k + 1) * G) / tasks)]);
    return ranges;
  }
}
