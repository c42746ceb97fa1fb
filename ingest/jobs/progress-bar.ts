// Shows a job's progress as a cli-progress bar on stderr (the CLI's view of JobEvents), with what the job
// waited for upstream quotas when it did ("GDC API: 2× 429 (Retry-After 1 s), waited 2.0 s").

import cliProgress from "cli-progress";
import type { JobEvents } from "./job-events.js";
import { describeUpstreamWaits } from "./upstream-waits.js";

/** The part of a cli-progress bar this uses (a SingleBar fits). */
export interface ProgressBarLike {
  start(total: number, startValue: number, payload?: object): void;
  update(value: number, payload?: object): void;
  setTotal(total: number): void;
  stop(): void;
}

/** Starts a bar on the job's `started` event and stops it on `finished`; returns the unsubscribe. */
export function attachProgressBar(events: JobEvents, bar: ProgressBarLike = defaultBar()): () => void {
  let active = false;
  const unsubscribe = [
    events.on("started", (job) => {
      active = true;
      bar.start(job.progress.total ?? 0, 0, { failed: 0, current: "", upstream: "" });
    }),
    events.on("progress", ({ key, progress }) => {
      if (!active) return;
      if (progress.total !== undefined) bar.setTotal(progress.total);
      const waits = describeUpstreamWaits(progress.upstreamWaits);
      bar.update(progress.done + progress.skipped + progress.failed, { failed: progress.failed, current: key, upstream: waits ? ` | ${waits}` : "" });
    }),
    events.on("finished", () => {
      if (active) bar.stop();
      active = false;
    }),
  ];
  return () => unsubscribe.forEach((off) => off());
}

function defaultBar(): cliProgress.SingleBar {
  return new cliProgress.SingleBar(
    { format: "{bar} {value}/{total} | failed {failed}{upstream} | {current}", hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
}
