// Values a careless or hostile client sends: out-of-range numbers, long and odd strings, injection-like
// text. Drawn with a seeded PRNG so a failing run can be replayed from its seed.
import type { SeededRandom } from "../../../compute/seeded-random.js";

export const HOSTILE_INTS = [0, -1, 1, -2147483648, 2147483647, 2147483648, -2147483649, 9007199254740991, 1e12, 10_001, 100_000];
export const HOSTILE_FLOATS = [0, -0, -1, 1e-300, 1e308, -1e308, 0.03, 1e-9, 3.4e38, 123456789.123];

const INJECTIONS = [
  "x' }) MATCH (n) DETACH DELETE n //",
  'x" }) MATCH (n) DETACH DELETE n //',
  "' OR 1=1 --",
  "$id}) CALL db.clearQueryCaches() //",
  "`) DETACH DELETE n //",
  "<script>alert(1)</script>",
  "../../../../etc/passwd",
  "file:///etc/passwd",
  "http://169.254.169.254/latest/meta-data/",
  "%00%0d%0aSet-Cookie: x=1",
  "{{7*7}}${7*7}",
  "__proto__",
  "constructor",
  "TCGA-02-0003\u0000",
];

const UNICODE = ["😀🧬", "\u202Eevil", "Ωμέγα", "名前", "\u0000", "\uFEFF", "a\u0301", "\ud800", "\udfff", "\\u0000", "\t\r\n"];

/** A string: empty, a known id (reaches deeper code), injection-like, unicode, or long (up to ~100k chars). */
export function hostileString(random: SeededRandom, known: readonly string[]): string {
  const roll = random.next();
  if (roll < 0.3 && known.length > 0) return random.pick(known);
  if (roll < 0.45) return random.pick(INJECTIONS);
  if (roll < 0.6) return random.pick(UNICODE).repeat(random.integer(1, 20));
  if (roll < 0.7) return "";
  if (roll < 0.8) return random.pick(["A", "TCGA-", "é", "🧬"]).repeat(random.pick([1_000, 10_000, 100_000]));
  return `fuzz-${random.integer(0, 1e9)}`;
}

export function hostileInt(random: SeededRandom): number {
  return random.next() < 0.6 ? random.pick(HOSTILE_INTS) : random.integer(-50, 200);
}

export function hostileFloat(random: SeededRandom): number {
  return random.next() < 0.6 ? random.pick(HOSTILE_FLOATS) : (random.next() - 0.3) * 10 ** random.integer(-3, 6);
}

/** A value of a type the argument does not have (GraphQL must refuse it as a 400). */
export function wrongTypeValue(random: SeededRandom): unknown {
  return random.pick<unknown>([true, "not-a-number", 1.5, -3, [], [1, "a", null], { nested: { deeper: [1] } }, null, "", 1e400 > 0 ? 1e308 : 0]);
}
