// Generates GraphQL operations from an introspected schema with random arguments — wrong types,
// negative / huge numbers, long and odd strings, random (and invalid) enum values — and random
// selections (deep, aliased, fragments on unions), plus a few malformed requests. Seeded: the same
// seed and schema give the same operations.
import { SeededRandom } from "../../../compute/seeded-random.js";
import { FuzzSchema, namedType, typeText, type FuzzField, type FuzzInputValue, type FuzzTypeRef } from "./fuzz-schema.js";
import { hostileFloat, hostileInt, hostileString, wrongTypeValue } from "./hostile-values.js";

export interface FuzzOperation {
  readonly index: number;
  readonly kind: "query" | "mutation" | "malformed";
  /** Root field, or what is malformed. */
  readonly field: string;
  /** The raw request body (JSON of query + variables, or deliberately broken text). */
  readonly body: string;
  /** For reports: the document, cut to 300 chars. */
  readonly summary: string;
}

export interface FuzzerOptions {
  /** Strings that reach deeper code (ids of patients, lesions, genes, pathways, cohorts in the graph). */
  readonly known: readonly string[];
  /** Deepest selection drawn (the server's depth limit should refuse the deeper ones). */
  readonly maxDepth?: number;
  /** Most aliases of one field. */
  readonly maxAliases?: number;
  /** Largest request body drawn (bigger ones are drawn again). */
  readonly maxBodyBytes?: number;
  /** Share of mutations among operations (default 0.3). */
  readonly mutationShare?: number;
}

const LEAF_KINDS = new Set(["SCALAR", "ENUM"]);
const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;
/** Root fields a fuzzer must not call: none today (deleting a cohort of the temp graph is fine). */
const NEVER_CALLED = new Set<string>();

export class GraphqlFuzzer {
  private readonly random: SeededRandom;
  private count = 0;
  private aliasGroups = 0;

  constructor(
    private readonly schema: FuzzSchema,
    seed: number,
    private readonly options: FuzzerOptions,
  ) {
    this.random = new SeededRandom(seed);
  }

  /** The next operation; one whose body would exceed maxBodyBytes (default 11 MB, just over the server's 10 MB limit) is drawn again. */
  next(): FuzzOperation {
    for (;;) {
      const op = this.draw();
      if (op.body.length <= this.maxBodyBytes()) return op;
      this.count--;
    }
  }

  private maxBodyBytes(): number {
    return this.options.maxBodyBytes ?? 11 * 1024 * 1024;
  }

  private draw(): FuzzOperation {
    const index = this.count++;
    if (this.random.next() < 0.04) return this.malformed(index);
    const mutation = this.random.next() < (this.options.mutationShare ?? 0.3) && this.schema.rootFields("mutation").length > 0;
    const kind = mutation ? "mutation" : "query";
    const field = this.random.pick(this.schema.rootFields(kind).filter((f) => !NEVER_CALLED.has(f.name)));
    const useVariables = this.random.next() < 0.5;
    const variables: Record<string, unknown> = {};
    const declarations: string[] = [];
    const args = this.arguments(field.args, 0, useVariables ? { variables, declarations } : undefined);
    const selection = this.selectionOf(field.type, 1, this.random.integer(1, this.options.maxDepth ?? 14));
    const root = this.aliased(`${field.name}${args}${selection}`);
    const header = declarations.length > 0 ? `${kind} Fuzz(${declarations.join(", ")})` : kind;
    const query = `${header} { ${root} }`;
    return { index, kind, field: field.name, body: JSON.stringify({ query, variables }), summary: summarize(query, variables) };
  }

  private malformed(index: number): FuzzOperation {
    const field = this.random.pick(this.schema.rootFields("query")).name;
    const bodies = [
      `{"query": "{ ${field} { ", "variables": {}}`,
      `{"query": ${JSON.stringify(`query { ${field}(first: ) }`)}}`,
      "not json at all",
      `{"query": 42}`,
      `{"query": "{ __typename }", "variables": "not an object"}`,
      `{"query": ${JSON.stringify(`{ ${"a: __typename ".repeat(5_000)} }`)}}`,
      `{"query": ${JSON.stringify("{".repeat(2_000))}}`,
      `{"query": "query A { __typename } query B { __typename }"}`,
      `{"query": "{ __typename }", "operationName": "Nope"}`,
      `[{"query": "{ __typename }"}, {"query": "{ __typename }"}]`,
    ];
    const body = this.random.pick(bodies);
    return { index, kind: "malformed", field, body, summary: body.slice(0, 300) };
  }

  /** `(a: …, b: …)` or "" — required arguments always, optional ones half of the time. */
  private arguments(args: readonly FuzzInputValue[], depth: number, asVariables?: { variables: Record<string, unknown>; declarations: string[] }): string {
    const parts: string[] = [];
    for (const arg of args) {
      if (arg.type.kind !== "NON_NULL" && this.random.next() < 0.5) continue;
      const value = this.value(arg.type, depth);
      if (asVariables) {
        const name = `v${asVariables.declarations.length}`;
        // A wrong-typed variable is declared as the argument's type: coercion must refuse it (400).
        asVariables.declarations.push(`$${name}: ${typeText(arg.type)}`);
        asVariables.variables[name] = value;
        parts.push(`${arg.name}: $${name}`);
      } else {
        parts.push(`${arg.name}: ${this.literal(value, arg.type)}`);
      }
    }
    if (this.random.next() < 0.01) parts.push(`bogusArgument: ${this.random.integer(-5, 5)}`);
    return parts.length > 0 ? `(${parts.join(", ")})` : "";
  }

  private value(ref: FuzzTypeRef, depth: number): unknown {
    if (this.random.next() < 0.07) return wrongTypeValue(this.random);
    if (ref.kind === "NON_NULL") return this.random.next() < 0.03 ? null : this.value(ref.ofType!, depth);
    if (ref.kind === "LIST") {
      const length = this.random.next() < 0.04 ? this.random.integer(100, 2_000) : this.random.integer(0, 3);
      return Array.from({ length }, () => this.value(ref.ofType!, depth + 1));
    }
    const type = this.schema.type(ref.name!);
    if (type.kind === "ENUM") return this.random.next() < 0.85 ? this.random.pick(this.schema.enumValues(type.name)) : this.random.pick(["NOT_A_VALUE", "", "lowercase", "__proto__"]);
    if (type.kind === "INPUT_OBJECT") {
      const object: Record<string, unknown> = {};
      for (const field of type.inputFields ?? []) {
        if (field.type.kind !== "NON_NULL" && (depth > 3 || this.random.next() < 0.5)) continue;
        object[field.name] = this.value(field.type, depth + 1);
      }
      if (this.random.next() < 0.03) object.bogusField = "x";
      return object;
    }
    return this.scalar(type.name);
  }

  private scalar(name: string): unknown {
    if (name === "Int") return hostileInt(this.random);
    if (name === "Float") return hostileFloat(this.random);
    if (name === "Boolean") return this.random.next() < 0.5;
    if (name === "JSON" || name === "JSONObject") return this.random.pick<unknown>([{}, { a: hostileString(this.random, this.options.known) }, [1, 2], "text", 7]);
    return hostileString(this.random, this.options.known);
  }

  /** The value as a GraphQL literal of the type (enum names bare, wrong-typed values as they are). */
  private literal(value: unknown, ref: FuzzTypeRef | undefined): string {
    if (value === null || value === undefined) return "null";
    const inner = ref?.kind === "NON_NULL" ? ref.ofType! : ref;
    if (Array.isArray(value)) return `[${value.map((v) => this.literal(v, inner?.kind === "LIST" ? inner.ofType! : undefined)).join(", ")}]`;
    if (typeof value === "object") {
      const type = inner && inner.kind !== "LIST" ? this.schema.type(namedType(inner).name!) : undefined;
      const fields = new Map((type?.inputFields ?? []).map((f) => [f.name, f.type]));
      return `{${Object.entries(value).map(([k, v]) => `${k}: ${this.literal(v, fields.get(k))}`).join(", ")}}`;
    }
    if (typeof value === "string" && NAME.test(value) && inner && inner.kind !== "LIST" && this.schema.type(namedType(inner).name!).kind === "ENUM") return value;
    if (typeof value === "number") return Number.isInteger(value) && Math.abs(value) < 1e21 ? String(value) : value.toExponential();
    return JSON.stringify(value);
  }

  /** ` { … }` for object, interface and union types; "" for leaves. */
  private selectionOf(ref: FuzzTypeRef, depth: number, maxDepth: number): string {
    const type = this.schema.type(namedType(ref).name!);
    if (LEAF_KINDS.has(type.kind)) return "";
    if (type.kind === "UNION" || type.kind === "INTERFACE") {
      const members = (type.possibleTypes ?? []).filter(() => this.random.next() < 0.6).slice(0, 3);
      const fragments = members.map((m) => `... on ${m.name}${this.objectSelection(m.name, depth, maxDepth)}`);
      return ` { __typename ${fragments.join(" ")} }`;
    }
    return this.objectSelection(type.name, depth, maxDepth);
  }

  private objectSelection(typeName: string, depth: number, maxDepth: number): string {
    const fields = this.schema.type(typeName).fields ?? [];
    const leaves = fields.filter((f) => LEAF_KINDS.has(this.schema.type(namedType(f.type).name!).kind));
    const chosen = fields.filter((f) => this.random.next() < Math.min(0.9, 3 / fields.length));
    const parts = chosen.flatMap((field) => this.fieldSelection(field, depth, maxDepth));
    if (parts.length === 0) parts.push(leaves.length > 0 ? this.random.pick(leaves).name : "__typename");
    if (this.random.next() < 0.3) parts.push("__typename");
    return ` { ${parts.join(" ")} }`;
  }

  private fieldSelection(field: FuzzField, depth: number, maxDepth: number): string[] {
    const leaf = LEAF_KINDS.has(this.schema.type(namedType(field.type).name!).kind);
    if (!leaf && depth >= maxDepth) return [];
    const required = field.args.some((a) => a.type.kind === "NON_NULL");
    const args = required || this.random.next() < 0.4 ? this.arguments(field.args, 1) : "";
    return [this.aliased(`${field.name}${args}${leaf ? "" : this.selectionOf(field.type, depth + 1, maxDepth)}`)];
  }

  /**
   * Usually the text once; sometimes repeated under aliases a<group>_0…N. Aliases nest (a field
   * inside an aliased field can be aliased again), so the copies are capped to keep the text within
   * the body budget: 60 copies at each of several levels would outgrow a JavaScript string.
   */
  private aliased(text: string): string {
    if (this.random.next() >= 0.05) return text;
    const drawn = this.random.integer(2, this.options.maxAliases ?? 60);
    const fitting = Math.floor(this.maxBodyBytes() / (text.length + 12));
    const n = Math.max(1, Math.min(drawn, fitting));
    const group = this.aliasGroups++; // distinct names per group: two groups in one selection never conflict
    return Array.from({ length: n }, (_, i) => `a${group}_${i}: ${text}`).join(" ");
  }
}

function summarize(query: string, variables: Record<string, unknown>): string {
  const vars = JSON.stringify(variables);
  const cut = (text: string, n: number) => (text.length > n ? `${text.slice(0, n)}… (${text.length} chars)` : text);
  return `${cut(query, 300)} ${vars === "{}" ? "" : cut(vars, 200)}`;
}
