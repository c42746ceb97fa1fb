// The served schema as the fuzzer reads it: one introspection query (with union/interface members and
// deep type wrappers), indexed by type name.
export interface FuzzTypeRef {
  kind: string;
  name: string | null;
  ofType: FuzzTypeRef | null;
}

export interface FuzzInputValue {
  name: string;
  type: FuzzTypeRef;
}

export interface FuzzField {
  name: string;
  args: FuzzInputValue[];
  type: FuzzTypeRef;
}

export interface FuzzType {
  kind: string;
  name: string;
  fields: FuzzField[] | null;
  inputFields: FuzzInputValue[] | null;
  enumValues: Array<{ name: string }> | null;
  possibleTypes: Array<{ name: string }> | null;
}

export interface FuzzSchemaJson {
  queryType: { name: string };
  mutationType: { name: string } | null;
  types: FuzzType[];
}

export const FUZZ_INTROSPECTION = `{ __schema { queryType { name } mutationType { name } types { kind name
  fields { name type { ...T } args { name type { ...T } } }
  inputFields { name type { ...T } } enumValues { name } possibleTypes { name } } } }
  fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } }`;

export class FuzzSchema {
  private readonly types: Map<string, FuzzType>;

  constructor(readonly json: FuzzSchemaJson) {
    this.types = new Map(json.types.map((t) => [t.name, t]));
  }

  type(name: string): FuzzType {
    const type = this.types.get(name);
    if (!type) throw new Error(`type ${name} is not in the introspected schema`);
    return type;
  }

  rootFields(operation: "query" | "mutation"): FuzzField[] {
    const root = operation === "query" ? this.json.queryType.name : this.json.mutationType?.name;
    return root ? this.type(root).fields ?? [] : [];
  }

  /** Enum names, for random (valid) enum values. */
  enumValues(name: string): string[] {
    return (this.type(name).enumValues ?? []).map((v) => v.name);
  }
}

export function namedType(ref: FuzzTypeRef): FuzzTypeRef {
  return ref.ofType ? namedType(ref.ofType) : ref;
}

export function typeText(ref: FuzzTypeRef): string {
  if (ref.kind === "NON_NULL") return `${typeText(ref.ofType!)}!`;
  if (ref.kind === "LIST") return `[${typeText(ref.ofType!)}]`;
  return ref.name!;
}
