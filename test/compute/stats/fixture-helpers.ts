// Shared helpers for the statistics tests: load a JSON fixture, decode numbers, compare with tolerance.
import { readFileSync } from "node:fs";
import { expect } from "vitest";

export type JsonNumber = number | null | "inf" | "-inf";

/** Reads test/compute/stats/fixtures/<name>. */
export function loadFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8")) as T;
}

/** Decodes the fixture encoding of a float (null = NaN, "inf"/"-inf"). */
export function decode(x: JsonNumber): number {
  if (x === null) return NaN;
  if (x === "inf") return Infinity;
  if (x === "-inf") return -Infinity;
  return x;
}

export function decodeAll(xs: readonly JsonNumber[]): Float64Array {
  return Float64Array.from(xs, decode);
}

/** |actual − expected| ≤ max(rel·|expected|, abs); exact match for infinities. */
export function expectClose(actual: number, expected: number, rel = 1e-9, abs = 0, label = ""): void {
  if (!Number.isFinite(expected)) {
    expect(actual, label).toBe(expected);
    return;
  }
  const tol = Math.max(rel * Math.abs(expected), abs);
  const err = Math.abs(actual - expected);
  if (!(err <= tol)) {
    expect.fail(`${label} actual ${actual} expected ${expected} (error ${err} > tolerance ${tol})`);
  }
}
