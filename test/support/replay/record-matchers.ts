// Compares records to fixture truth: order-insensitive, floats to 9 decimals.

export function sortedBy<T>(records: Iterable<T>, key: (record: T) => string): T[] {
  return [...records].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Rounds every float so records computed in a different order compare equal. */
export function rounded<T>(value: T): T {
  if (typeof value === "number") return (Number.isInteger(value) ? value : Math.round(value * 1e9) / 1e9) as T;
  if (Array.isArray(value)) return value.map(rounded) as T;
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)])) as T;
  return value;
}

export async function collect<T>(items: AsyncIterable<T> | Iterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
