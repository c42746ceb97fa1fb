// Count matrices shared by the texture families: dense (grey level × column) with a voxel count, and a
// sparse variant for zone sizes, which can reach the ROI size.

/** Anything whose non-zero entries (grey level i >= 1, column j >= 1, count n) can be enumerated. */
export interface CountEntries {
  /** Ng: grey levels run 1..levelCount. */
  readonly levelCount: number;
  /** Largest column index j that may hold counts. */
  maxColumn(): number;
  /** N_v: voxels the matrix was built from (summed when matrices merge). */
  readonly voxelCount: number;
  forEach(visit: (i: number, j: number, n: number) => void): void;
}

/** Dense Ng × J counts; entry (i, j) (both 1-based) at (i - 1) * J + (j - 1). */
export class DenseCountMatrix implements CountEntries {
  readonly data: Float64Array;
  voxelCount = 0;
  constructor(readonly levelCount: number, readonly columns: number) {
    this.data = new Float64Array(levelCount * columns);
  }
  maxColumn(): number { return this.columns; }
  add(i: number, j: number, n = 1): void { this.data[(i - 1) * this.columns + (j - 1)]! += n; }
  reset(): void { this.data.fill(0); this.voxelCount = 0; }
  merge(other: DenseCountMatrix): void {
    for (let x = 0; x < this.data.length; x++) this.data[x]! += other.data[x]!;
    this.voxelCount += other.voxelCount;
  }
  forEach(visit: (i: number, j: number, n: number) => void): void {
    const J = this.columns;
    for (let x = 0; x < this.data.length; x++) {
      const n = this.data[x]!;
      if (n !== 0) visit(Math.floor(x / J) + 1, (x % J) + 1, n);
    }
  }
}

/** Sparse counts keyed by (i, j), for columns without a useful bound (zone sizes). */
export class SparseCountMatrix implements CountEntries {
  private readonly counts = new Map<number, number>();
  private largestColumn = 0;
  voxelCount = 0;
  constructor(readonly levelCount: number) {}
  maxColumn(): number { return this.largestColumn; }
  add(i: number, j: number, n = 1): void {
    const key = j * (this.levelCount + 1) + i;
    this.counts.set(key, (this.counts.get(key) ?? 0) + n);
    if (j > this.largestColumn) this.largestColumn = j;
  }
  reset(): void { this.counts.clear(); this.largestColumn = 0; this.voxelCount = 0; }
  merge(other: SparseCountMatrix): void {
    other.forEach((i, j, n) => this.add(i, j, n));
    this.voxelCount += other.voxelCount;
  }
  forEach(visit: (i: number, j: number, n: number) => void): void {
    const stride = this.levelCount + 1;
    for (const [key, n] of this.counts) visit(key % stride, Math.floor(key / stride), n);
  }
}
