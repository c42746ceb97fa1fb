// GDC search semantics over in-memory documents (reference §1.2–1.4): the filters grammar, `fields`
// projection, `sort`, `from`/`size` paging and the `{data:{hits,pagination},warnings}` envelope.

type Doc = Record<string, unknown>;

export class GdcQueryError extends Error {}

export interface GdcSearchParams {
  filters?: unknown;
  fields?: string;
  sort?: string;
  from?: number;
  size?: number;
}

export function gdcSearch(entity: string, docs: Doc[], params: GdcSearchParams) {
  const filter = parseFilters(params.filters);
  const matched = docs.filter((doc) => filter === null || matches(entity, doc, filter));
  const sorted = params.sort ? sortDocs(entity, matched, params.sort) : matched;
  const from = params.from ?? 0;
  const size = params.size ?? 10;
  const page = sorted.slice(from, from + size);
  const fields = params.fields ? params.fields.split(",").map((f) => f.trim()).filter(Boolean) : null;
  return {
    data: {
      hits: page.map((doc) => (fields ? project(doc, ["id", ...fields]) : doc)),
      pagination: { count: page.length, total: sorted.length, size, from, sort: params.sort ?? "", page: size > 0 ? Math.floor(from / size) + 1 : 1, pages: size > 0 ? Math.ceil(sorted.length / size) : 1 },
    },
    warnings: {},
  };
}

function parseFilters(filters: unknown): Doc | null {
  if (filters === undefined || filters === null || filters === "") return null;
  if (typeof filters === "string") {
    try {
      return JSON.parse(filters) as Doc;
    } catch {
      throw new GdcQueryError(`filters is not valid JSON: ${filters.slice(0, 60)}`);
    }
  }
  return filters as Doc;
}

function matches(entity: string, doc: Doc, node: Doc): boolean {
  const op = node.op;
  if (op === "and" || op === "or") {
    if (!Array.isArray(node.content)) throw new GdcQueryError(`'${op}' needs an array of filters`);
    const results = (node.content as Doc[]).map((child) => matches(entity, doc, child));
    return op === "and" ? results.every(Boolean) : results.some(Boolean);
  }
  const content = node.content as { field?: string; value?: unknown } | undefined;
  if (!content || typeof content.field !== "string") throw new GdcQueryError(`filter ${JSON.stringify(node)} lacks content.field`);
  const values = valuesAt(doc, relativePath(entity, content.field));
  const wanted = Array.isArray(content.value) ? content.value : [content.value];
  const equal = (v: unknown) => wanted.some((w) => globEquals(String(w), String(v)));
  switch (op) {
    case "=": case "in": return values.some(equal);
    case "!=": case "exclude": return !values.some(equal);
    case "is": return values.length === 0;
    case "not": return values.length > 0;
    case ">": case ">=": case "<": case "<=": return values.some((v) => compare(op, Number(v), Number(wanted[0])));
    default: throw new GdcQueryError(`unknown filter op '${String(op)}'`);
  }
}

function compare(op: string, a: number, b: number): boolean {
  return op === ">" ? a > b : op === ">=" ? a >= b : op === "<" ? a < b : a <= b;
}

function globEquals(pattern: string, value: string): boolean {
  if (!pattern.includes("*")) return pattern === value;
  const regex = new RegExp(`^${pattern.split("*").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
  return regex.test(value);
}

/** `files.data_type` on /files and `cases.project.project_id` on /cases name the entity itself. */
function relativePath(entity: string, field: string): string[] {
  const parts = field.split(".");
  return parts[0] === entity ? parts.slice(1) : parts;
}

function valuesAt(value: unknown, path: string[]): unknown[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((item) => valuesAt(item, path));
  if (path.length === 0) return [value];
  if (typeof value !== "object") return [];
  return valuesAt((value as Doc)[path[0]!], path.slice(1));
}

function sortDocs(entity: string, docs: Doc[], sort: string): Doc[] {
  const [field, direction = "asc"] = sort.split(":");
  const key = (doc: Doc) => String(valuesAt(doc, relativePath(entity, field!))[0] ?? "");
  const sign = direction === "desc" ? -1 : 1;
  return [...docs].sort((a, b) => sign * (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Keeps only the dotted paths asked for; arrays keep their elements, each projected. */
export function project(doc: unknown, paths: string[]): unknown {
  if (Array.isArray(doc)) return doc.map((item) => project(item, paths));
  if (doc === null || typeof doc !== "object") return doc;
  const out: Doc = {};
  const byHead = new Map<string, string[] | "whole">();
  for (const path of paths) {
    const [head, ...rest] = path.split(".");
    const known = byHead.get(head!);
    if (rest.length === 0 || known === "whole") byHead.set(head!, "whole");
    else byHead.set(head!, [...(known ?? []), rest.join(".")]);
  }
  for (const [head, rest] of byHead) {
    if (!(head in (doc as Doc))) continue;
    const value = (doc as Doc)[head];
    out[head] = rest === "whole" ? value : project(value, rest);
  }
  return out;
}
