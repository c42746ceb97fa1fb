// Checks records against the model before anything is written, so bad input fails whole and early.
import { BadUserInputError } from "../compute/errors.js";
import type { NodeSpec, PropertyKind } from "./nodes-and-relationships.js";

function fits(kind: PropertyKind, value: unknown): boolean {
  switch (kind) {
    case "string":
      return typeof value === "string";
    case "int":
      return Number.isSafeInteger(value);
    case "float":
      return typeof value === "number" && Number.isFinite(value);
    case "boolean":
      return typeof value === "boolean";
    case "floatList":
      return Array.isArray(value) && value.every((v) => typeof v === "number" && Number.isFinite(v));
    case "stringList":
      return Array.isArray(value) && value.every((v) => typeof v === "string");
    case "json":
      return true;
  }
}

export function validateRecords(spec: NodeSpec, records: ReadonlyArray<Record<string, unknown>>, requiredLinks: string[] = []): void {
  records.forEach((record, index) => {
    const key = record[spec.key];
    if (typeof key !== "string" || key.trim() === "")
      throw new BadUserInputError(`${spec.label} record #${index} has no ${spec.key}`, { label: spec.label, index });
    for (const link of requiredLinks) {
      if (typeof record[link] !== "string" || record[link] === "")
        throw new BadUserInputError(`${spec.label} '${key}' has no ${link}`, { label: spec.label, key, field: link });
    }
    for (const [name, property] of Object.entries(spec.properties)) {
      const value = record[name];
      if (value === undefined || value === null) continue;
      if (!fits(property.kind, value))
        throw new BadUserInputError(`${spec.label} '${key}': ${name} must be ${property.kind}, got ${JSON.stringify(value)}`, {
          label: spec.label,
          key,
          field: name,
        });
    }
  });
}
