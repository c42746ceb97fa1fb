// Order and moment statistics of a sorted sample, shared by the intensity-statistics and
// intensity-histogram families (IBSI defines both families with the same formulas).

/**
 * Percentile with linear interpolation between order statistics (numpy's default, type 7) in numpy's own
 * arithmetic (numpy 2.4 numpy.percentile, method 'linear' and _lerp): virtual index (n − 1)·q (numpy's
 * 'linear' method, not the generic _compute_virtual_index n·q + (1 − q) − 1, which can differ in the last bit),
 * and b − (b − a)(1 − t) from t ≥ ½, so tied order statistics give exactly their value. pyradiomics keeps the voxels
 * in [P10, P90] for the robust mean absolute deviation: one ulp above a tied P10 would drop all of them.
 */
export function percentile(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const q = p / 100;
  const virtual = (n - 1) * q;
  if (virtual >= n - 1) return sorted[n - 1]!;
  if (virtual < 0) return sorted[0]!;
  const lower = Math.floor(virtual);
  const t = virtual - lower;
  const a = sorted[lower]!, b = sorted[lower + 1]!;
  const d = b - a;
  return t >= 0.5 ? b - d * (1 - t) : a + d * t;
}

/** The median as numpy.median takes it: the middle value, or the mean of the two middle values. */
export function medianOfSorted(sorted: Float64Array): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = n >> 1;
  return n % 2 === 1 ? sorted[h]! : (sorted[h - 1]! + sorted[h]!) / 2;
}

/** Moments and order statistics computed once and shared by every formula of a family. */
export interface SampleSummary {
  readonly count: number;
  readonly sorted: Float64Array;
  readonly mean: number;
  /** Central moments m2, m3, m4 (population). */
  readonly m2: number;
  readonly m3: number;
  readonly m4: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly p10: number;
  readonly p25: number;
  readonly p75: number;
  readonly p90: number;
  readonly sumOfSquares: number;
  /** Mean absolute deviation from the mean. */
  readonly meanAbsoluteDeviation: number;
  /** Mean absolute deviation from the mean, over values within [P10, P90]. */
  readonly robustMeanAbsoluteDeviation: number;
  /** Mean absolute deviation from the median. */
  readonly medianAbsoluteDeviation: number;
}

export function summarise(sorted: Float64Array): SampleSummary {
  const n = sorted.length;
  let sum = 0;
  let sumOfSquares = 0;
  for (let v = 0; v < n; v++) { sum += sorted[v]!; sumOfSquares += sorted[v]! * sorted[v]!; }
  const mean = sum / n;
  let m2 = 0, m3 = 0, m4 = 0, mad = 0;
  for (let v = 0; v < n; v++) {
    const d = sorted[v]! - mean;
    const d2 = d * d;
    m2 += d2; m3 += d2 * d; m4 += d2 * d2; mad += Math.abs(d);
  }
  const median = medianOfSorted(sorted);
  const p10 = percentile(sorted, 10);
  const p90 = percentile(sorted, 90);
  let robustSum = 0, robustCount = 0;
  for (let v = 0; v < n; v++) if (sorted[v]! >= p10 && sorted[v]! <= p90) { robustSum += sorted[v]!; robustCount++; }
  const robustMean = robustSum / robustCount;
  let robustMad = 0, medianMad = 0;
  for (let v = 0; v < n; v++) {
    const x = sorted[v]!;
    if (x >= p10 && x <= p90) robustMad += Math.abs(x - robustMean);
    medianMad += Math.abs(x - median);
  }
  return {
    count: n, sorted, mean,
    m2: m2 / n, m3: m3 / n, m4: m4 / n,
    median, min: sorted[0]!, max: sorted[n - 1]!,
    p10, p25: percentile(sorted, 25), p75: percentile(sorted, 75), p90,
    sumOfSquares,
    meanAbsoluteDeviation: mad / n,
    robustMeanAbsoluteDeviation: robustMad / robustCount,
    medianAbsoluteDeviation: medianMad / n,
  };
}
