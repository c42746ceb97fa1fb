// GDC writes unknown values as text ("Not Reported", "Unknown", "not reported"); they mean null.
const UNKNOWN = new Set(["not reported", "unknown", "not applicable", "not allowed to collect", "--"]);

export function gdcReported(value: string | null): string | null {
  return value === null || UNKNOWN.has(value.toLowerCase()) ? null : value;
}
