// CSV rows for Ladybug's COPY: every field quoted, quotes doubled, null as an empty field.
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? value : String(value);
  return `"${text.replaceAll('"', '""')}"`;
}

export function csvLine(values: readonly unknown[]): string {
  return values.map(csvField).join(",") + "\n";
}
