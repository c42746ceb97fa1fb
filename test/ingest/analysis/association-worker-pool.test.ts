// The association pool computes, over worker threads and SharedArrayBuffers, the scipy fixture's cells
// and exactly what the inline runner computes (rho, p, n, status and BH q, bit for bit), on splits
// that are not multiples of any block; a bad input is the same typed error; an abort stops its tasks.
// (Workers load dist/: npm test builds first.)
import { afterAll, describe, expect, it } from "vitest";
import { AssociationWorkerPool, sharedMatrix } from "../../../ingest/analysis/association-worker-pool.js";
import { inlineSpearmanWithQ } from "../../../ingest/analysis/association-runner.js";
import { matrixFromRows, StatsInputError, type Matrix } from "../../../compute/stats/index.js";
import { SeededRandom } from "../../../compute/seeded-random.js";
import { decodeAll } from "../../compute/stats/fixture-helpers.js";
import { expectSpearmanFixtureCells, spearmanFixture } from "../../compute/stats/spearman-fixture.js";

const fixture = spearmanFixture;

// one target row per task at least: even a 3-target case is split over several tasks
const pool = new AssociationWorkerPool({ size: 2, minRowsPerTask: 1 });
afterAll(() => pool.close());

function randomCase(seed: number, F: number, G: number, n: number): { features: Matrix; targets: Matrix } {
  const rng = new SeededRandom(seed);
  const row = (levels: number, missing: number) => Array.from({ length: n }, () => (rng.next() < missing ? NaN : Math.floor(rng.next() * levels)));
  return {
    features: matrixFromRows(Array.from({ length: F }, (_, i) => row(i === 0 ? 1 : 6 + i * 40, i % 3 === 0 ? 0 : 0.1))),
    targets: matrixFromRows(Array.from({ length: G }, (_, j) => row(j % 11 === 0 ? 3 : 400, j % 4 === 0 ? 0 : j % 17 === 0 ? 0.9 : 0.12))),
  };
}

describe("AssociationWorkerPool against scipy.stats.spearmanr", () => {
  for (const c of fixture.cases) {
    it(c.name, async () => {
      const { result } = await pool.spearmanWithQ(matrixFromRows(c.features.map(decodeAll)), matrixFromRows(c.targets.map(decodeAll)));
      expectSpearmanFixtureCells(result, c);
    });
  }
});

describe("AssociationWorkerPool against the inline runner", () => {
  it("gives the same rho, p, n, status and q bit for bit (odd shape, ties, constant row, scattered NaN, n = 501)", async () => {
    const { features, targets } = randomCase(3, 7, 1003, 501);
    const inline = await inlineSpearmanWithQ(features, targets);
    const stages = { ranks: 0, product: 0, p: 0, bh: 0 };
    const pooled = await pool.spearmanWithQ(features, targets, { stages });
    expect(Array.from(pooled.result.rho)).toEqual(Array.from(inline.result.rho));
    expect(Array.from(pooled.result.p)).toEqual(Array.from(inline.result.p));
    expect(Array.from(pooled.result.n)).toEqual(Array.from(inline.result.n));
    expect(Array.from(pooled.result.status)).toEqual(Array.from(inline.result.status));
    expect(Array.from(pooled.bh.q)).toEqual(Array.from(inline.bh.q));
    expect(Array.from(pooled.bh.excluded)).toEqual(Array.from(inline.bh.excluded));
    expect(pooled.bh.m).toBe(inline.bh.m);
    expect(pooled.result.rho.buffer).toBeInstanceOf(SharedArrayBuffer); // written in place by the workers
    expect(stages.ranks + stages.product + stages.p + stages.bh).toBeGreaterThan(0);
    expect(pool.activeTasks).toBe(0);
  });

  it("shares a SharedArrayBuffer matrix as it is and copies a plain one once", () => {
    const plain = matrixFromRows([[1, 2, 3]]);
    const shared = sharedMatrix(plain);
    expect(shared.data.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Array.from(shared.data)).toEqual([1, 2, 3]);
    expect(sharedMatrix(shared)).toBe(shared);
  });

  it("rethrows a bad input as the same typed error", async () => {
    const features = matrixFromRows([[1, 2, 3, 4]]);
    await expect(pool.spearmanWithQ(features, matrixFromRows([[1, 2, 3]]))).rejects.toBeInstanceOf(StatsInputError);
    // minN below 3 is refused by the kernel on the worker and comes back as the same class and code
    const error = await pool.spearmanWithQ(features, features, { minN: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StatsInputError);
    expect((error as StatsInputError).code).toBe("BAD_USER_INPUT");
  });

  it("an aborted signal rejects the run and leaves no task behind", async () => {
    const { features, targets } = randomCase(4, 20, 4000, 300);
    const controller = new AbortController();
    const run = pool.spearmanWithQ(features, targets, { signal: controller.signal });
    controller.abort(new Error("cancelled"));
    await expect(run).rejects.toThrow("cancelled");
    expect(pool.activeTasks).toBe(0);
    const again = await pool.spearmanWithQ(matrixFromRows([[1, 2, 3]]), matrixFromRows([[3, 1, 2]]));
    expect(again.result.rho[0]).toBe(-0.5);
  });
});

describe("AssociationWorkerPool lifecycle", () => {
  it("starts its workers with the first matrix, and refuses work once closed (RATE_LIMITED)", async () => {
    const lazy = new AssociationWorkerPool({ size: 2 });
    expect(lazy.started).toBe(false);
    expect(lazy.activeTasks).toBe(0);
    const { result } = await lazy.spearmanWithQ(matrixFromRows([[1, 2, 3, 4]]), matrixFromRows([[4, 3, 2, 1]]));
    expect(lazy.started).toBe(true);
    expect(result.rho[0]).toBe(-1);
    await lazy.close();
    await expect(lazy.spearmanWithQ(matrixFromRows([[1, 2, 3]]), matrixFromRows([[3, 1, 2]]))).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });

  it("closes without starting when it was never used; an already aborted signal starts nothing", async () => {
    const unused = new AssociationWorkerPool();
    await expect(unused.spearmanWithQ(matrixFromRows([[1, 2, 3]]), matrixFromRows([[3, 1, 2]]), { signal: AbortSignal.abort(new Error("gone")) })).rejects.toThrow("gone");
    expect(unused.started).toBe(false);
    await unused.close();
    expect(unused.started).toBe(false);
  });

  it("the inline runner refuses an already aborted signal the same way", async () => {
    await expect(inlineSpearmanWithQ(matrixFromRows([[1, 2, 3]]), matrixFromRows([[3, 1, 2]]), { signal: AbortSignal.abort(new Error("gone")) })).rejects.toThrow("gone");
  });
});
