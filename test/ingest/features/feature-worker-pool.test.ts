// The worker pool computes exactly what the in-process code computes, runs tasks on every worker,
// and turns a worker's failure into the same typed error. (Workers load dist/: npm test builds first.)
import { afterAll, describe, expect, it } from "vitest";
import { computeFeatures } from "../../../compute/features/compute-features.js";
import { demoLesionImage } from "../../../ingest/demo/demo-lesion-images.js";
import { FeatureWorkerPool } from "../../../ingest/features/feature-worker-pool.js";

const pool = new FeatureWorkerPool(2);
afterAll(() => pool.close());

const settings = { discretisation: { method: "fixedBinNumber", binCount: 16 } } as const;

describe("FeatureWorkerPool", () => {
  it("gives the in-process results for several lesions at once", async () => {
    const ids = ["a:1", "b:1", "c:1", "d:1"];
    const expected = ids.map((id) => {
      const { volume, mask } = demoLesionImage(id, 0.3, "CT");
      return computeFeatures(volume, mask, settings, ["glcm", "intensity_statistics"]);
    });
    const actual = await Promise.all(
      ids.map((id) => {
        const { volume, mask } = demoLesionImage(id, 0.3, "CT");
        return pool.compute(volume, mask, settings, ["glcm", "intensity_statistics"]);
      }),
    );
    expect(actual).toEqual(expected);
  });

  it("reports invalid settings as the same typed error", async () => {
    const { volume, mask } = demoLesionImage("e:1", 0, "MR");
    await expect(pool.compute(volume, mask, { discretisation: { method: "fixedBinNumber", binCount: 16 }, glcmDistance: 0 }, ["glcm"])).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      message: expect.stringContaining("glcmDistance"),
    });
  });

  it("stops a cancelled task's worker and starts a replacement only when the next task needs it", async () => {
    const heavy = { discretisation: { method: "fixedBinNumber", binCount: 64 } } as const;
    const controller = new AbortController();
    const { volume, mask } = demoLesionImage("f:1", 1, "CT");
    const running = pool.compute(volume, mask, heavy, ["glcm", "glrlm", "glszm", "gldzm", "ngtdm", "ngldm", "morphology"], controller.signal);
    controller.abort(new Error("deadline"));
    await expect(running).rejects.toThrow("deadline");
    expect(pool.activeTasks).toBe(0);
    expect(pool.aliveWorkers).toBe(1); // the cancelled task's worker is gone, none started in its place
    const task = () => {
      const image = demoLesionImage("g:1", 0.3, "CT"); // each task gets its own buffers: they are transferred
      return pool.compute(image.volume, image.mask, settings, ["intensity_statistics"]);
    };
    const [a, b] = await Promise.all([task(), task()]);
    expect(a).toEqual(b);
    expect(pool.aliveWorkers).toBe(2); // two tasks at once: the pool grew back to its size
  });
});
