// The GDC `filters` grammar (reference §1.3).

export type GdcLeafOp = "=" | "!=" | "<" | "<=" | ">" | ">=" | "in" | "is" | "not" | "exclude" | "excludeifany";
export type GdcFilter =
  | { op: "and" | "or"; content: GdcFilter[] }
  | { op: GdcLeafOp; content: { field: string; value: string | number | (string | number)[] } };

export function allOf(...filters: GdcFilter[]): GdcFilter {
  return { op: "and", content: filters };
}

export function fieldIn(field: string, values: readonly (string | number)[]): GdcFilter {
  return { op: "in", content: { field, value: [...values] } };
}

export function fieldEquals(field: string, value: string | number): GdcFilter {
  return { op: "=", content: { field, value } };
}
