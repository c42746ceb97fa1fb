export type { ItemContext, ItemError, JobDefinition, JobFailure, JobProgress, JobSnapshot, JobStatus } from "./job.js";
export { JobEvents, type ItemOutcome, type JobEventMap, type JobProgressEvent } from "./job-events.js";
export { JobRunner, DEFAULT_CONCURRENCY, type JobRunnerOptions, type RunOptions } from "./job-runner.js";
export { JobRegistry, type JobHandle, type JobRegistryOptions } from "./job-registry.js";
export { assertValidJobId, type CheckpointStore } from "./checkpoint-store.js";
export { FileCheckpointStore, type FileCheckpointStoreOptions } from "./file-checkpoint-store.js";
export { MemoryCheckpointStore } from "./memory-checkpoint-store.js";
export { ItemTimeoutError, JobCancelledError, describeError } from "./job-errors.js";
export { attachProgressBar, type ProgressBarLike } from "./progress-bar.js";
