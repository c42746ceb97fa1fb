// `radiogenomics worker`: a process that pulls job tasks from Redis (BullMQ) and writes their results
// to the shared store (Neo4j) through the same services the server uses. Run any number, anywhere.
import os from "node:os";
import type { Command } from "commander";
import type { Logger } from "pino";
import { BadUserInputError } from "../../compute/errors.js";
import { openStore } from "../../graph-model/open-store.js";
import { FeatureWorkerPool } from "../../ingest/features/feature-worker-pool.js";
import { ModelWorkerPool } from "../../ingest/analysis/model-worker-pool.js";
import { bullmqConnection, openRedis } from "../../ingest/jobs/bullmq/redis-connection.js";
import { RedisJobState } from "../../ingest/jobs/bullmq/redis-job-state.js";
import { taskRetryPolicyFromEnv } from "../../ingest/jobs/bullmq/task-retry-policy.js";
import { TaskWorker } from "../../ingest/jobs/bullmq/task-worker.js";
import { jobKindOf } from "../../resolvers/job-kinds.js";
import { createServices } from "../services.js";
import { addStoreFlags, storeConfig, type StoreFlags } from "../store-options.js";

interface WorkerFlags extends StoreFlags {
  concurrency: string;
  redis?: string;
}

function parseConcurrency(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new BadUserInputError(`--concurrency must be an integer 1–256, got '${text}'`);
  return n;
}

export function workerCommand(program: Command, logger: Logger): void {
  addStoreFlags(program.command("worker"))
    .description("pull job tasks (computeFeatures: one per lesion × settings; signature / survival fits: one per CV fold) from Redis and write results to the shared Neo4j store; run any number of them")
    .option("--concurrency <n>", "tasks at once (and feature and model worker threads)", "1")
    .option("--redis <url>", "the Redis of the job queue, e.g. redis://127.0.0.1:6379 (env RG_REDIS_URL)", process.env.RG_REDIS_URL)
    .action(async (flags: WorkerFlags) => {
      const concurrency = parseConcurrency(flags.concurrency);
      if (!flags.redis) throw new BadUserInputError("a worker needs the job queue's Redis: --redis redis://HOST:PORT or RG_REDIS_URL");
      // The embedded store is single-process: workers share a Neo4j with the servers.
      if (!flags.neo4j) throw new BadUserInputError("a worker writes to the shared store: give --neo4j bolt://HOST:PORT (or NEO4J_URI)");
      const store = await openStore(storeConfig(flags));
      const featurePool = new FeatureWorkerPool(concurrency);
      // Model fits (signature / survival CV steps, ComBat) on threads: the event loop stays free to renew task locks.
      const modelPool = new ModelWorkerPool({ size: concurrency });
      const services = createServices(store, logger, { featurePool, modelPool });
      const redis = openRedis(flags.redis, (error) => logger.warn({ err: error }, "job state: Redis unreachable, reconnecting"));
      const name = `${os.hostname()}:${process.pid}`;
      const worker = new TaskWorker({
        name,
        connection: bullmqConnection(flags.redis), policy: taskRetryPolicyFromEnv(), concurrency, state: new RedisJobState(redis), logger,
        build: async (kind, args) => {
          const entry = jobKindOf(kind);
          if (entry === undefined) throw new BadUserInputError(`unknown job kind '${kind}'`);
          return entry.build(services, args, true);
        },
      });
      process.stdout.write(`worker ready (${name}): pulling job tasks (concurrency ${concurrency}; store: ${store.kind} at ${store.location})\n`);
      const shutdown = async () => {
        await worker.close();
        await featurePool.close();
        await modelPool.close();
        redis.disconnect();
        await store.close();
        process.exit(0);
      };
      process.once("SIGINT", shutdown);
      process.once("SIGTERM", shutdown);
    });
}
