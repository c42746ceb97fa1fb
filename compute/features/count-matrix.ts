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

/**
 * Dense Ng × J counts; entry (i, j) (both 1-based) at (i - 1) * J + (j - 1). Non-zero cells are tracked,
 * so reset, merge and enumeration cost O(non-zero cells), not O(Ng · J) — fine discretisations (hundreds
 * of grey levels) stay cheap even for per-slice matrices.
 */
export class DenseCountMatrix implements CountEntries {
  readonly data: Float64Array;
  private touched: Int32Array = new Int32Array(64);
  private touchedCount = 0;
  voxelCount = 0;
  constructor(readonly levelCount: number, readonly columns: number) {
    this.data = new Float64Array(levelCount * columns);
  }
  maxColumn(): number { return this.columns; }
  private addAt(x: number, n: number): void {
    if (this.data[x] === 0) {
      if (this.touchedCount === this.touched.length) {
        const grown = new Int32Array(this.touched.length * 2);
        grown.set(this.touched);
        this.touched = grown;
      }
      this.touched[this.touchedCount++] = x;
    }
    this.data[x]! += n;
  }
  add(i: number, j: number, n = 1): void {
    if (i < 1 || i > this.levelCount || j < 1 || j > this.columns) throw new RangeError(`count matrix cell (${i}, ${j}) outside ${this.levelCount} × ${this.columns}`);
    this.addAt((i - 1) * this.columns + (j - 1), n);
  }
  reset(): void {
    for (let t = 0; t < this.touchedCount; t++) this.data[this.touched[t]!] = 0;
    this.touchedCount = 0;
    this.voxelCount = 0;
  }
  merge(other: DenseCountMatrix): void {
    for (let t = 0; t < other.touchedCount; t++) { const x = other.touched[t]!; this.addAt(x, other.data[x]!); }
    this.voxelCount += other.voxelCount;
  }
  /**
   * A square matrix counted one way round (i, j) made symmetric: (i, j) and (j, i) both become c_ij + c_ji.
   * Cells are re-inserted in their first-touch order, each with its mirror, so the order (and every sum over
   * the cells) is that of adding both orientations as the voxels are scanned.
   */
  symmetrise(): void {
    const n = this.columns;
    const cells = this.touched.slice(0, this.touchedCount);
    const values = Float64Array.from(cells, (x) => this.data[x]!);
    const voxels = this.voxelCount;
    this.reset();
    this.voxelCount = voxels;
    for (let t = 0; t < cells.length; t++) {
      const x = cells[t]!, i = Math.floor(x / n), j = x - i * n;
      this.addAt(x, values[t]!);
      this.addAt(j * n + i, values[t]!);
    }
  }
  /** Flat indices of the non-zero cells (in insertion order). */
  nonZeroCells(): Int32Array { return this.touched.subarray(0, this.touchedCount); }
  forEach(visit: (i: number, j: number, n: number) => void): void {
    const J = this.columns;
    for (let t = 0; t < this.touchedCount; t++) {
      const x = this.touched[t]!;
      visit(Math.floor(x / J) + 1, (x % J) + 1, this.data[x]!);
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
