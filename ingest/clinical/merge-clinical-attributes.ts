// Merging one source's attributes into what a patient already holds. A re-ingest of a source replaces
// all of that source's entries and leaves other sources' alone. On a name collision the source that
// holds the plain name keeps it (so signatures fitted on it keep their meaning) and the newcomer is
// stored under the source-qualified name `NAME [source]`; both values stay readable and usable as targets.
import { qualifiedName, type ClinicalAttributes } from "./clinical-attribute.js";

export function mergeClinicalAttributes(existing: ClinicalAttributes | null | undefined, incoming: ClinicalAttributes, source: string): ClinicalAttributes {
  const kept: ClinicalAttributes = {};
  for (const [name, entry] of Object.entries(existing ?? {})) if (entry && entry.source !== source) kept[name] = entry;
  const merged: ClinicalAttributes = { ...kept };
  for (const name of Object.keys(incoming).sort()) {
    const entry = { ...incoming[name]!, source };
    merged[name in kept ? qualifiedName(name, source) : name] = entry;
  }
  return sortedByName(merged);
}

function sortedByName(attributes: ClinicalAttributes): ClinicalAttributes {
  return Object.fromEntries(Object.entries(attributes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
