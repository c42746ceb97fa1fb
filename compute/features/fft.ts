// In-place radix-2 complex FFT (1D and 3D) on split real/imaginary Float64Arrays.

export function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/** In-place FFT of length n (a power of two); inverse = true computes the unnormalised inverse. */
export function fft1d(re: Float64Array, im: Float64Array, inverse: boolean): void {
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

/** In-place 3D FFT over a grid of size [px, py, pz] (each a power of two), x fastest. Inverse is normalised. */
export function fft3d(re: Float64Array, im: Float64Array, size: readonly [number, number, number], inverse: boolean): void {
  const [px, py, pz] = size;
  const strides = [1, px, px * py];
  const lengths = [px, py, pz];
  for (let axis = 0; axis < 3; axis++) {
    const n = lengths[axis]!, stride = strides[axis]!;
    if (n === 1) continue;
    const bufRe = new Float64Array(n), bufIm = new Float64Array(n);
    const [ua, wa] = axis === 0 ? [1, 2] : axis === 1 ? [0, 2] : [0, 1];
    for (let w = 0; w < lengths[wa]!; w++) for (let u = 0; u < lengths[ua]!; u++) {
      const base = u * strides[ua]! + w * strides[wa]!;
      for (let t = 0; t < n; t++) { bufRe[t] = re[base + t * stride]!; bufIm[t] = im[base + t * stride]!; }
      fft1d(bufRe, bufIm, inverse);
      for (let t = 0; t < n; t++) { re[base + t * stride] = bufRe[t]!; im[base + t * stride] = bufIm[t]!; }
    }
  }
  if (inverse) {
    const scale = 1 / (px * py * pz);
    for (let i = 0; i < re.length; i++) { re[i]! *= scale; im[i]! *= scale; }
  }
}
