// The two places where Neo4j's and Ladybug's Cypher differ for our queries: how a typed parameter is
// read, and how a value is sent. Ladybug infers one struct type per UNWIND list, so a list mixing 3 and
// 3.5 is rejected; it therefore receives every scalar as a string and casts it back in the query.
import type { PropertyKind } from "../model/properties.js";

export interface Dialect {
  readonly name: "neo4j" | "ladybug";
  /** Cypher expression reading a parameter of this kind, e.g. `r.age` or `CAST(r.age AS DOUBLE)`. */
  read(kind: PropertyKind, expression: string): string;
  /** The value to send for a property of this kind. */
  encode(kind: PropertyKind, value: unknown): unknown;
  /** The value read back for a property of this kind. */
  decode(kind: PropertyKind, value: unknown): unknown;
}

const LADYBUG_TYPES: Record<PropertyKind, string> = {
  string: "STRING",
  int: "INT64",
  float: "DOUBLE",
  boolean: "BOOLEAN",
  floatList: "DOUBLE[]",
  stringList: "STRING[]",
  json: "STRING",
};

export function ladybugType(kind: PropertyKind): string {
  return LADYBUG_TYPES[kind];
}

function decodeJson(kind: PropertyKind, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return kind === "json" && typeof value === "string" ? JSON.parse(value) : value;
}

export const neo4jDialect: Dialect = {
  name: "neo4j",
  read: (kind, expression) => (kind === "int" ? `toInteger(${expression})` : expression),
  encode: (kind, value) => {
    if (value === undefined || value === null) return null;
    return kind === "json" ? JSON.stringify(value) : value;
  },
  decode: decodeJson,
};

export const ladybugDialect: Dialect = {
  name: "ladybug",
  read: (kind, expression) => (kind === "string" || kind === "json" ? expression : `CAST(${expression} AS ${ladybugType(kind)})`),
  encode: (kind, value) => {
    if (value === undefined || value === null) return null;
    switch (kind) {
      case "string":
        return String(value);
      case "json":
        return JSON.stringify(value);
      case "floatList":
      case "stringList":
        return JSON.stringify(value);
      default:
        return String(value);
    }
  },
  decode: decodeJson,
};
