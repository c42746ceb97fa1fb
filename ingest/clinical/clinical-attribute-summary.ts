// What a researcher can choose as a target in a cohort: every attribute with a value for at least one
// patient (Patient fields and ingested clinicalAttributes, as clinical-target.ts reads them), how many
// patients have it, its kind, its levels with counts (text / yes-no attributes; numbers get their range
// instead), and the sources and releases it came from.
import type * as M from "../../graph-model/model/records.js";
import { attributesOf } from "../analysis/clinical-target.js";

export interface ClinicalAttributeLevelCount {
  value: string;
  patients: number;
}

export interface ClinicalAttributeSummary {
  name: string;
  /** "number", "string" or "boolean"; "mixed" when patients disagree. */
  kind: string;
  patients: number;
  /** Levels by patient count (then value); empty for numbers. */
  levels: ClinicalAttributeLevelCount[];
  min: number | null;
  max: number | null;
  sources: string[];
}

export function clinicalAttributeSummary(patients: readonly M.Patient[]): ClinicalAttributeSummary[] {
  const byName = new Map<string, { kinds: Set<string>; values: (string | number | boolean)[]; sources: Set<string> }>();
  for (const patient of patients)
    for (const [name, entry] of Object.entries(attributesOf(patient))) {
      if (entry.value === null) continue;
      const held = byName.get(name) ?? { kinds: new Set(), values: [], sources: new Set() };
      held.kinds.add(typeof entry.value);
      held.values.push(entry.value);
      held.sources.add(`${entry.source ?? "unknown"}${entry.dataRelease ? ` ${entry.dataRelease}` : ""}`);
      byName.set(name, held);
    }
  return [...byName].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, held]) => {
    const kind = held.kinds.size === 1 ? [...held.kinds][0]! : "mixed";
    const numbers = kind === "number" ? (held.values as number[]) : [];
    return {
      name, kind, patients: held.values.length,
      levels: kind === "number" ? [] : levelCounts(held.values.map(String)),
      min: numbers.length ? Math.min(...numbers) : null,
      max: numbers.length ? Math.max(...numbers) : null,
      sources: [...held.sources].sort(),
    };
  });
}

function levelCounts(values: string[]): ClinicalAttributeLevelCount[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, patients]) => ({ value, patients })).sort((a, b) => b.patients - a.patients || (a.value < b.value ? -1 : 1));
}
