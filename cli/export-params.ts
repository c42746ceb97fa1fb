// Query-string parameters of the export endpoints, checked: a malformed value is a BadUserInputError
// (HTTP 400) that names the parameter, never a silent default.
import { BadUserInputError } from "../compute/errors.js";

export type QueryParams = Record<string, unknown>;

/** All values of a parameter, repeated (`?patient=a&patient=b`) or comma-separated (`?patient=a,b`). */
export function listParam(query: QueryParams, name: string): string[] | undefined {
  const raw = query[name];
  if (raw === undefined) return undefined;
  const values = (Array.isArray(raw) ? raw : [raw]).map(String).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
  return values.length ? values : undefined;
}

export function stringParam(query: QueryParams, name: string): string | undefined {
  const values = listParam(query, name);
  if (values && values.length > 1) throw new BadUserInputError(`parameter '${name}' takes one value, got ${values.length}`);
  return values?.[0];
}

export function numberParam(query: QueryParams, name: string, range: { min: number; max: number; integer?: boolean }): number | undefined {
  const text = stringParam(query, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < range.min || value > range.max || (range.integer && !Number.isInteger(value)))
    throw new BadUserInputError(`parameter '${name}' must be ${range.integer ? "an integer" : "a number"} from ${range.min} to ${range.max}, got '${text}'`);
  return value;
}

/** A file name safe in a Content-Disposition header. */
export function safeFileName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, "_");
}
