// Property kinds the graph stores, with the TypeScript type each maps to. Both adapters derive their
// storage types from these: Neo4j property types / Ladybug column types.

export type PropertyKind = "string" | "int" | "float" | "boolean" | "floatList" | "stringList" | "json";

interface KindToType {
  string: string;
  int: number;
  float: number;
  boolean: boolean;
  floatList: number[];
  stringList: string[];
  /** Stored as a JSON string (filters, settings, parameters); read back as the parsed value. */
  json: unknown;
}

export interface PropertySpec<K extends PropertyKind = PropertyKind> {
  readonly kind: K;
  readonly description: string;
}

function spec<K extends PropertyKind>(kind: K) {
  return (description: string): PropertySpec<K> => ({ kind, description });
}

export const prop = {
  string: spec("string"),
  int: spec("int"),
  float: spec("float"),
  boolean: spec("boolean"),
  floatList: spec("floatList"),
  stringList: spec("stringList"),
  json: spec("json"),
};

export type PropertySpecs = Readonly<Record<string, PropertySpec>>;

/** The record type of a property declaration: the key is required, everything else may be null. */
export type RecordOf<P extends PropertySpecs, Key extends keyof P> = {
  [K in Key]: KindToType[P[K]["kind"]];
} & {
  [K in Exclude<keyof P, Key>]?: KindToType[P[K]["kind"]] | null;
};
