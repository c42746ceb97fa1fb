// Cox partial log-likelihood with Efron's tie correction, its gradient and Hessian (one pass over the
// rows in descending time; risk-set sums accumulated as the time falls).
//   ll = Σ_t [ Σ_{i∈D_t} ηᵢ − Σ_{l=0}^{d−1} log(R_t − (l/d) D_t) ],  R = Σ_{risk} e^η, D = Σ_{tied events} e^η.

/** Rows sorted by time, descending (ties kept together). */
export function descendingTimeOrder(time: ArrayLike<number>): Uint32Array {
  return Uint32Array.from({ length: time.length }, (_, i) => i).sort((a, b) => time[b]! - time[a]!);
}

export interface EfronValues {
  ll: number;
  gradient: Float64Array;
  /** −∂²ll (information), p × p row-major. */
  information: Float64Array;
}

/** Z: n × p row-major (already standardised), beta: p; order from descendingTimeOrder. */
export function efronValues(Z: Float64Array, n: number, p: number, time: ArrayLike<number>, event: ArrayLike<number>, order: Uint32Array, beta: Float64Array, withHessian = true): EfronValues {
  const gradient = new Float64Array(p), information = new Float64Array(p * p);
  const S1 = new Float64Array(p), S2 = new Float64Array(p * p), D1 = new Float64Array(p), D2 = new Float64Array(p * p);
  const a1 = new Float64Array(p);
  let S0 = 0, ll = 0;
  for (let s = 0; s < n; ) {
    const t = time[order[s]!]!;
    let D0 = 0, d = 0;
    D1.fill(0);
    if (withHessian) D2.fill(0);
    while (s < n && time[order[s]!] === t) {
      const i = order[s++]!;
      const row = i * p;
      let eta = 0;
      for (let j = 0; j < p; j++) eta += Z[row + j]! * beta[j]!;
      const w = Math.exp(eta);
      S0 += w;
      for (let j = 0; j < p; j++) S1[j]! += w * Z[row + j]!;
      if (withHessian) for (let j = 0; j < p; j++) { const wz = w * Z[row + j]!; for (let k = 0; k <= j; k++) S2[j * p + k]! += wz * Z[row + k]!; }
      if (event[i] === 1) {
        d++;
        ll += eta;
        D0 += w;
        for (let j = 0; j < p; j++) { D1[j]! += w * Z[row + j]!; gradient[j]! += Z[row + j]!; }
        if (withHessian) for (let j = 0; j < p; j++) { const wz = w * Z[row + j]!; for (let k = 0; k <= j; k++) D2[j * p + k]! += wz * Z[row + k]!; }
      }
    }
    for (let l = 0; l < d; l++) {
      const phi = l / d;
      const a0 = S0 - phi * D0;
      ll -= Math.log(a0);
      for (let j = 0; j < p; j++) { a1[j] = S1[j]! - phi * D1[j]!; gradient[j]! -= a1[j]! / a0; }
      if (withHessian) for (let j = 0; j < p; j++) for (let k = 0; k <= j; k++) {
        information[j * p + k]! += (S2[j * p + k]! - phi * D2[j * p + k]!) / a0 - (a1[j]! * a1[k]!) / (a0 * a0);
      }
    }
  }
  if (withHessian) for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) information[k * p + j] = information[j * p + k]!;
  return { ll, gradient, information };
}
