// Deterministic identifiers for the replay cohort.
import type { SeededRandom } from "../../../compute/seeded-random.js";

/** A version-4-looking UUID drawn from the seeded generator. */
export function seededUuid(rng: SeededRandom): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rng.next() * 16).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** cBioPortal's unique keys: unpadded base64url of "<id>:<studyId>" (reference §2.9). */
export function cbioportalKey(id: string, studyId: string): string {
  return Buffer.from(`${id}:${studyId}`).toString("base64url");
}

export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
