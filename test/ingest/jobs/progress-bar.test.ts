import { describe, expect, it } from "vitest";
import { attachProgressBar, type ProgressBarLike } from "../../../ingest/jobs/progress-bar.js";
import { JobEvents } from "../../../ingest/jobs/job-events.js";
import { JobRunner } from "../../../ingest/jobs/job-runner.js";
import { JobRegistry } from "../../../ingest/jobs/job-registry.js";
import type { CheckpointStore } from "../../../ingest/jobs/checkpoint-store.js";

describe("attachProgressBar", () => {
  it("drives a bar from job events: start with the total, update with failures and the current key, stop", async () => {
    const calls: string[] = [];
    const bar: ProgressBarLike = {
      start: (total, value) => void calls.push(`start ${total} ${value}`),
      update: (value: number, payload?: object) =>
        void calls.push(`update ${value} ${JSON.stringify(payload)}`),
      setTotal: () => undefined,
      stop: () => void calls.push("stop"),
    };
    const events = new JobEvents();
    const detach = attachProgressBar(events, bar);
    await new JobRunner({ concurrency: 1 }).run(
      {
        id: "bar",
        name: "Bar",
        items: ["a", "b"],
        keyOf: (k) => k,
        handle: async (k) => {
          if (k === "b") throw new Error("bad");
        },
      },
      { events },
    );
    detach();
    expect(calls).toEqual([
      "start 2 0",
      'update 0 {"failed":0,"current":"a","upstream":""}',
      'update 1 {"failed":0,"current":"a","upstream":""}',
      'update 1 {"failed":0,"current":"b","upstream":""}',
      'update 2 {"failed":1,"current":"b","upstream":""}',
      "stop",
    ]);
  });
});

describe("JobRegistry when the checkpoint cannot be read", () => {
  it("marks the job FAILED with the reason instead of throwing", async () => {
    const broken: CheckpointStore = {
      load: async () => {
        throw new Error("EACCES: permission denied, open '/data/jobs/x.ckpt'");
      },
      append: async () => undefined,
      close: async () => undefined,
      clear: async () => undefined,
    };
    const registry = new JobRegistry({ runner: new JobRunner({ checkpoints: broken }) });
    const result = await registry.submit({ id: "x", name: "X", items: [1], keyOf: String, handle: async () => {} }).result;
    expect(result.status).toBe("FAILED");
    expect(result.failure?.message).toContain("permission denied");
    expect(registry.get("x")!.status).toBe("FAILED");
  });
});
