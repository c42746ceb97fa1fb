// A cross-validation step's result as JSON and back, bit for bit: typed arrays keep their type, and NaN / ±∞
// (which JSON turns into null) and −0 (which it turns into 0) are spelled out, so a fold stored by one worker and read back by the task that
// assembles the fit gives the numbers it computed (JSON's shortest round-trip form of a double is exact).
type Typed = Float64Array | Float32Array | Uint32Array | Int32Array | Uint8Array;
const TYPED: Record<string, new (values: number[]) => Typed> = { Float64Array, Float32Array, Uint32Array, Int32Array, Uint8Array };

function encodeNumber(v: number): unknown {
  return Number.isFinite(v) && !Object.is(v, -0) ? v : { $n: Object.is(v, -0) ? "-0" : String(v) };
}

export function encodeStep(value: unknown): unknown {
  if (typeof value === "number") return encodeNumber(value);
  if (value === null || typeof value !== "object") return value;
  if (ArrayBuffer.isView(value)) {
    const name = value.constructor.name;
    if (!(name in TYPED)) throw new TypeError(`cannot store a ${name} step value`);
    return { $t: name, v: Array.from(value as Typed, encodeNumber) };
  }
  if (Array.isArray(value)) return value.map(encodeStep);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeStep(v)]));
}

function decodeNumber(v: unknown): number {
  return typeof v === "number" ? v : Number((v as { $n: string }).$n);
}

export function decodeStep(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(decodeStep);
  const record = value as Record<string, unknown>;
  if (typeof record.$n === "string") return Number(record.$n);
  if (typeof record.$t === "string") return new TYPED[record.$t]!((record.v as unknown[]).map(decodeNumber));
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, decodeStep(v)]));
}
