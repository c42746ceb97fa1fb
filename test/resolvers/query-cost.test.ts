// The cost estimator on the real schema: page sizes checked before cost, meta fields free, introspection flat,
// store-scanning fields charged per patient scanned.
import { parse } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import type { GraphQLSchema } from "graphql";
import { buildPlatformSchema } from "../../schema/build-schema.js";
import { checkOperationLimits, INTROSPECTION_COST, MIN_SCANNED_PATIENTS, operationCost } from "../../resolvers/query-limits.js";

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildPlatformSchema();
});

const HAND = `{ patients(first: 50) { nodes { id studies { uid series { uid lesions { id } } } } pageInfo { endCursor } } }`;
// What Apollo Client sends for the same query: __typename on every selection set.
const APOLLO = `{ patients(first: 50) { __typename nodes { __typename id studies { __typename uid series { __typename uid lesions { __typename id } } } } pageInfo { __typename endCursor } } }`;

describe("query cost", () => {
  it("charges nothing for __typename: an Apollo Client-shaped query costs exactly what the hand-written one does", () => {
    const hand = operationCost(schema, parse(HAND));
    expect(hand).toBeGreaterThan(0);
    expect(operationCost(schema, parse(APOLLO))).toBe(hand);
  });

  it.each([-1_000_000, -1, 0, 501, 2 ** 31 - 1])("refuses first: %d before estimating (never a negative cost)", (first) => {
    expect(() => operationCost(schema, parse(`{ patients(first: ${first}) { nodes { id } } }`))).toThrow(/'first' on patients must be an integer from 1 to 500/);
    expect(() => operationCost(schema, parse(`query($f: Int!) { patients(first: $f) { nodes { id } } }`), undefined, { f: first })).toThrow(/from 1 to 500/);
  });

  it("grows the cost of store-scanning fields with the patients scanned, so 500 aliases are refused", () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `p${i}: previewCohort(first: 1) { totalCount }`).join(" ")} }`;
    const one = operationCost(schema, parse(aliases(1)), undefined, undefined, { scannedPatients: () => 2_000 })!;
    expect(one).toBeGreaterThan(2_000);
    // A small store still pays the fixed cost of a scan; an unknown store is charged that floor too.
    const small = operationCost(schema, parse(aliases(1)), undefined, undefined, { scannedPatients: () => 10 })!;
    expect(small).toBeLessThan(one);
    expect(small).toBeGreaterThan(MIN_SCANNED_PATIENTS);
    expect(operationCost(schema, parse(aliases(1)))).toBe(small);
    expect(() => checkOperationLimits(schema, parse(aliases(500)), undefined, undefined, { maxDepth: 12, maxCost: 100_000 })).toThrow(/would cost \d+; the limit is 100000/);
    const linkage = `{ ${Array.from({ length: 500 }, (_, i) => `l${i}: linkage { linkedCount }`).join(" ")} }`;
    expect(() => checkOperationLimits(schema, parse(linkage), undefined, undefined, { maxDepth: 12, maxCost: 100_000 })).toThrow(/would cost/);
  });

  it("gives introspection a flat, bounded cost", () => {
    expect(operationCost(schema, parse(`{ __schema { types { name fields { name type { name ofType { name } } } } } }`))).toBe(INTROSPECTION_COST);
  });

  it("refuses more distinct feature settings than the cap in one request", () => {
    const aliases = Array.from({ length: 9 }, (_, i) => `f${i}: features(settings: { discretisation: FIXED_BIN_NUMBER, binCount: ${i + 2} }) { value }`).join(" ");
    const query = `{ patient(id: "x") { studies { series { lesions { ${aliases} } } } } }`;
    expect(() => checkOperationLimits(schema, parse(query), undefined, undefined, { maxDepth: 12, maxCost: 1_000_000, maxSettingsPerRequest: 8 })).toThrow(/distinct feature settings.*RG_MAX_FEATURE_SETTINGS_PER_REQUEST/);
  });
});
