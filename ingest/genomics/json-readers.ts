// Tolerant readers for upstream JSON whose fields drift (reference §5.2): a missing or mistyped field
// reads as null or an empty list, never as an exception.

export type Json = Record<string, unknown>;

export function objectAt(value: unknown, key: string): Json | null {
  const child = value !== null && typeof value === "object" ? (value as Json)[key] : undefined;
  return child !== null && typeof child === "object" && !Array.isArray(child) ? (child as Json) : null;
}

export function listAt(value: unknown, key: string): Json[] {
  const child = value !== null && typeof value === "object" ? (value as Json)[key] : undefined;
  return Array.isArray(child) ? child.filter((item): item is Json => item !== null && typeof item === "object") : [];
}

export function stringAt(value: unknown, key: string): string | null {
  const child = value !== null && typeof value === "object" ? (value as Json)[key] : undefined;
  return typeof child === "string" && child.trim() !== "" ? child.trim() : null;
}

export function numberAt(value: unknown, key: string): number | null {
  const child = value !== null && typeof value === "object" ? (value as Json)[key] : undefined;
  const n = typeof child === "string" && child.trim() !== "" ? Number(child) : child;
  return typeof n === "number" && Number.isFinite(n) ? n : null;
}

/** A boolean field; GDC sends some flags as text ("true" / "false", any case) depending on the index, so those are read too. */
export function booleanAt(value: unknown, key: string): boolean | null {
  const child = value !== null && typeof value === "object" ? (value as Json)[key] : undefined;
  if (typeof child === "boolean") return child;
  if (typeof child === "string") {
    const text = child.trim().toLowerCase();
    if (text === "true") return true;
    if (text === "false") return false;
  }
  return null;
}
