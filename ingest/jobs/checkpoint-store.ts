// Where a job remembers which item keys it has completed, so a new runner on the same job id
// (after a crash or a cancel) skips them.

import { BadUserInputError } from "../../compute/errors.js";

export interface CheckpointStore {
  /** Keys completed by earlier runs of this job. */
  load(jobId: string): Promise<Set<string>>;
  /** Records one completed key; resolves once the record would survive the process being killed. */
  append(jobId: string, key: string): Promise<void>;
  /** Releases what the store holds open for the job. */
  close(jobId: string): Promise<void>;
  /** Forgets the job's checkpoint: the next run starts from scratch. */
  clear(jobId: string): Promise<void>;
}

const JOB_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/** Job ids name checkpoint files: letters, digits, dot, underscore, dash; no path tricks. */
export function assertValidJobId(jobId: string): void {
  if (!JOB_ID.test(jobId) || jobId.includes("..")) {
    throw new BadUserInputError(
      `Job id '${jobId}' is not valid: use 1-200 letters, digits, '.', '_' or '-', starting with a letter or digit`,
      { jobId },
    );
  }
}
