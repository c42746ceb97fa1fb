// Which job engine a process gets: without RG_REDIS_URL the in-process registry exactly as before (npm
// start needs no Redis); with it on the embedded store, a refusal that says what to do (workers are
// other processes and cannot open a single-process store).
import { describe, expect, it } from "vitest";
import { jobRegistryFor } from "../../cli/distributed-jobs.js";
import { BadUserInputError } from "../../compute/errors.js";
import { DistributedJobRegistry } from "../../ingest/jobs/bullmq/distributed-job-registry.js";
import { JobRegistry } from "../../ingest/jobs/job-registry.js";
import { JobRunner } from "../../ingest/jobs/job-runner.js";

describe("job engine choice (RG_REDIS_URL)", () => {
  it("runs jobs in-process when RG_REDIS_URL is unset or blank, on either store", () => {
    for (const env of [{}, { RG_REDIS_URL: "  " }]) {
      for (const kind of ["embedded", "neo4j"]) {
        const registry = jobRegistryFor({ runner: new JobRunner() }, kind, env);
        expect(registry).toBeInstanceOf(JobRegistry);
        expect(registry).not.toBeInstanceOf(DistributedJobRegistry);
      }
    }
  });

  it("refuses distributed jobs on the embedded store, naming the fix", () => {
    const attempt = () => jobRegistryFor({ runner: new JobRunner() }, "embedded", { RG_REDIS_URL: "redis://127.0.0.1:6379" });
    expect(attempt).toThrow(BadUserInputError);
    expect(attempt).toThrow(/--neo4j bolt:\/\/HOST:PORT, or unset RG_REDIS_URL/);
  });
});
