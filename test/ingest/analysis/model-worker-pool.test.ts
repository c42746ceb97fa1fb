// The model pool computes exactly what the inline fits compute, rethrows a fit's typed error as the
// same class and code, and a cancelled fit leaves no worker busy. (Workers load dist/: npm test builds first.)
import { afterAll, describe, expect, it } from "vitest";
import { ModelWorkerPool } from "../../../ingest/analysis/model-worker-pool.js";
import { inlineModelRunners } from "../../../ingest/analysis/model-runners.js";
import { matrix } from "../../../compute/stats/index.js";
import { StatsInputError } from "../../../compute/stats/stats-errors.js";
import { SeededRandom } from "../../../compute/seeded-random.js";

const pool = new ModelWorkerPool({ size: 2, maxQueued: 1 });
afterAll(() => pool.close());

function data(n: number, p: number, seed: number) {
  const rng = new SeededRandom(seed);
  const X = matrix(n, p, Float64Array.from({ length: n * p }, () => rng.next() * 2 - 1));
  const y = Uint8Array.from({ length: n }, (_, i) => (X.data[i * p]! + rng.next() - 0.5 > 0 ? 1 : 0));
  const time = Float64Array.from({ length: n }, (_, i) => 1 + Math.round(100 * rng.next() * Math.exp(-X.data[i * p]!)));
  const event = Float64Array.from({ length: n }, () => (rng.next() < 0.7 ? 1 : 0));
  return { X, y, survival: { time, event } };
}

describe("ModelWorkerPool", () => {
  const { X, y, survival } = data(60, 6, 3);
  const options = { seed: 5, outerFolds: 3, innerFolds: 3, lambdaCount: 10 };

  it("gives the inline results of nested-CV logistic, univariate Cox and ComBat, several fits at once", async () => {
    const runners = pool.runners();
    const batch = Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? "a" : i % 3 === 1 ? "b" : "c"));
    const features = matrix(6, 60, X.data.slice()); // features × samples for ComBat
    const [logistic, cox, harmonised] = await Promise.all([runners.nestedCrossValidatedLogistic(X, y, options), runners.univariateCox(X, survival), runners.combat(features, batch)]);
    expect(logistic).toEqual(await inlineModelRunners.nestedCrossValidatedLogistic(X, y, options));
    expect(cox).toEqual(await inlineModelRunners.univariateCox(X, survival));
    expect(harmonised).toEqual(await inlineModelRunners.combat(features, batch));
    expect(X.data.length).toBe(360); // inputs are copied, not detached: the caller keeps its matrix
    expect(pool.activeTasks).toBe(0);
  });

  it("rethrows a single-class fit's error as the same typed class and code", async () => {
    const single = new Uint8Array(60);
    const inline = await inlineModelRunners.nestedCrossValidatedLogistic(X, single, options).catch((e: unknown) => e);
    const pooled = await pool.runners().nestedCrossValidatedLogistic(X, single, options).catch((e: unknown) => e);
    expect(inline).toBeInstanceOf(StatsInputError);
    expect(pooled).toBeInstanceOf(StatsInputError);
    expect(pooled).toMatchObject({ code: "BAD_USER_INPUT", message: (inline as Error).message, details: (inline as StatsInputError).details });
  });

  it("a cancelled fit terminates its worker: nothing stays busy and the pool keeps working", async () => {
    const big = data(400, 150, 9);
    const controller = new AbortController();
    const running = pool.runners(controller.signal).nestedCrossValidatedLogistic(big.X, big.y, { seed: 1, outerFolds: 5, innerFolds: 5, lambdaCount: 50, permutations: 50 });
    const queued = pool.runners(controller.signal).nestedCrossValidatedLogistic(big.X, big.y, { seed: 2, outerFolds: 5, innerFolds: 5, lambdaCount: 50, permutations: 50 });
    setTimeout(() => controller.abort(new Error("deadline")), 200);
    await expect(running).rejects.toThrow("deadline");
    await expect(queued).rejects.toThrow("deadline");
    expect(pool.activeTasks).toBe(0);
    expect(await pool.runners().univariateCox(X, survival)).toEqual(await inlineModelRunners.univariateCox(X, survival));
  });

  it("refuses a fit beyond the bounded queue with RATE_LIMITED", async () => {
    const big = data(200, 50, 4);
    const controller = new AbortController();
    const slow = () => pool.runners(controller.signal).nestedCrossValidatedLogistic(big.X, big.y, { seed: 1, permutations: 50 });
    const started = [slow(), slow(), slow()]; // two running, one queued (maxQueued 1)
    await expect(slow()).rejects.toMatchObject({ code: "RATE_LIMITED" });
    controller.abort(new Error("done"));
    await Promise.allSettled(started);
    expect(pool.activeTasks).toBe(0);
  });
});
