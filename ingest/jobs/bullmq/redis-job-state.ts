// A distributed job's status, progress and per-item errors in Redis, so every server instance's
// `job(id)` reads the same: a hash per job (`rg:job:<id>`), the keys settled and running in this run
// (sets), the recorded errors (a list) and an index of jobs by creation time. Every change is one Lua
// script (atomic): a task settled twice (a worker killed after its write, the task retried) counts once,
// and the task that settles the last key finishes the job. Every change also PUBLISHes the job id on
// JOB_UPDATED_CHANNEL (what `jobUpdated` on any instance listens to), a cancel on JOB_CANCELLED_CHANNEL
// too (what workers listen to, to abort their running tasks of the job).
import type { Redis } from "ioredis";
import type { ErrorCode } from "../../../compute/errors.js";
import type { ItemError, JobSnapshot, JobStatus } from "../job.js";
import { DEFAULT_MAX_RECORDED_ERRORS } from "../job-runner.js";

const INDEX = "rg:jobs";
/** A job id is published here after every change of its state. */
export const JOB_UPDATED_CHANNEL = "rg:job-updated";
/** A job id is published here when the job is cancelled. */
export const JOB_CANCELLED_CHANNEL = "rg:job-cancelled";
const keysOf = (id: string): string[] => [`rg:job:${id}`, `rg:job:${id}:settled`, `rg:job:${id}:running`, `rg:job:${id}:errors`];
const itemKeysOf = (id: string): string => `rg:job:${id}:keys`;
const publish = (idAt: string) => `redis.call('PUBLISH', '${JOB_UPDATED_CHANNEL}', ${idAt})`;

// KEYS: hash settled running errors; ARGV: name createdAt total id scope. Returns the new run number.
const CREATE = `
redis.call('DEL', KEYS[2], KEYS[3], KEYS[4])
local run = redis.call('HINCRBY', KEYS[1], 'run', 1)
redis.call('HDEL', KEYS[1], 'startedAt', 'finishedAt')
local status = 'QUEUED'
if tonumber(ARGV[3]) == 0 then status = 'SUCCEEDED' end
redis.call('HSET', KEYS[1], 'name', ARGV[1], 'createdAt', ARGV[2], 'total', ARGV[3], 'done', 0, 'failed', 0, 'status', status, 'scope', ARGV[5])
if status == 'SUCCEEDED' then redis.call('HSET', KEYS[1], 'startedAt', ARGV[2], 'finishedAt', ARGV[2]) end
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

export class RedisJobState {
  constructor(readonly redis: Redis, private readonly now: () => Date = () => new Date()) {}

  /** Starts a (new run of a) job with `total` items; returns the run number its tasks carry. */
  /**
   * Starts a (new run of a) job over its item keys; returns the run number its tasks carry. `scope` is
   * the API-key scope its mutation needed (cancelling needs it too).
   */
  async create(id: string, name: string, keys: readonly string[], scope = ""): Promise<number> {
    const createdAt = this.now();
    // The keys first: a cancel that reads them (to remove the waiting tasks) finds all of them.
    await this.redis.del(itemKeysOf(id));
    for (let i = 0; i < keys.length; i += 10_000) await this.redis.sadd(itemKeysOf(id), ...keys.slice(i, i + 10_000));
    const run = (await this.redis.eval(CREATE, 4, ...keysOf(id), name, createdAt.toISOString(), String(keys.length), id, scope)) as number;
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

  /** Marks a queued or running job CANCELLED (workers start none of its tasks from now on); false if unknown or finished. */
  async cancel(id: string): Promise<boolean> {
    return (await this.redis.eval(CANCEL, 1, keysOf(id)[0]!, this.now().toISOString(), id)) === 1;
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
    const [fields, runningKeys, errorLines] = await Promise.all([this.redis.hgetall(hash!), this.redis.smembers(running!), this.redis.lrange(errors!, 0, -1)]);
    if (fields.status === undefined) return undefined;
    return {
      id,
      name: fields.name ?? id,
      status: fields.status as JobStatus,
      createdAt: new Date(fields.createdAt!),
      ...(fields.startedAt ? { startedAt: new Date(fields.startedAt) } : {}),
      ...(fields.finishedAt ? { finishedAt: new Date(fields.finishedAt) } : {}),
      progress: { total: Number(fields.total), done: Number(fields.done), failed: Number(fields.failed), skipped: 0, running: runningKeys.sort() },
      errors: errorLines.map(parseItemError),
    };
  }

  /** The newest `limit` jobs, newest first. */
  async list(limit = 100): Promise<JobSnapshot[]> {
    const ids = await this.redis.zrevrange(INDEX, 0, limit - 1);
    return (await Promise.all(ids.map((id) => this.get(id)))).filter((s): s is JobSnapshot => s !== undefined);
  }
}

function parseItemError(line: string): ItemError {
  const parsed = JSON.parse(line) as { key: string; code: ErrorCode; message: string; at: string };
  return { key: parsed.key, code: parsed.code, message: parsed.message, at: new Date(parsed.at) };
}
