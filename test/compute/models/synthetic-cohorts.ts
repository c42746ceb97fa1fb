// Seeded synthetic cohorts for the model tests: pure noise, and planted logistic signals.
import { SeededRandom } from "../../../compute/seeded-random.js";
import type { Matrix } from "../../../compute/stats/matrix.js";

/** n × p standard-normal features and labels independent of them (exactly `positives` positives). */
export function noiseCohort(n: number, p: number, positives: number, seed: number): { X: Matrix; y: Uint8Array } {
  const rng = new SeededRandom(seed);
  const data = new Float64Array(n * p);
  for (let k = 0; k < data.length; k++) data[k] = rng.normal();
  const y = new Uint8Array(n);
  y.fill(1, 0, positives);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [y[i], y[j]] = [y[j]!, y[i]!];
  }
  return { X: { rows: n, cols: p, data }, y };
}

/** Features 0 … effects.length−1 drive the log-odds; the rest are noise; columns get unequal scales. */
export function plantedCohort(n: number, p: number, effects: readonly number[], seed: number): { X: Matrix; y: Uint8Array } {
  const rng = new SeededRandom(seed);
  const data = new Float64Array(n * p);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let eta = 0;
    for (let j = 0; j < p; j++) {
      const z = rng.normal();
      if (j < effects.length) eta += effects[j]! * z;
      data[i * p + j] = 10 + (1 + (j % 7)) * z; // scale and offset differ by column
    }
    y[i] = rng.next() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
  }
  return { X: { rows: n, cols: p, data }, y };
}
