// C = A · Bᵀ for integer-valued rows that fit in 16 bits (the doubled centred ranks 2r − (m+1) of
// the Spearman kernel, |value| ≤ m − 1), as a WebAssembly SIMD micro-kernel: rows are packed as Int16
// (zero-padded to 8 columns, A to 2 rows, B to 4 rows), and i32x4.dot_i16x8_s does 8 multiply-adds
// per instruction into 2 × 4 blocks of i32x4 accumulators that stay in registers. Exact: every product
// and every lane sum is an integer below 2³¹ (a lane adds m/4 products ≤ (m−1)², so m ≤ 2047), the
// four lanes are added in float64, so the sums equal the float64 kernel's bit for bit.
// The module is assembled below (no toolchain, nothing downloaded) and compiled once per thread.

/** Largest inner dimension the kernel takes: (m/4)·(m−1)² < 2³¹ per i32 lane. */
export const INT16_PRODUCT_MAX_INNER = 2047;

// ---- a tiny assembler for the one function ----
const I32 = 0x7f;
const V128 = 0x7b;
const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
};
const sleb = (n: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) return [...out, byte];
    out.push(byte | 0x80);
  }
};
const get = (i: number) => [0x20, ...uleb(i)];
const set = (i: number) => [0x21, ...uleb(i)];
const i32c = (v: number) => [0x41, ...sleb(v)];
const add = [0x6a];
const mul = [0x6c];
const geU = [0x4f];
const simd = (op: number, ...imm: number[]) => [0xfd, ...uleb(op), ...imm];
const v128Load = simd(0x00, 4, 0); // align 2⁴, offset 0
const v128Zero = simd(0x0c, ...new Array<number>(16).fill(0));
const dot = simd(0xba); // i32x4.dot_i16x8_s
const addI32x4 = simd(0xae); // i32x4.add
const lane = (l: number) => simd(0x1b, l); // i32x4.extract_lane
const f64FromI32 = [0xb7]; // f64.convert_i32_s
const f64Add = [0xa0];
const f64Store = (offset: number) => [0x39, 3, ...uleb(offset)];
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];

/** (aPtr, aRows, bPtr, bRows, rowBytes, outPtr, outRowBytes): aRows even, bRows ÷ 4, rowBytes ÷ 16. */
function kernelBody(): number[] {
  const [aPtr, aRows, bPtr, bRows, rowBytes, outPtr, outRowBytes] = [0, 1, 2, 3, 4, 5, 6];
  const [j, i, kb, pa0, pa1, pb0, pb1, pb2, pb3, po] = [7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
  const [a0, a1, b0, b1, b2, b3] = [17, 18, 19, 20, 21, 22];
  const acc = (r: number, c: number) => 23 + r * 4 + c; // 8 accumulators
  const load = (ptr: number) => [...get(ptr), ...get(kb), ...add, ...v128Load];
  const hsum = (v: number) => [...get(v), ...lane(0), ...f64FromI32, ...get(v), ...lane(1), ...f64FromI32, ...f64Add, ...get(v), ...lane(2), ...f64FromI32, ...f64Add, ...get(v), ...lane(3), ...f64FromI32, ...f64Add];
  const code: number[] = [
    ...i32c(0), ...set(j),
    0x02, 0x40, 0x03, 0x40, // block, loop over j (4 B rows)
    ...get(j), ...get(bRows), ...geU, 0x0d, 1,
    ...get(bPtr), ...get(j), ...get(rowBytes), ...mul, ...add, ...set(pb0),
    ...get(pb0), ...get(rowBytes), ...add, ...set(pb1),
    ...get(pb1), ...get(rowBytes), ...add, ...set(pb2),
    ...get(pb2), ...get(rowBytes), ...add, ...set(pb3),
    ...i32c(0), ...set(i),
    0x02, 0x40, 0x03, 0x40, // block, loop over i (2 A rows)
    ...get(i), ...get(aRows), ...geU, 0x0d, 1,
    ...get(aPtr), ...get(i), ...get(rowBytes), ...mul, ...add, ...set(pa0),
    ...get(pa0), ...get(rowBytes), ...add, ...set(pa1),
    ...[0, 1].flatMap((r) => [0, 1, 2, 3].flatMap((c) => [...v128Zero, ...set(acc(r, c))])),
    ...i32c(0), ...set(kb),
    0x02, 0x40, 0x03, 0x40, // block, loop over k (8 columns = 16 bytes)
    ...get(kb), ...get(rowBytes), ...geU, 0x0d, 1,
    ...load(pa0), ...set(a0), ...load(pa1), ...set(a1),
    ...load(pb0), ...set(b0), ...load(pb1), ...set(b1), ...load(pb2), ...set(b2), ...load(pb3), ...set(b3),
    ...[a0, a1].flatMap((a, r) => [b0, b1, b2, b3].flatMap((b, c) => [...get(acc(r, c)), ...get(a), ...get(b), ...dot, ...addI32x4, ...set(acc(r, c))])),
    ...get(kb), ...i32c(16), ...add, ...set(kb),
    0x0c, 0, 0x0b, 0x0b, // br loop k; end loop; end block
    ...get(outPtr), ...get(i), ...get(outRowBytes), ...mul, ...add, ...get(j), ...i32c(8), ...mul, ...add, ...set(po),
    ...[0, 1, 2, 3].flatMap((c) => [...get(po), ...hsum(acc(0, c)), ...f64Store(8 * c)]),
    ...get(po), ...get(outRowBytes), ...add, ...set(po),
    ...[0, 1, 2, 3].flatMap((c) => [...get(po), ...hsum(acc(1, c)), ...f64Store(8 * c)]),
    ...get(i), ...i32c(2), ...add, ...set(i),
    0x0c, 0, 0x0b, 0x0b,
    ...get(j), ...i32c(4), ...add, ...set(j),
    0x0c, 0, 0x0b, 0x0b,
    0x0b, // end function
  ];
  const locals = vec([[...uleb(10), I32], [...uleb(6 + 8), V128]]);
  const body = [...locals, ...code];
  return [...uleb(body.length), ...body];
}

function moduleBytes(): Uint8Array {
  const type = section(1, vec([[0x60, ...vec([[I32], [I32], [I32], [I32], [I32], [I32], [I32]]), 0]]));
  const func = section(3, vec([uleb(0)]));
  const memory = section(5, vec([[0x00, ...uleb(16)]])); // 16 pages (1 MiB) to start, grown as needed
  const exports = section(7, vec([[...vec([..."gemm"].map((ch) => [ch.charCodeAt(0)])), 0x00, 0], [...vec([..."memory"].map((ch) => [ch.charCodeAt(0)])), 0x02, 0]]));
  const code = section(10, vec([kernelBody()]));
  return Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...type, ...func, ...memory, ...exports, ...code]);
}

// The slice of the WebAssembly JS API used here (the project's lib has no DOM/WebAssembly types).
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { readonly exports: unknown };
}
const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

interface Kernel {
  readonly gemm: (aPtr: number, aRows: number, bPtr: number, bRows: number, rowBytes: number, outPtr: number, outRowBytes: number) => void;
  readonly memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
}

let kernel: Kernel | null | undefined;

/** The compiled kernel of this thread, or null where WebAssembly SIMD is not available. */
function loadKernel(): Kernel | null {
  if (kernel !== undefined) return kernel;
  const bytes = moduleBytes();
  if (wasm === undefined || !wasm.validate(bytes)) return (kernel = null);
  const instance = new wasm.Instance(new wasm.Module(bytes));
  kernel = instance.exports as unknown as Kernel;
  return kernel;
}

/** True when the SIMD kernel can take an inner dimension of `inner` on this thread. */
export function int16ProductAvailable(inner: number): boolean {
  return inner <= INT16_PRODUCT_MAX_INNER && loadKernel() !== null;
}

const roundUp = (x: number, to: number): number => Math.ceil(x / to) * to;

/** Copies `rows` rows of `inner` values into Int16 rows of `padded` (zero-filled past `inner`, and padding rows). */
function pack(src: Float64Array, rows: number, paddedRows: number, inner: number, padded: number, dst: Int16Array): void {
  for (let r = 0; r < rows; r++) {
    const s = r * inner;
    const d = r * padded;
    for (let k = 0; k < inner; k++) dst[d + k] = src[s + k]!;
    dst.fill(0, d + inner, d + padded);
  }
  dst.fill(0, rows * padded, paddedRows * padded);
}

/**
 * out[i · outStride + j] = Σ_k a[i·inner + k] · b[j·inner + k], like multiplyABt, for integer values
 * with |value| < 2¹⁵ and inner ≤ INT16_PRODUCT_MAX_INNER (check int16ProductAvailable first).
 */
export function multiplyABtInt16(a: Float64Array, aRows: number, b: Float64Array, bRows: number, inner: number, out: Float64Array, outStride: number = bRows): void {
  const k = loadKernel();
  if (k === null || inner > INT16_PRODUCT_MAX_INNER) throw new RangeError("multiplyABtInt16: kernel unavailable for this inner dimension");
  const padded = roundUp(Math.max(inner, 1), 8);
  const aP = roundUp(aRows, 2);
  const bP = roundUp(bRows, 4);
  const aBytes = aP * padded * 2;
  const bBytes = bP * padded * 2;
  const outBytes = aP * bP * 8;
  const need = aBytes + bBytes + outBytes;
  const have = k.memory.buffer.byteLength;
  if (need > have) k.memory.grow(Math.ceil((need - have) / 65536));
  const buffer = k.memory.buffer;
  pack(a, aRows, aP, inner, padded, new Int16Array(buffer, 0, aP * padded));
  pack(b, bRows, bP, inner, padded, new Int16Array(buffer, aBytes, bP * padded));
  const outPtr = aBytes + bBytes; // a multiple of 16
  k.gemm(0, aP, aBytes, bP, padded * 2, outPtr, bP * 8);
  const c = new Float64Array(buffer, outPtr, aP * bP);
  for (let i = 0; i < aRows; i++) {
    const o = i * outStride;
    const s = i * bP;
    for (let j = 0; j < bRows; j++) out[o + j] = c[s + j]!;
  }
}
