// A distributed job's status, progress and per-item errors in Redis, so every server instance's
// `job(id)` reads the same: a hash per job (`rg:job:<id>`), the keys settled and running in this run
// (sets), the recorded errors (a list), the upstream waits (a hash) and an index of jobs by creation time. Every change is one Lua
// script (atomic): a task settled twice (a worker killed after its write, the task retried) counts once,
// and the task that settles the last key finishes the job. Every change also PUBLISHes the job id on
// JOB_UPDATED_CHANNEL (what `jobUpdated` on any instance listens to), a cancel on JOB_CANCELLED_CHANNEL
// too (what workers listen to, to abort their running tasks of the job).
import type { Redis } from "ioredis";
import type { ErrorCode } from "../../../compute/errors.js";
import type { UpstreamWaitNotice } from "../../http/upstream-wait-report.js";
import type { ItemError, JobSnapshot, JobStatus, UpstreamWait } from "../job.js";
import type { JournalRecord } from "../job-journal.js";
import { DEFAULT_MAX_RECORDED_ERRORS } from "../job-runner.js";

const INDEX = "rg:jobs";
/** A job id is published here after every change of its state. */
export const JOB_UPDATED_CHANNEL = "rg:job-updated";
/** A job id is published here when the job is cancelled. */
export const JOB_CANCELLED_CHANNEL = "rg:job-cancelled";
const keysOf = (id: string): string[] => [`rg:job:${id}`, `rg:job:${id}:settled`, `rg:job:${id}:running`, `rg:job:${id}:errors`];
const itemKeysOf = (id: string): string => `rg:job:${id}:keys`;
/** The run's upstream waits: `<host>|<field>` → value (waits, waitedMs, rateLimited, retryAfterMs, upstream, at). */
const waitsOf = (id: string): string => `rg:job:${id}:waits`;
/** Held (with a TTL) by the process queueing a run's tasks. */
const leaseOf = (id: string): string => `rg:job:${id}:enqueuing`;
const publish = (idAt: string) => `redis.call('PUBLISH', '${JOB_UPDATED_CHANNEL}', ${idAt})`;

// KEYS: hash settled running errors enqueuing waits; ARGV: name createdAt total id scope kind argsJson keyId leaseMs.
// Returns the new run number. The record (kind, args, scope, keyId) is what resumeJob rebuilds the job's tasks
// from on any instance; `enqueued` stays 0 and the enqueuing lease is held until every task is on the queue.
const CREATE = `
redis.call('DEL', KEYS[2], KEYS[3], KEYS[4], KEYS[6])
local run = redis.call('HINCRBY', KEYS[1], 'run', 1)
redis.call('HDEL', KEYS[1], 'startedAt', 'finishedAt')
local status = 'QUEUED'
if tonumber(ARGV[3]) == 0 then status = 'SUCCEEDED' end
redis.call('HSET', KEYS[1], 'name', ARGV[1], 'createdAt', ARGV[2], 'total', ARGV[3], 'done', 0, 'failed', 0, 'status', status, 'scope', ARGV[5], 'kind', ARGV[6], 'args', ARGV[7], 'keyId', ARGV[8], 'enqueued', 0)
if status == 'SUCCEEDED' then redis.call('HSET', KEYS[1], 'startedAt', ARGV[2], 'finishedAt', ARGV[2]) end
redis.call('SET', KEYS[5], run, 'PX', ARGV[9])
${publish("ARGV[4]")}
return run`;

// KEYS: hash settled running; ARGV: run key now id. 1: go ahead; 0: the run is stale or cancelled, or the key already settled.
const START = `
if redis.call('HGET', KEYS[1], 'run') ~= ARGV[1] then return 0 end
if redis.call('HGET', KEYS[1], 'status') == 'CANCELLED' then return 0 end
if redis.call('SISMEMBER', KEYS[2], ARGV[2]) == 1 then return 0 end
redis.call('SADD', KEYS[3], ARGV[2])
if redis.call('HGET', KEYS[1], 'status') == 'QUEUED' then redis.call('HSET', KEYS[1], 'status', 'RUNNING', 'startedAt', ARGV[3]) end
${publish("ARGV[4]")}
return 1`;

// KEYS: hash settled running errors; ARGV: run key outcome(done|failed|abandoned) errorJson now maxErrors id. Returns the status.
// A cancelled job still counts a task that finished (its values are stored) but never changes status.
const SETTLE = `
if redis.call('HGET', KEYS[1], 'run') ~= ARGV[1] then return 'STALE' end
redis.call('SREM', KEYS[3], ARGV[2])
if ARGV[3] == 'abandoned' then ${publish("ARGV[7]")}; return redis.call('HGET', KEYS[1], 'status') end
if redis.call('SADD', KEYS[2], ARGV[2]) == 0 then return redis.call('HGET', KEYS[1], 'status') end
redis.call('HINCRBY', KEYS[1], ARGV[3], 1)
if ARGV[3] == 'failed' and redis.call('LLEN', KEYS[4]) < tonumber(ARGV[6]) then redis.call('RPUSH', KEYS[4], ARGV[4]) end
${publish("ARGV[7]")}
local status = redis.call('HGET', KEYS[1], 'status')
if status == 'CANCELLED' then return status end
if status == 'QUEUED' then status = 'RUNNING'; redis.call('HSET', KEYS[1], 'status', status, 'startedAt', ARGV[5]) end
if redis.call('SCARD', KEYS[2]) >= tonumber(redis.call('HGET', KEYS[1], 'total')) then
  local done = tonumber(redis.call('HGET', KEYS[1], 'done'))
  local failed = tonumber(redis.call('HGET', KEYS[1], 'failed'))
  if failed == 0 then status = 'SUCCEEDED' elseif done == 0 then status = 'FAILED' else status = 'PARTIAL' end
  redis.call('HSET', KEYS[1], 'status', status, 'finishedAt', ARGV[5])
end
return status`;

// KEYS: hash; ARGV: now id. 1: cancelled now; 0: unknown or already finished.
const CANCEL = `
local status = redis.call('HGET', KEYS[1], 'status')
if status ~= 'QUEUED' and status ~= 'RUNNING' then return 0 end
redis.call('HSET', KEYS[1], 'status', 'CANCELLED', 'finishedAt', ARGV[1])
${publish("ARGV[2]")}
redis.call('PUBLISH', '${JOB_CANCELLED_CHANNEL}', ARGV[2])
return 1`;

// KEYS: hash enqueuing; ARGV: run. Every task of the run is on the queue: the lease is dropped.
const ENQUEUED = `
if redis.call('HGET', KEYS[1], 'run') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'enqueued', ARGV[1])
redis.call('DEL', KEYS[2])
return 1`;

// KEYS: hash; ARGV: run now id. A queued or running job of this run whose tasks were lost: INTERRUPTED. 1 if changed.
const INTERRUPT = `
if redis.call('HGET', KEYS[1], 'run') ~= ARGV[1] then return 0 end
local status = redis.call('HGET', KEYS[1], 'status')
if status ~= 'QUEUED' and status ~= 'RUNNING' then return 0 end
redis.call('HSET', KEYS[1], 'status', 'INTERRUPTED', 'interruptedAt', ARGV[2])
${publish("ARGV[3]")}
return 1`;

// KEYS: hash enqueuing; ARGV: leaseMs id. An INTERRUPTED job carries on in the same run (its settled keys
// stay settled): RUNNING if it had started, else QUEUED; the lease is held until its tasks are queued again.
// Returns the run, or 0 when the job is not INTERRUPTED (another instance resumed it first).
const RESUME = `
if redis.call('HGET', KEYS[1], 'status') ~= 'INTERRUPTED' then return 0 end
local run = redis.call('HGET', KEYS[1], 'run')
local status = 'QUEUED'
if redis.call('HEXISTS', KEYS[1], 'startedAt') == 1 then status = 'RUNNING' end
redis.call('HSET', KEYS[1], 'status', status, 'enqueued', 0)
redis.call('HDEL', KEYS[1], 'interruptedAt')
redis.call('SET', KEYS[2], run, 'PX', ARGV[1])
${publish("ARGV[2]")}
return tonumber(run)`;

// KEYS: hash waits; ARGV: run host upstream waitMs rateLimited(1|0) retryAfterMs('' if none) at id. A task's
// request waited for its upstream's quota or rate (ingest/http/upstream-wait-report.ts): counted per host.
const UPSTREAM_WAIT = `
if redis.call('HGET', KEYS[1], 'run') ~= ARGV[1] then return 0 end
local h = ARGV[2] .. '|'
if tonumber(ARGV[4]) > 0 then
  redis.call('HINCRBY', KEYS[2], h .. 'waits', 1)
  redis.call('HINCRBY', KEYS[2], h .. 'waitedMs', ARGV[4])
end
if ARGV[5] == '1' then redis.call('HINCRBY', KEYS[2], h .. 'rateLimited', 1) end
if ARGV[6] ~= '' then redis.call('HSET', KEYS[2], h .. 'retryAfterMs', ARGV[6]) end
if ARGV[3] ~= ARGV[2] or redis.call('HEXISTS', KEYS[2], h .. 'upstream') == 0 then redis.call('HSET', KEYS[2], h .. 'upstream', ARGV[3]) end
redis.call('HSET', KEYS[2], h .. 'at', ARGV[7])
${publish("ARGV[8]")}
return 1`;

/** How a distributed job was started, as the journal records an in-process one (resumeJob reads it on any instance). */
export interface SharedJobOrigin {
  kind: string;
  args: unknown;
  keyId?: string;
}

/** What the start-up check needs of an unfinished job: its run, whether all its tasks were queued, and whether someone is queueing them. */
export interface UnfinishedJob {
  id: string;
  run: number;
  /** Every task of the run reached the queue (false while, or because, its submitter was queueing them). */
  enqueued: boolean;
  /** A submitter (or resumer) holds the lease: it is queueing the tasks now. */
  enqueuing: boolean;
}

/** How long a submitter may take between two batches of tasks before the job counts as abandoned. */
export const ENQUEUE_LEASE_MS = 60_000;

export class RedisJobState {
  constructor(readonly redis: Redis, private readonly now: () => Date = () => new Date()) {}

  /**
   * Starts a (new run of a) job over its item keys; returns the run number its tasks carry. `scope` is
   * the API-key scope its mutation needed (cancelling needs it too); `origin` its kind, arguments and key id
   * (resumeJob rebuilds its tasks from them).
   */
  async create(id: string, name: string, keys: readonly string[], scope = "", origin?: SharedJobOrigin): Promise<number> {
    const createdAt = this.now();
    // The keys first: a cancel that reads them (to remove the waiting tasks) finds all of them.
    await this.redis.del(itemKeysOf(id));
    for (let i = 0; i < keys.length; i += 10_000) await this.redis.sadd(itemKeysOf(id), ...keys.slice(i, i + 10_000));
    const record = [origin?.kind ?? "", origin === undefined ? "" : JSON.stringify(origin.args ?? null), origin?.keyId ?? "", String(ENQUEUE_LEASE_MS)];
    const run = (await this.redis.eval(CREATE, 6, ...keysOf(id), leaseOf(id), waitsOf(id), name, createdAt.toISOString(), String(keys.length), id, scope, ...record)) as number;
    await this.redis.zadd(INDEX, createdAt.getTime(), id);
    return run;
  }

  /** Marks a task's key running; false when its run is over or cancelled, or the key already settled (skip the work). */
  async start(id: string, run: number, key: string): Promise<boolean> {
    const [hash, settled, running] = keysOf(id);
    return (await this.redis.eval(START, 3, hash!, settled!, running!, String(run), key, this.now().toISOString(), id)) === 1;
  }

  /**
   * Settles a key once (done, or failed with its error); `abandoned` (its job was cancelled under it)
   * only takes it off the running keys. Returns the job's status after it.
   */
  async settle(id: string, run: number, key: string, outcome: { done: true } | { abandoned: true } | { error: { code: ErrorCode; message: string } }): Promise<JobStatus | "STALE"> {
    const at = this.now().toISOString();
    const error = "error" in outcome ? JSON.stringify({ key, ...outcome.error, at }) : "";
    const kind = "error" in outcome ? "failed" : "abandoned" in outcome ? "abandoned" : "done";
    const args = [String(run), key, kind, error, at, String(DEFAULT_MAX_RECORDED_ERRORS), id];
    return (await this.redis.eval(SETTLE, 4, ...keysOf(id), ...args)) as JobStatus | "STALE";
  }

  /** A task of the run waited for an upstream's quota or rate: its job's progress.upstreamWaits counts it. */
  async recordUpstreamWait(id: string, run: number, notice: UpstreamWaitNotice): Promise<void> {
    const args = [String(run), notice.host, notice.upstream, String(Math.max(0, Math.ceil(notice.waitMs))), notice.rateLimited ? "1" : "0", notice.retryAfterMs === undefined ? "" : String(Math.ceil(notice.retryAfterMs)), this.now().toISOString(), id];
    await this.redis.eval(UPSTREAM_WAIT, 2, keysOf(id)[0]!, waitsOf(id), ...args);
  }

  /** Marks a queued or running job CANCELLED (workers start none of its tasks from now on); false if unknown or finished. */
  async cancel(id: string): Promise<boolean> {
    return (await this.redis.eval(CANCEL, 1, keysOf(id)[0]!, this.now().toISOString(), id)) === 1;
  }

  /** Still queueing the run's tasks: the lease lasts another ENQUEUE_LEASE_MS. */
  async renewEnqueueLease(id: string): Promise<void> {
    await this.redis.pexpire(leaseOf(id), ENQUEUE_LEASE_MS);
  }

  /** Every task of the run is on the queue (the start-up check no longer takes a missing one for a dead submitter). */
  async markEnqueued(id: string, run: number): Promise<void> {
    await this.redis.eval(ENQUEUED, 2, keysOf(id)[0]!, leaseOf(id), String(run));
  }

  /** A queued or running job whose tasks were lost becomes INTERRUPTED (resumeJob continues it); false if it changed meanwhile. */
  async interrupt(id: string, run: number): Promise<boolean> {
    return (await this.redis.eval(INTERRUPT, 1, keysOf(id)[0]!, String(run), this.now().toISOString(), id)) === 1;
  }

  /** INTERRUPTED → RUNNING (or QUEUED) in the same run, lease held; the run to queue the unsettled keys under, or undefined if not INTERRUPTED. */
  async resume(id: string): Promise<number | undefined> {
    const run = Number(await this.redis.eval(RESUME, 2, keysOf(id)[0]!, leaseOf(id), String(ENQUEUE_LEASE_MS), id));
    return run > 0 ? run : undefined;
  }

  /** The run's item keys not settled yet (done or failed for good). */
  async unsettledKeys(id: string): Promise<string[]> {
    return this.redis.sdiff(itemKeysOf(id), keysOf(id)[1]!);
  }

  /** Which of `keys` have settled since (one round trip). */
  async settledAmong(id: string, keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const flags = await this.redis.smismember(keysOf(id)[1]!, ...keys);
    return new Set(keys.filter((_key, i) => flags[i] === 1));
  }

  /** The job's record as resumeJob needs it (kind, args, scope, keyId, status, times), if Redis knows the job. */
  async recordOf(id: string): Promise<JournalRecord | undefined> {
    const fields = await this.redis.hgetall(keysOf(id)[0]!);
    if (fields.status === undefined || !fields.kind) return undefined;
    return {
      id, name: fields.name ?? id, kind: fields.kind, args: fields.args ? (JSON.parse(fields.args) as unknown) : undefined, scope: fields.scope ?? "",
      ...(fields.keyId ? { keyId: fields.keyId } : {}), status: fields.status as JobStatus, createdAt: fields.createdAt!,
      ...(fields.startedAt ? { startedAt: fields.startedAt } : {}), ...(fields.finishedAt ? { finishedAt: fields.finishedAt } : {}), total: Number(fields.total),
    };
  }

  /** Every job Redis holds as QUEUED or RUNNING, with what the start-up check needs to tell a live one from one whose tasks were lost. */
  async unfinished(): Promise<UnfinishedJob[]> {
    const ids = await this.redis.zrange(INDEX, 0, -1);
    const jobs: UnfinishedJob[] = [];
    for (const id of ids) {
      const [[, fields], [, lease]] = (await this.redis.multi().hmget(keysOf(id)[0]!, "status", "run", "enqueued").exists(leaseOf(id)).exec()) as [[unknown, (string | null)[]], [unknown, number]];
      const [status, run, enqueued] = fields;
      if (status !== "QUEUED" && status !== "RUNNING") continue;
      // A job created before `enqueued` was recorded counts as queued: its tasks are checked one by one.
      jobs.push({ id, run: Number(run), enqueued: enqueued === null || enqueued === run, enqueuing: lease === 1 });
    }
    return jobs;
  }

  /** The item keys of the job's current run. */
  async keysOf(id: string): Promise<string[]> {
    return this.redis.smembers(itemKeysOf(id));
  }

  /** The run number and the API-key scope of the job's mutation, if Redis knows the job. */
  async runOf(id: string): Promise<{ run: number; scope?: string } | undefined> {
    const [run, scope] = await this.redis.hmget(keysOf(id)[0]!, "run", "scope");
    return run === null ? undefined : { run: Number(run), ...(scope ? { scope } : {}) };
  }

  async get(id: string): Promise<JobSnapshot | undefined> {
    const [hash, , running, errors] = keysOf(id);
    const [fields, runningKeys, errorLines, waits] = await Promise.all([this.redis.hgetall(hash!), this.redis.smembers(running!), this.redis.lrange(errors!, 0, -1), this.redis.hgetall(waitsOf(id))]);
    const upstreamWaits = parseUpstreamWaits(waits);
    if (fields.status === undefined) return undefined;
    return {
      id,
      name: fields.name ?? id,
      status: fields.status as JobStatus,
      createdAt: new Date(fields.createdAt!),
      ...(fields.startedAt ? { startedAt: new Date(fields.startedAt) } : {}),
      ...(fields.finishedAt ? { finishedAt: new Date(fields.finishedAt) } : {}),
      progress: { total: Number(fields.total), done: Number(fields.done), failed: Number(fields.failed), skipped: 0, running: runningKeys.sort(), ...(upstreamWaits.length > 0 ? { upstreamWaits } : {}) },
      errors: errorLines.map(parseItemError),
    };
  }

  /** The newest `limit` jobs, newest first. */
  async list(limit = 100): Promise<JobSnapshot[]> {
    const ids = await this.redis.zrevrange(INDEX, 0, limit - 1);
    return (await Promise.all(ids.map((id) => this.get(id)))).filter((s): s is JobSnapshot => s !== undefined);
  }
}

/** The waits hash as one summary per host, in the order of their last wait. */
function parseUpstreamWaits(fields: Record<string, string>): UpstreamWait[] {
  const hosts = new Map<string, Record<string, string>>();
  for (const [field, value] of Object.entries(fields)) {
    const at = field.lastIndexOf("|");
    const host = field.slice(0, at);
    hosts.set(host, { ...hosts.get(host), [field.slice(at + 1)]: value });
  }
  return [...hosts.entries()]
    .map(([host, f]): UpstreamWait => ({
      upstream: f.upstream ?? host, host, waits: Number(f.waits ?? 0), waitedMs: Number(f.waitedMs ?? 0), rateLimited: Number(f.rateLimited ?? 0),
      ...(f.retryAfterMs !== undefined ? { lastRetryAfterMs: Number(f.retryAfterMs) } : {}), lastAt: new Date(f.at ?? 0),
    }))
    .sort((a, b) => a.lastAt.getTime() - b.lastAt.getTime());
}

function parseItemError(line: string): ItemError {
  const parsed = JSON.parse(line) as { key: string; code: ErrorCode; message: string; at: string };
  return { key: parsed.key, code: parsed.code, message: parsed.message, at: new Date(parsed.at) };
}
