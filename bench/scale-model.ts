// A pure model of a distributed job (no I/O): tasks go through a queue to worker slots, each task spends
// the queue's overhead (enqueue → pick-up → settle → progress: Redis round trips, no CPU), takes its
// upstream requests from a shared token bucket (IDC's per-IP rate), computes on the worker, then writes
// through the store's writers (Neo4j), holding its worker slot throughout, as `radiogenomics worker` does.
// With `cores` set, the worker's compute and the store's writes also need one of that many shared cores
// (everything on one machine, as bench/scale runs); without it each worker and the store have their own.
// A discrete-event simulation (a binary-heap event queue and FIFO resources): a ~100-line event loop is
// simpler to check than a general simulation library (none of the JS ones is maintained: simjs 2013).
// bench/scale measures the inputs (MeasuredFigures), bench/scale-plan turns them into the plan's table,
// test/bench/scale-model.test.ts checks the model against analytic results (M/M/1, M/D/1, the bounds).
import { SeededRandom } from "../compute/seeded-random.js";

export interface UpstreamRate {
  readonly requestsPerTask: number;
  readonly requestsPerSecond: number;
  /** Requests the bucket holds when the job starts (and at most). */
  readonly burst: number;
}

export interface JobModel {
  readonly tasks: number;
  /** Worker slots: processes × --concurrency. */
  readonly workers: number;
  /** Queue overhead per task, seconds (latency only). */
  readonly overheadSeconds: number;
  /** Image fetch + decode + feature computation on the worker, seconds of CPU (mean, when random). */
  readonly workerSeconds: number;
  /** The store's time to read and write one task's values, seconds. */
  readonly storeSeconds: number;
  /** Writes the store runs at once (Neo4j: about its cores); default 1. */
  readonly storeWriters?: number;
  /** Cores shared by compute and store writes (one machine; may be fractional); default: none shared. */
  readonly cores?: number;
  readonly upstream?: UpstreamRate;
  /** Open queue: tasks arrive as a Poisson process of this rate; default: all enqueued at t = 0. */
  readonly arrivalsPerSecond?: number;
  /** Worker time per task: fixed (default) or exponential with mean workerSeconds. */
  readonly service?: "deterministic" | "exponential";
  readonly seed?: number;
}

export interface JobOutcome {
  /** First arrival to the last task settled. */
  readonly makespanSeconds: number;
  readonly tasksPerSecond: number;
  /** Mean of (settled − arrived) over the tasks. */
  readonly meanSojournSeconds: number;
  /** Busy fraction of the worker slots and of the store's writers over the makespan. */
  readonly workerUtilisation: number;
  readonly storeUtilisation: number;
  /** Summed time tasks waited for upstream tokens. */
  readonly upstreamWaitSeconds: number;
  /** The resource that bounds the throughput: the largest of the lower bounds on the makespan. */
  readonly bound: "workers" | "store" | "upstream" | "cores" | "arrivals";
}

/** A binary min-heap of events by time, ties in insertion order (so the simulation is deterministic). */
class EventQueue {
  private readonly heap: { t: number; seq: number; run: () => void }[] = [];
  private seq = 0;
  now = 0;

  at(t: number, run: () => void): void {
    const heap = this.heap;
    heap.push({ t, seq: this.seq++, run });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  runAll(): void {
    const heap = this.heap;
    while (heap.length > 0) {
      const top = heap[0]!;
      const last = heap.pop()!;
      if (heap.length > 0) {
        heap[0] = last;
        let i = 0;
        for (;;) {
          const l = 2 * i + 1, r = l + 1;
          let m = i;
          if (l < heap.length && this.before(heap[l]!, heap[m]!)) m = l;
          if (r < heap.length && this.before(heap[r]!, heap[m]!)) m = r;
          if (m === i) break;
          [heap[i], heap[m]] = [heap[m]!, heap[i]!];
          i = m;
        }
      }
      this.now = top.t;
      top.run();
    }
  }

  private before(a: { t: number; seq: number }, b: { t: number; seq: number }): boolean {
    return a.t < b.t || (a.t === b.t && a.seq < b.seq);
  }
}

/** A FIFO resource of `capacity` units; tracks its busy unit-seconds. */
class Resource {
  private inUse = 0;
  private readonly waiting: (() => void)[] = [];
  private head = 0;
  private lastChange = 0;
  busy = 0;

  constructor(private readonly events: EventQueue, readonly capacity: number) {}

  acquire(then: () => void): void {
    if (this.inUse < this.capacity) {
      this.account();
      this.inUse++;
      then();
    } else this.waiting.push(then);
  }

  release(): void {
    if (this.head < this.waiting.length) {
      const next = this.waiting[this.head]!;
      this.waiting[this.head++] = undefined as never;
      next();
    } else {
      this.account();
      this.inUse--;
    }
  }

  private account(): void {
    this.busy += this.inUse * (this.events.now - this.lastChange);
    this.lastChange = this.events.now;
  }

  finish(): void {
    this.account();
  }
}

/** A token bucket served in request order: a request waits until the tokens it needs have accrued. */
class Bucket {
  private tokens: number;
  private last = 0;
  waited = 0;

  constructor(private readonly events: EventQueue, private readonly rate: UpstreamRate) {
    this.tokens = rate.burst;
  }

  take(then: () => void): void {
    const now = this.events.now;
    this.tokens = Math.min(this.rate.burst, this.tokens + (now - this.last) * this.rate.requestsPerSecond) - this.rate.requestsPerTask;
    this.last = now;
    const wait = this.tokens < 0 ? -this.tokens / this.rate.requestsPerSecond : 0;
    this.waited += wait;
    if (wait === 0) then();
    else this.events.at(now + wait, then);
  }
}

export function simulateJob(model: JobModel): JobOutcome {
  const events = new EventQueue();
  const random = new SeededRandom(model.seed ?? 1);
  const exponential = (mean: number) => -mean * Math.log(1 - random.next());
  const slots = new Resource(events, model.workers);
  const store = new Resource(events, model.storeWriters ?? 1);
  // Fractional cores (what other tenants leave): whole cores, each running slower by the missing fraction.
  const cores = model.cores === undefined ? undefined : new Resource(events, Math.ceil(model.cores));
  const stretch = model.cores === undefined ? 1 : Math.ceil(model.cores) / model.cores;
  const bucket = model.upstream ? new Bucket(events, model.upstream) : undefined;
  const onCore = (then: () => void) => (cores ? cores.acquire(then) : then());
  const offCore = () => cores?.release();
  let sojourn = 0;
  let lastDone = 0;
  let arrival = 0;
  let firstArrival = Number.NaN;

  const run = (arrived: number) => () =>
    slots.acquire(() =>
      events.at(events.now + model.overheadSeconds, () => {
        const compute = () =>
          onCore(() => {
            const work = stretch * (model.service === "exponential" ? exponential(model.workerSeconds) : model.workerSeconds);
            events.at(events.now + work, () => {
              offCore();
              store.acquire(() =>
                onCore(() =>
                  events.at(events.now + stretch * model.storeSeconds, () => {
                    offCore();
                    store.release();
                    slots.release();
                    sojourn += events.now - arrived;
                    lastDone = events.now;
                  })));
            });
          });
        if (bucket) bucket.take(compute);
        else compute();
      }));

  for (let i = 0; i < model.tasks; i++) {
    if (model.arrivalsPerSecond !== undefined && i > 0) arrival += exponential(1 / model.arrivalsPerSecond);
    if (i === 0) firstArrival = arrival;
    events.at(arrival, run(arrival));
  }
  events.runAll();
  slots.finish();
  store.finish();
  cores?.finish();
  const makespan = lastDone - (Number.isNaN(firstArrival) ? 0 : firstArrival);
  return {
    makespanSeconds: makespan,
    tasksPerSecond: makespan > 0 ? model.tasks / makespan : 0,
    meanSojournSeconds: model.tasks > 0 ? sojourn / model.tasks : 0,
    workerUtilisation: makespan > 0 ? slots.busy / (model.workers * makespan) : 0,
    storeUtilisation: makespan > 0 ? store.busy / ((model.storeWriters ?? 1) * makespan) : 0,
    upstreamWaitSeconds: bucket?.waited ?? 0,
    bound: boundOf(model),
  };
}

/** The resource whose lower bound on the makespan is largest (what to add to go faster). */
export function boundOf(model: JobModel): JobOutcome["bound"] {
  const n = model.tasks;
  const perTask = model.overheadSeconds + model.workerSeconds + model.storeSeconds;
  const bounds: [JobOutcome["bound"], number][] = [
    ["workers", (n * perTask) / model.workers],
    ["store", (n * model.storeSeconds) / (model.storeWriters ?? 1)],
    ["upstream", model.upstream ? (n * model.upstream.requestsPerTask - model.upstream.burst) / model.upstream.requestsPerSecond : 0],
    ["cores", model.cores ? (n * (model.workerSeconds + model.storeSeconds)) / model.cores : 0],
    ["arrivals", model.arrivalsPerSecond ? n / model.arrivalsPerSecond : 0],
  ];
  return bounds.reduce((best, b) => (b[1] > best[1] ? b : best))[0];
}

/** What bench/scale measures and bench/scale-plan extrapolates from (bench/scale-figures.json). */
export interface MeasuredFigures {
  readonly measuredAt: string;
  /** `uptime` load averages at the start → at the end of the run. */
  readonly load: string;
  readonly cores: number;
  readonly roiVoxels: number;
  readonly lesionsPerRun: number;
  readonly valuesPerLesion: number;
  /** One lesion's features on one thread, no I/O. */
  readonly computeSeconds: number;
  /** Wall time per lesion with one worker process (everything: queue, images, compute, store). */
  readonly workerSecondsPerLesion: number;
  /** The worker process's CPU per lesion (images, compute, driver). */
  readonly workerCpuPerLesion: number;
  /** Neo4j's CPU per lesion (feature read, write, the job's queries). */
  readonly storeCpuPerLesion: number;
  /** A task whose values are stored: the queue's round trips plus the store read that finds them. */
  readonly queueOverheadSeconds: number;
  /** The store read of one lesion's stored values alone (part of queueOverheadSeconds). */
  readonly storedValuesReadSeconds: number;
  readonly redisBytesPerQueuedTask: number;
  readonly ingestSeriesPerSecond: number;
  readonly ingestPeakRssMB: number;
}

/** The model's per-task costs from the measured figures: the store's share is Neo4j's CPU, the rest of a lesion's time is the worker's. */
export function taskCostsOf(f: MeasuredFigures): Pick<JobModel, "overheadSeconds" | "workerSeconds" | "storeSeconds"> {
  return { overheadSeconds: f.queueOverheadSeconds, workerSeconds: Math.max(0, f.workerSecondsPerLesion - f.queueOverheadSeconds - f.storeCpuPerLesion), storeSeconds: f.storeCpuPerLesion };
}
