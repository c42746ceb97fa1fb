// Blocked dense product C = A · Bᵀ of two row-major Float64Array matrices sharing their row length.
//
// Both operands are read along contiguous rows (the inner dimension k is contiguous in A and in B),
// four rows of A against four rows of B at a time: 16 accumulators stay in registers while each
// loaded element is used four times, and a 4 × k strip of each operand stays in L1.

/**
 * out[i * outStride + j] = Σ_k a[i·k0 + k] · b[j·k0 + k] for i < aRows, j < bRows, where k0 = inner.
 */
export function multiplyABt(
  a: Float64Array,
  aRows: number,
  b: Float64Array,
  bRows: number,
  inner: number,
  out: Float64Array,
  outStride: number = bRows,
): void {
  const n = inner;
  let j = 0;
  for (; j + 4 <= bRows; j += 4) {
    const b0 = j * n;
    const b1 = b0 + n;
    const b2 = b1 + n;
    const b3 = b2 + n;
    let i = 0;
    for (; i + 4 <= aRows; i += 4) {
      const a0 = i * n;
      const a1 = a0 + n;
      const a2 = a1 + n;
      const a3 = a2 + n;
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
      let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
      let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let k = 0; k < n; k++) {
        const x0 = a[a0 + k]!, x1 = a[a1 + k]!, x2 = a[a2 + k]!, x3 = a[a3 + k]!;
        const y0 = b[b0 + k]!, y1 = b[b1 + k]!, y2 = b[b2 + k]!, y3 = b[b3 + k]!;
        c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
        c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
        c20 += x2 * y0; c21 += x2 * y1; c22 += x2 * y2; c23 += x2 * y3;
        c30 += x3 * y0; c31 += x3 * y1; c32 += x3 * y2; c33 += x3 * y3;
      }
      let o = i * outStride + j;
      out[o] = c00; out[o + 1] = c01; out[o + 2] = c02; out[o + 3] = c03;
      o += outStride;
      out[o] = c10; out[o + 1] = c11; out[o + 2] = c12; out[o + 3] = c13;
      o += outStride;
      out[o] = c20; out[o + 1] = c21; out[o + 2] = c22; out[o + 3] = c23;
      o += outStride;
      out[o] = c30; out[o + 1] = c31; out[o + 2] = c32; out[o + 3] = c33;
    }
    for (; i < aRows; i++) {
      const a0 = i * n;
      let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
      for (let k = 0; k < n; k++) {
        const x = a[a0 + k]!;
        c0 += x * b[b0 + k]!; c1 += x * b[b1 + k]!; c2 += x * b[b2 + k]!; c3 += x * b[b3 + k]!;
      }
      const o = i * outStride + j;
      out[o] = c0; out[o + 1] = c1; out[o + 2] = c2; out[o + 3] = c3;
    }
  }
  for (; j < bRows; j++) {
    const b0 = j * n;
    for (let i = 0; i < aRows; i++) {
      const a0 = i * n;
      let c = 0;
      for (let k = 0; k < n; k++) c += a[a0 + k]! * b[b0 + k]!;
      out[i * outStride + j] = c;
    }
  }
}
