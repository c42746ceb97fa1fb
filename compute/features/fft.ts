// Complex FFTs (1D and 3D) on split real/imaginary Float64Arrays, of any length: radix-2 iterative fast path
// for powers of two, recursive mixed radix otherwise — fast for 5-smooth lengths; a larger prime factor p
// costs O(p) per output at its level (a prime length is a direct DFT), so pad to nextFastLength where you can.

export function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/** Smallest n' >= n with no prime factor above 5 — FFT-friendly, and much tighter than a power of two. */
export function nextFastLength(n: number): number {
  for (let m = Math.max(1, n); ; m++) {
    let r = m;
    for (const p of [2, 3, 5]) while (r % p === 0) r /= p;
    if (r === 1) return m;
  }
}

function smallestPrimeFactor(n: number): number {
  for (let p = 2; p * p <= n; p++) if (n % p === 0) return p;
  return n;
}

function largestPrimeFactor(n: number): number {
  let largest = 1;
  for (let r = n; r > 1; ) { const p = smallestPrimeFactor(r); largest = p; r /= p; }
  return Math.max(largest, 2);
}

function radix2(re: Float64Array, im: Float64Array, inverse: boolean): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      let t = re[i]!; re[i] = re[j]!; re[j] = t;
      t = im[i]!; im[i] = im[j]!; im[j] = t;
    }
  }
  for (let len = 2; len <= n; len *= 2) {
    const angle = ((inverse ? 2 : -2) * Math.PI) / len;
    const wr = Math.cos(angle), wi = Math.sin(angle);
    for (let start = 0; start < n; start += len) {
      let cr = 1, ci = 0;
      for (let k = 0; k < len / 2; k++) {
        const a = start + k, b = a + len / 2;
        const xr = re[b]! * cr - im[b]! * ci, xi = re[b]! * ci + im[b]! * cr;
        re[b] = re[a]! - xr; im[b] = im[a]! - xi;
        re[a]! += xr; im[a]! += xi;
        const nr = cr * wr - ci * wi;
        ci = cr * wi + ci * wr;
        cr = nr;
      }
    }
  }
}

/** Mixed-radix plan for one length: twiddles exp(∓2πi j / n) and scratch buffers. */
class MixedRadix {
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;
  private readonly outRe: Float64Array;
  private readonly outIm: Float64Array;
  // Butterfly inputs (p ≤ the largest prime factor), shared by every level: a level fills them only after its sub-transforms return.
  private readonly tRe: Float64Array;
  private readonly tIm: Float64Array;
  constructor(private readonly n: number) {
    this.tRe = new Float64Array(largestPrimeFactor(n));
    this.tIm = new Float64Array(this.tRe.length);
    this.cos = Float64Array.from({ length: n }, (_, j) => Math.cos((2 * Math.PI * j) / n));
    this.sin = Float64Array.from({ length: n }, (_, j) => Math.sin((2 * Math.PI * j) / n));
    this.outRe = new Float64Array(n);
    this.outIm = new Float64Array(n);
  }

  run(re: Float64Array, im: Float64Array, inverse: boolean): void {
    this.step(re, im, 0, 1, this.n, 0, inverse ? 1 : -1);
    re.set(this.outRe);
    im.set(this.outIm);
  }

  /** Writes the DFT of in[offset + t·stride], t < n, to out[outOffset .. outOffset + n). */
  private step(re: Float64Array, im: Float64Array, offset: number, stride: number, n: number, outOffset: number, sign: number): void {
    const oRe = this.outRe, oIm = this.outIm;
    if (n === 1) { oRe[outOffset] = re[offset]!; oIm[outOffset] = im[offset]!; return; }
    const p = smallestPrimeFactor(n);
    const m = n / p;
    for (let q = 0; q < p; q++) this.step(re, im, offset + q * stride, stride * p, m, outOffset + q * m, sign);
    const scale = this.n / n; // twiddle index step for a sub-transform of length n
    const tRe = this.tRe, tIm = this.tIm;
    if (p === 2) return this.butterfly2(outOffset, m, scale, sign);
    for (let k = 0; k < m; k++) {
      for (let q = 0; q < p; q++) { tRe[q] = oRe[outOffset + q * m + k]!; tIm[q] = oIm[outOffset + q * m + k]!; }
      for (let s = 0; s < p; s++) {
        const index = k + s * m;
        let accRe = 0, accIm = 0;
        for (let q = 0, qi = 0; q < p; q++, qi = (qi + index) % n) {
          const j = qi * scale;
          const wr = this.cos[j]!, wi = sign * this.sin[j]!;
          accRe += tRe[q]! * wr - tIm[q]! * wi;
          accIm += tRe[q]! * wi + tIm[q]! * wr;
        }
        oRe[outOffset + index] = accRe;
        oIm[outOffset + index] = accIm;
      }
    }
  }

  /** Radix-2 combine: X_k = E_k + w^k O_k, X_{k+m} = E_k - w^k O_k, w = exp(∓2πi / n). */
  private butterfly2(outOffset: number, m: number, scale: number, sign: number): void {
    const oRe = this.outRe, oIm = this.outIm;
    for (let k = 0; k < m; k++) {
      const e = outOffset + k, o = e + m;
      const wr = this.cos[k * scale]!, wi = sign * this.sin[k * scale]!;
      const xr = oRe[o]! * wr - oIm[o]! * wi, xi = oRe[o]! * wi + oIm[o]! * wr;
      oRe[o] = oRe[e]! - xr; oIm[o] = oIm[e]! - xi;
      oRe[e]! += xr; oIm[e]! += xi;
    }
  }
}

/** In-place FFT of any length (fast for 5-smooth ones); inverse = true computes the unnormalised inverse. */
export function fft1d(re: Float64Array, im: Float64Array, inverse: boolean, plan?: MixedRadix): void {
  const n = re.length;
  if ((n & (n - 1)) === 0) radix2(re, im, inverse);
  else (plan ?? new MixedRadix(n)).run(re, im, inverse);
}

/** In-place 3D FFT over a grid of size [px, py, pz] (any lengths; 5-smooth are fast), x fastest. Inverse is normalised. */
export function fft3d(re: Float64Array, im: Float64Array, size: readonly [number, number, number], inverse: boolean): void {
  const [px, py, pz] = size;
  const strides = [1, px, px * py];
  const lengths = [px, py, pz];
  for (let axis = 0; axis < 3; axis++) {
    const n = lengths[axis]!, stride = strides[axis]!;
    if (n === 1) continue;
    const plan = (n & (n - 1)) === 0 ? undefined : new MixedRadix(n);
    const bufRe = new Float64Array(n), bufIm = new Float64Array(n);
    const [ua, wa] = axis === 0 ? [1, 2] : axis === 1 ? [0, 2] : [0, 1];
    for (let w = 0; w < lengths[wa]!; w++) for (let u = 0; u < lengths[ua]!; u++) {
      const base = u * strides[ua]! + w * strides[wa]!;
      for (let t = 0; t < n; t++) { bufRe[t] = re[base + t * stride]!; bufIm[t] = im[base + t * stride]!; }
      fft1d(bufRe, bufIm, inverse, plan);
      for (let t = 0; t < n; t++) { re[base + t * stride] = bufRe[t]!; im[base + t * stride] = bufIm[t]!; }
    }
  }
  if (inverse) {
    const scale = 1 / (px * py * pz);
    for (let i = 0; i < re.length; i++) { re[i]! *= scale; im[i]! *= scale; }
  }
}
