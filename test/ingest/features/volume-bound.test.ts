// The feature service never holds more decoded lesion volumes than its permits allow (RG_MAX_LIVE_VOLUMES),
// whatever the job's concurrency: a cohort job over the demo cohort's real lesions (generated image + mask,
// computed IBSI features, stored in the embedded store) runs 6 lesions at once against a bound of 2, with an
// instrumented image source counting the volumes loaded and not yet through their computation. Inline and on
// the worker-thread pool (the pool needs `npm run build`); a failing load, a cancelled job and a passed
// request deadline each give their permit back. The `worker` command and `serve` share one set per process.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeProfileFeatures } from "../../../compute/features/profile-features.js";
import type { FeatureFamily } from "../../../compute/features/types.js";
import { RequestDeadline, withRequestDeadline } from "../../../compute/request-deadline.js";
import type { GraphStore } from "../../../graph-model/graph-store.js";
import type { Lesion } from "../../../graph-model/model/records.js";
import { demoCohort } from "../../../ingest/demo/demo-cohort.js";
import { DemoLesionImages } from "../../../ingest/demo/demo-lesion-images.js";
import { loadCohort } from "../../../ingest/demo/load-demo.js";
import { cohortFeatureJob } from "../../../ingest/features/feature-job.js";
import { FeatureService } from "../../../ingest/features/feature-service.js";
import { settingsKey } from "../../../ingest/features/feature-settings-key.js";
import type { FeatureComputer } from "../../../ingest/features/feature-task.js";
import { FeatureWorkerPool } from "../../../ingest/features/feature-worker-pool.js";
import type { LesionImage, LesionImageSource } from "../../../ingest/features/lesion-image-source.js";
import { maxLiveVolumesFromEnv, processVolumePermits, VolumePermits } from "../../../ingest/features/volume-permits.js";
import { JobRunner } from "../../../ingest/jobs/job-runner.js";
import { createServices } from "../../../cli/services.js";
import { createLogger } from "../../../cli/logger.js";
import { embeddedStore } from "../../support/stores.js";

const SETTINGS = { discretisation: { method: "fixedBinNumber", binCount: 16 } } as const;
const FAMILIES: FeatureFamily[] = ["intensity_statistics", "glcm"];
const BOUND = 2;
const CONCURRENCY = 6;

/** Volumes loaded and not yet through their computation, now and at most. */
class LiveVolumes {
  now = 0;
  peak = 0;
  loaded = 0;
  up(): void {
    this.now++;
    this.loaded++;
    this.peak = Math.max(this.peak, this.now);
  }
  down(): void {
    this.now--;
  }
}

/** The demo images, counted when a load hands out a volume; `failFor` lesions fail to load. */
function countingSource(inner: LesionImageSource, live: LiveVolumes, failFor = new Set<string>()): LesionImageSource {
  return {
    serves: (lesion) => inner.serves(lesion),
    load: async (lesion: Lesion): Promise<LesionImage> => {
      if (failFor.has(lesion.id)) throw new Error(`archive unreachable for ${lesion.id}`);
      const image = await inner.load(lesion);
      live.up();
      return image;
    },
  };
}

/**
 * Makes lesions contend for memory (the demo images load synchronously, an archive's never do): a loaded
 * volume is handed on only once `crowd` volumes are live, or someone waits for a permit (the bound holds the
 * rest back), or every load has begun (the job's tail). No timing: the conditions are polled each turn.
 */
function contending(inner: LesionImageSource, live: LiveVolumes, permits: VolumePermits, total: number, crowd: number): LesionImageSource {
  let begun = 0;
  return {
    serves: (lesion) => inner.serves(lesion),
    load: async (lesion) => {
      begun++;
      const image = await inner.load(lesion);
      while (live.now < crowd && permits.queued === 0 && begun < total) await new Promise((resolve) => setImmediate(resolve));
      return image;
    },
  };
}

/** The computation, releasing the counted volume however it ends. */
function countingComputer(inner: FeatureComputer, live: LiveVolumes): FeatureComputer {
  return (volume, mask, settings, families, signal) => inner(volume, mask, settings, families, signal).finally(() => live.down());
}

const inline: FeatureComputer = async (volume, mask, settings, families) => computeProfileFeatures(volume, mask, settings, families);

describe("bounded live volumes per process (VolumePermits)", () => {
  it("grants at most max permits, in arrival order, and a waiter whose signal aborts leaves the queue", async () => {
    const permits = new VolumePermits(2);
    const a = await permits.acquire();
    const b = await permits.acquire();
    const order: string[] = [];
    const c = permits.acquire().then((release) => (order.push("c"), release));
    const controller = new AbortController();
    const d = permits.acquire(controller.signal);
    const e = permits.acquire().then((release) => (order.push("e"), release));
    expect(permits.held).toBe(2);
    expect(permits.queued).toBe(3);
    controller.abort(new Error("cancelled"));
    await expect(d).rejects.toThrow("cancelled");
    expect(permits.queued).toBe(2);
    a();
    a(); // a second release gives nothing back twice
    (await c)();
    b();
    (await e)();
    expect(order).toEqual(["c", "e"]);
    expect(permits.held).toBe(0);
    expect(permits.highWater).toBe(2);
    await expect(permits.acquire(AbortSignal.abort(new Error("already gone")))).rejects.toThrow("already gone");
    expect(permits.held).toBe(0);
  });

  it("reads RG_MAX_LIVE_VOLUMES, else half the RAM over the per-computation memory cap", () => {
    expect(maxLiveVolumesFromEnv({ RG_MAX_LIVE_VOLUMES: "3" }, 2 ** 34)).toBe(3);
    expect(maxLiveVolumesFromEnv({}, 16 * 2 ** 30)).toBe(8);
    expect(maxLiveVolumesFromEnv({ RG_MAX_FEATURE_MEMORY_MB: "4096" }, 16 * 2 ** 30)).toBe(2);
    expect(maxLiveVolumesFromEnv({}, 2 ** 29)).toBe(1);
    expect(() => maxLiveVolumesFromEnv({ RG_MAX_LIVE_VOLUMES: "0" })).toThrow(/RG_MAX_LIVE_VOLUMES/);
    expect(() => maxLiveVolumesFromEnv({ RG_MAX_LIVE_VOLUMES: "two" })).toThrow(/RG_MAX_LIVE_VOLUMES/);
  });

  it("is one set per process, shared by every FeatureService (serve's jobs and requests, the worker command's tasks)", async () => {
    const store = await embeddedStore.open();
    try {
      const services = createServices(store, createLogger("silent"));
      expect(services.features.permits).toBe(processVolumePermits());
      expect(new FeatureService(store, []).permits).toBe(processVolumePermits());
    } finally {
      await embeddedStore.dispose(store);
    }
  });

  describe("a cohort feature job over the demo lesions (embedded store)", () => {
    const records = demoCohort();
    let store: GraphStore;
    let pool: FeatureWorkerPool;

    beforeAll(async () => {
      store = await embeddedStore.open();
      await loadCohort(store, records);
      pool = new FeatureWorkerPool(3);
    }, 120_000);

    afterAll(async () => {
      await pool?.close();
      if (store) await embeddedStore.dispose(store);
    });

    /** A fresh settings variant per run, so no run finds another's stored values. */
    const settingsOf = (run: number) => ({ ...SETTINGS, discretisation: { method: "fixedBinNumber", binCount: 16 + run } }) as const;

    for (const [name, run, computer] of [["inline", 0, () => inline], ["on the worker-thread pool", 1, () => pool.compute]] as const) {
      it(`computes every lesion with ${CONCURRENCY} at once yet at most ${BOUND} volumes live (${name})`, async () => {
        const { live, permits, report } = await runCohort(run, computer(), BOUND);
        expect(report).toMatchObject({ status: "SUCCEEDED", progress: { total: records.lesions.length, done: records.lesions.length, failed: 0 } });
        expect(records.lesions.length).toBeGreaterThan(CONCURRENCY);
        expect(live.loaded).toBe(records.lesions.length);
        expect(live.peak).toBeLessThanOrEqual(BOUND);
        expect(permits.highWater).toBe(BOUND);
        expect(permits.held).toBe(0);
        const stored = await store.featuresOfLesions(records.lesions.map((l) => l.id), settingsKey(settingsOf(run)).hash);
        for (const lesion of records.lesions) expect(stored.get(lesion.id)?.length ?? 0).toBeGreaterThan(10);
      }, 300_000);
    }

    it("the count sees more than the bound when the permits allow it (the instrumented loader detects a breach)", async () => {
      const { live, report } = await runCohort(5, inline, 100);
      expect(report.status).toBe("SUCCEEDED");
      expect(live.peak).toBeGreaterThan(BOUND);
    }, 300_000);

    async function runCohort(run: number, computer: FeatureComputer, max: number) {
      const live = new LiveVolumes();
      const permits = new VolumePermits(max);
      const source = contending(countingSource(new DemoLesionImages(records), live), live, permits, records.lesions.length, BOUND + 1);
      const service = new FeatureService(store, [source], countingComputer(computer, live), undefined, undefined, permits);
      const job = await cohortFeatureJob(store, service, { filter: {}, settings: settingsOf(run), families: FAMILIES });
      return { live, permits, report: await new JobRunner({ concurrency: CONCURRENCY }).run(job) };
    }

    it("gives the permit back when a lesion's load fails (the job ends PARTIAL with that lesion's error)", async () => {
      const live = new LiveVolumes();
      const permits = new VolumePermits(1);
      const failing = new Set(records.lesions.slice(0, 3).map((l) => l.id));
      const service = new FeatureService(store, [countingSource(new DemoLesionImages(records), live, failing)], countingComputer(inline, live), undefined, undefined, permits);
      const job = await cohortFeatureJob(store, service, { filter: {}, settings: settingsOf(2), families: ["intensity_statistics"] });
      const report = await new JobRunner({ concurrency: CONCURRENCY }).run(job);
      expect(report.status).toBe("PARTIAL");
      expect(report.progress).toMatchObject({ failed: failing.size, done: records.lesions.length - failing.size });
      expect(report.errors.map((e) => e.key).sort()).toEqual([...failing].sort());
      expect(live.peak).toBe(1);
      expect(permits.held).toBe(0);
      expect(permits.queued).toBe(0);
    }, 300_000);

    it("gives every permit back and leaves no waiter when the job is cancelled mid-way", async () => {
      const live = new LiveVolumes();
      const permits = new VolumePermits(1);
      const controller = new AbortController();
      const cancelling: FeatureComputer = async (volume, mask, settings, families, signal) => {
        // The first computation cancels the job: the others are waiting for the one permit.
        if (live.loaded === 1) controller.abort(new Error("job cancelled"));
        return inline(volume, mask, settings, families, signal);
      };
      const service = new FeatureService(store, [countingSource(new DemoLesionImages(records), live)], countingComputer(cancelling, live), undefined, undefined, permits);
      const job = await cohortFeatureJob(store, service, { filter: {}, settings: settingsOf(3), families: ["intensity_statistics"] });
      const report = await new JobRunner({ concurrency: CONCURRENCY }).run(job, { signal: controller.signal });
      expect(report.status).toBe("CANCELLED");
      expect(live.loaded).toBeLessThan(records.lesions.length);
      expect(permits.held).toBe(0);
      expect(permits.queued).toBe(0);
    }, 300_000);

    it("a request whose deadline passes while it waits for a permit leaves the queue and loads nothing", async () => {
      const live = new LiveVolumes();
      const permits = new VolumePermits(1);
      const hold = await permits.acquire();
      const service = new FeatureService(store, [countingSource(new DemoLesionImages(records), live)], countingComputer(inline, live), undefined, undefined, permits);
      const deadline = new RequestDeadline(0);
      const request = withRequestDeadline(deadline, () => service.featuresOf({ lesionId: records.lesions[0]!.id, settings: settingsOf(4), families: ["intensity_statistics"] }));
      // Wait (no timing: by polling the permits' own queue) until the request is queued for a permit.
      while (permits.queued === 0) await new Promise((resolve) => setImmediate(resolve));
      deadline.abort(new Error("deadline passed"));
      await expect(request).rejects.toThrow("deadline passed");
      expect(permits.queued).toBe(0);
      hold();
      expect(permits.held).toBe(0);
      expect(live.loaded).toBe(0);
    }, 60_000);
  });
});
