// Loads the reference fixtures of test/compute/models/fixtures (made by make_logistic_fixtures.py).
import { readFileSync } from "node:fs";
import { matrixFromRows, type Matrix } from "../../../compute/stats/matrix.js";

export function loadModelFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8")) as T;
}

export function datasetOf(d: { X: number[][]; y: number[] }): { X: Matrix; y: Uint8Array } {
  return { X: matrixFromRows(d.X), y: Uint8Array.from(d.y) };
}
