// The scale plan's simulation (bench/scale-model.ts) against results known without it: the M/M/1 and
// M/D/1 mean time in system (Kleinrock, Queueing Systems vol. 1, 1975: W = 1/(μ−λ); Pollaczek–Khinchine
// for deterministic service: W = 1/μ + ρ/(2μ(1−ρ))), the exact makespans of the three bottlenecks a
// batch job meets (worker slots, one store writer, a token-bucket rate limit), and shared cores.
// Deterministic inputs and a fixed seed: no clock is read.
import { describe, expect, it } from "vitest";
import { boundOf, simulateJob, taskCostsOf, type JobModel, type MeasuredFigures } from "../../bench/scale-model.js";

const base: JobModel = { tasks: 0, workers: 1, overheadSeconds: 0, workerSeconds: 1, storeSeconds: 0, storeWriters: 1 };

describe("scale model: open queues against queueing theory", () => {
  it("M/M/1 at ρ = 0.5: mean time in system 1/(μ−λ) = 2 s (within 3 % over 2·10^5 tasks)", () => {
    const outcome = simulateJob({ ...base, tasks: 200_000, arrivalsPerSecond: 0.5, service: "exponential", seed: 7 });
    expect(outcome.meanSojournSeconds).toBeGreaterThan(2 * 0.97);
    expect(outcome.meanSojournSeconds).toBeLessThan(2 * 1.03);
    // The server is busy ρ of the time.
    expect(outcome.workerUtilisation).toBeCloseTo(0.5, 1);
  });

  it("M/D/1 at ρ = 0.5: mean time in system 1/μ + ρ/(2μ(1−ρ)) = 1.5 s (within 3 %)", () => {
    const outcome = simulateJob({ ...base, tasks: 200_000, arrivalsPerSecond: 0.5, seed: 11 });
    expect(outcome.meanSojournSeconds).toBeGreaterThan(1.5 * 0.97);
    expect(outcome.meanSojournSeconds).toBeLessThan(1.5 * 1.03);
  });
});

describe("scale model: a batch job's makespan at each bottleneck", () => {
  it("worker slots only: ceil(N/W) rounds of overhead + compute + store write", () => {
    const model = { ...base, tasks: 10, workers: 3, overheadSeconds: 0.25, workerSeconds: 2, storeSeconds: 0.5, storeWriters: 3 };
    expect(simulateJob(model).makespanSeconds).toBeCloseTo(4 * 2.75, 9);
    expect(boundOf(model)).toBe("workers");
  });

  it("one store writer slower than the workers: the first task's compute, then N writes back to back", () => {
    const model = { ...base, tasks: 20, workers: 20, overheadSeconds: 0.1, workerSeconds: 1, storeSeconds: 0.5 };
    const outcome = simulateJob(model);
    expect(outcome.makespanSeconds).toBeCloseTo(1.1 + 20 * 0.5, 9);
    expect(outcome.storeUtilisation).toBeCloseTo((20 * 0.5) / outcome.makespanSeconds, 9);
    expect(boundOf(model)).toBe("store");
  });

  it("an upstream rate limit: the last task's tokens accrue at (N·k − burst)/rate, then it computes", () => {
    const upstream = { requestsPerTask: 40, requestsPerSecond: 5, burst: 10 };
    const model = { ...base, tasks: 50, workers: 50, workerSeconds: 0.5, storeWriters: 50, upstream };
    const outcome = simulateJob(model);
    expect(outcome.makespanSeconds).toBeCloseTo((50 * 40 - 10) / 5 + 0.5, 9);
    // Task j waits ((j+1)·k − burst)/rate: the waits sum to Σ_j ((j+1)·40 − 10)/5.
    const waits = Array.from({ length: 50 }, (_, j) => Math.max(0, ((j + 1) * 40 - 10) / 5)).reduce((s, w) => s + w, 0);
    expect(outcome.upstreamWaitSeconds).toBeCloseTo(waits, 6);
    expect(boundOf(model)).toBe("upstream");
  });

  it("a rate the workers cannot reach never binds: the workers' makespan", () => {
    const upstream = { requestsPerTask: 1, requestsPerSecond: 1000, burst: 1 };
    // 6 rounds of 1 s; the second task of the first round waited 1 ms for its token, and the rounds keep that offset.
    expect(simulateJob({ ...base, tasks: 12, workers: 2, upstream }).makespanSeconds).toBeCloseTo(6.001, 9);
  });

  it("two workers on one shared core take as long as one: N·(compute + write) / cores", () => {
    const model = { ...base, tasks: 8, workers: 2, workerSeconds: 1, storeSeconds: 0.25, storeWriters: 2, cores: 1 };
    expect(simulateJob(model).makespanSeconds).toBeCloseTo(8 * 1.25, 9);
    expect(simulateJob({ ...model, cores: 2 }).makespanSeconds).toBeCloseTo(4 * 1.25, 9);
    // 1.25 cores (others hold 0.75 of two): the work of 8 tasks, 10 core-seconds, over 1.25 cores.
    expect(simulateJob({ ...model, cores: 1.25 }).makespanSeconds).toBeCloseTo(10 / 1.25, 9);
  });

  it("the measured figures split a lesion's time into queue, worker and store shares that add up to it", () => {
    const figures = { workerSecondsPerLesion: 2, queueOverheadSeconds: 0.05, storeCpuPerLesion: 0.5 } as MeasuredFigures;
    const costs = taskCostsOf(figures);
    expect(costs.overheadSeconds + costs.workerSeconds + costs.storeSeconds).toBeCloseTo(2, 12);
    expect(simulateJob({ ...base, tasks: 10, workers: 1, ...costs }).makespanSeconds).toBeCloseTo(20, 9);
  });
});
