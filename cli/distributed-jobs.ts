// Which job engine a process uses: with RG_REDIS_URL set, the distributed one (BullMQ on Redis, run by
// `radiogenomics worker` processes) for the kinds that split into tasks; without it, the in-process
// registry as always (npm start needs no Redis).
import { Queue } from "bullmq";
import { DistributedJobRegistry } from "../ingest/jobs/bullmq/distributed-job-registry.js";
import { JOB_TASK_QUEUE, type JobTask } from "../ingest/jobs/bullmq/job-task.js";
import { IMAGING_INGEST_TASK_KIND } from "../ingest/jobs/bullmq/imaging-ingest-tasks.js";
import { bullmqConnection, openRedis, redisUrlFromEnv } from "../ingest/jobs/bullmq/redis-connection.js";
import { RedisJobState } from "../ingest/jobs/bullmq/redis-job-state.js";
import { taskRetryPolicyFromEnv } from "../ingest/jobs/bullmq/task-retry-policy.js";
import { JobRegistry, type JobRegistryOptions } from "../ingest/jobs/job-registry.js";
import { BadUserInputError } from "../compute/errors.js";

/**
 * The kinds split into one task per item (computeFeatures: one per lesion × the job's settings; ingestImaging:
 * one per patient; startAssociation: one per batch of tests, BH by the batch that completes the set;
 * startSignatureFit: one per cross-validation step of each class, startSurvivalAnalysis: PENALISED_COX one per
 * outer fold + the final CV, the other kinds one; the step that completes the set stores the fit once;
 * startHarmonisation: one task, the single ComBat fit, so every instance sees and can cancel it).
 */
export const DISTRIBUTED_JOB_KINDS: ReadonlySet<string> = new Set(["computeFeatures", IMAGING_INGEST_TASK_KIND, "startAssociation", "startSignatureFit", "startSurvivalAnalysis", "startHarmonisation"]);

export function jobRegistryFor(options: JobRegistryOptions, storeKind: string, env: NodeJS.ProcessEnv = process.env): JobRegistry {
  const url = redisUrlFromEnv(env);
  if (url === undefined) return new JobRegistry(options);
  // Workers are other processes: they can write only to a shared store.
  if (storeKind !== "neo4j") throw new BadUserInputError("RG_REDIS_URL (distributed jobs) needs the shared Neo4j store: start with --neo4j bolt://HOST:PORT, or unset RG_REDIS_URL to run jobs in-process");
  const queue = new Queue<JobTask>(JOB_TASK_QUEUE, { connection: bullmqConnection(url) });
  // An 'error' with no listener would end the server; the connection reconnects and a failed add rejects to its mutation.
  queue.on("error", () => undefined);
  return new DistributedJobRegistry({ ...options, queue, state: new RedisJobState(openRedis(url)), policy: taskRetryPolicyFromEnv(env), kinds: DISTRIBUTED_JOB_KINDS });
}
