// CSV rows for Ladybug's COPY: strings quoted with quotes doubled, numbers bare, null as an empty field.
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  const text = typeof value === "string" ? value : String(value);
  return text.includes('"') ? `"${text.replaceAll('"', '""')}"` : `"${text}"`;
}

export function csvLine(values: readonly unknown[]): string {
  let line = "";
  for (let i = 0; i < values.length; i++) line += (i ? "," : "") + csvField(values[i]);
  return line + "\n";
}
