// Generates, from a served schema's introspection, one GraphQL operation per string argument of
// every Query and Mutation field — string leaves inside lists and input objects included — with a
// chosen text in that argument and minimal valid values in the required others. New arguments are
// covered without editing a list.
export interface IntrospectedTypeRef {
  kind: string;
  name: string | null;
  ofType: IntrospectedTypeRef | null;
}
interface IntrospectedInputValue {
  name: string;
  type: IntrospectedTypeRef;
  defaultValue: string | null;
}
interface IntrospectedType {
  kind: string;
  name: string;
  fields: Array<{ name: string; args: IntrospectedInputValue[]; type: IntrospectedTypeRef }> | null;
  inputFields: IntrospectedInputValue[] | null;
  enumValues: Array<{ name: string }> | null;
}
export interface IntrospectedSchema {
  queryType: { name: string };
  mutationType: { name: string } | null;
  types: IntrospectedType[];
}

export const INTROSPECTION = `{ __schema { queryType { name } mutationType { name } types { kind name
  fields { name type { ...T } args { name defaultValue type { ...T } } }
  inputFields { name defaultValue type { ...T } } enumValues { name } } } }
  fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }`;

export interface StringArgumentCase {
  operation: "query" | "mutation";
  field: string;
  /** Where the text goes, e.g. `patients.filter.ids[0]`. */
  path: string;
  query: string;
  variables: Record<string, unknown>;
}

const STRING_SCALARS = new Set(["String", "ID"]);
const SAMPLE_SCALARS: Record<string, unknown> = { Int: 10, Float: 0.5, Boolean: false, JSON: {} };

/**
 * Values for the required arguments besides the one under test, by argument or input field name; a
 * string one not listed gets `sample-<run>` (unique per run, so two runs write alike, not over each other).
 */
export type Samples = Record<string, (run: number) => unknown>;

function typeText(ref: IntrospectedTypeRef): string {
  if (ref.kind === "NON_NULL") return `${typeText(ref.ofType!)}!`;
  if (ref.kind === "LIST") return `[${typeText(ref.ofType!)}]`;
  return ref.name!;
}

function named(ref: IntrospectedTypeRef): IntrospectedTypeRef {
  return ref.ofType ? named(ref.ofType) : ref;
}

/** A path to one string leaf: the input field names (and list markers) from an argument down. */
type Leaf = string[];

class Walker {
  private readonly types: Map<string, IntrospectedType>;

  constructor(schema: IntrospectedSchema, private readonly samples: Samples = {}, private readonly run = 0) {
    this.types = new Map(schema.types.map((t) => [t.name, t]));
  }

  /** Every string leaf reachable in a value of this type (input objects are followed once per path). */
  leaves(ref: IntrospectedTypeRef, seen: Set<string> = new Set()): Leaf[] {
    if (ref.kind === "NON_NULL") return this.leaves(ref.ofType!, seen);
    if (ref.kind === "LIST") return this.leaves(ref.ofType!, seen).map((leaf) => ["[]", ...leaf]);
    if (ref.kind === "SCALAR") return STRING_SCALARS.has(ref.name!) ? [[]] : [];
    if (ref.kind !== "INPUT_OBJECT" || seen.has(ref.name!)) return [];
    const type = this.types.get(ref.name!)!;
    return type.inputFields!.flatMap((f) => this.leaves(f.type, new Set([...seen, ref.name!])).map((leaf) => [f.name, ...leaf]));
  }

  /** A value of the type with `text` at the leaf (when given) and samples in required places. */
  value(name: string, ref: IntrospectedTypeRef, leaf: Leaf | undefined, text: string): unknown {
    if (!leaf && this.samples[name]) return this.samples[name]!(this.run);
    if (ref.kind === "NON_NULL") return this.value(name, ref.ofType!, leaf, text);
    if (ref.kind === "LIST") return [this.value(name, ref.ofType!, leaf?.slice(1), text)];
    if (ref.kind === "SCALAR") return leaf ? text : SAMPLE_SCALARS[ref.name!] ?? `sample-${this.run}`;
    if (ref.kind === "ENUM") return this.types.get(ref.name!)!.enumValues![0]!.name;
    const object: Record<string, unknown> = {};
    for (const field of this.types.get(ref.name!)!.inputFields!) {
      const onPath = leaf?.[0] === field.name;
      if (onPath || (field.type.kind === "NON_NULL" && field.defaultValue === null)) object[field.name] = this.value(field.name, field.type, onPath ? leaf!.slice(1) : undefined, text);
    }
    return object;
  }

  selection(ref: IntrospectedTypeRef): string {
    const kind = named(ref).kind;
    return kind === "OBJECT" || kind === "INTERFACE" || kind === "UNION" ? " { __typename }" : "";
  }

  type(name: string): IntrospectedType {
    return this.types.get(name)!;
  }
}

function operationOf(walker: Walker, operation: "query" | "mutation", field: NonNullable<IntrospectedType["fields"]>[number], target: IntrospectedInputValue | undefined, leaf: Leaf | undefined, text: string): Pick<StringArgumentCase, "query" | "variables"> {
  const used = field.args.filter((a) => a === target || (a.type.kind === "NON_NULL" && a.defaultValue === null));
  const variables = Object.fromEntries(used.map((a) => [a.name, walker.value(a.name, a.type, a === target ? leaf : undefined, text)]));
  const declarations = used.map((a) => `$${a.name}: ${typeText(a.type)}`).join(", ");
  const call = used.length ? `(${used.map((a) => `${a.name}: $${a.name}`).join(", ")})` : "";
  return { query: `${operation}${declarations ? `(${declarations})` : ""} { ${field.name}${call}${walker.selection(field.type)} }`, variables };
}

function rootsOf(schema: IntrospectedSchema): Array<["query" | "mutation", string]> {
  return schema.mutationType ? [["query", schema.queryType.name], ["mutation", schema.mutationType.name]] : [["query", schema.queryType.name]];
}

/** One case per (root field, string leaf); `text` goes in that leaf. `run` makes the samples unique. */
export function stringArgumentCases(schema: IntrospectedSchema, text: string, samples: Samples = {}, run = 0): StringArgumentCase[] {
  const walker = new Walker(schema, samples, run);
  const cases: StringArgumentCase[] = [];
  for (const [operation, rootName] of rootsOf(schema))
    for (const field of walker.type(rootName).fields!)
      for (const arg of field.args)
        for (const leaf of walker.leaves(arg.type))
          cases.push({ operation, field: field.name, path: [field.name, arg.name, ...leaf].join(".").replace(/\.\[\]/g, "[0]"), ...operationOf(walker, operation, field, arg, leaf, text) });
  return cases;
}

/** Every field of one root type, called with samples in its required arguments. */
export function rootFieldCalls(schema: IntrospectedSchema, operation: "query" | "mutation", samples: Samples = {}, run = 0): StringArgumentCase[] {
  const walker = new Walker(schema, samples, run);
  const root = operation === "query" ? schema.queryType : schema.mutationType;
  if (!root) return [];
  return walker.type(root.name).fields!.map((field) => ({ operation, field: field.name, path: field.name, ...operationOf(walker, operation, field, undefined, undefined, "") }));
}
