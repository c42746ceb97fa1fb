// The fuzzer itself, on the real schema: across many seeds every drawn body stays within its budget.
// CI once drew aliases nested inside aliases (60 copies at several levels) and the text outgrew a
// JavaScript string ("Invalid string length") before the body check could draw again.
import { createRequire } from "node:module";
import { beforeAll, describe, expect, it } from "vitest";
import { buildPlatformSchema } from "../../schema/build-schema.js";
import { FUZZ_INTROSPECTION, FuzzSchema } from "../support/fuzz/fuzz-schema.js";
import { GraphqlFuzzer } from "../support/fuzz/graphql-fuzzer.js";

// type-graphql builds its schema with the CommonJS build of graphql; run introspection with the same one.
const { graphqlSync } = createRequire(import.meta.url)("graphql") as typeof import("graphql");

let schema: FuzzSchema;
beforeAll(async () => {
  const result = graphqlSync({ schema: await buildPlatformSchema(), source: FUZZ_INTROSPECTION });
  schema = new FuzzSchema((result.data as { __schema: ConstructorParameters<typeof FuzzSchema>[0] }).__schema);
});

describe("GraphqlFuzzer bounds", () => {
  it("keeps every body within maxBodyBytes, with aliases allowed at every level", () => {
    const maxBodyBytes = 200_000;
    let aliasedOps = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const fuzzer = new GraphqlFuzzer(schema, seed, { known: ["TCGA-AA-0001"], maxAliases: 60, maxBodyBytes });
      for (let i = 0; i < 100; i++) {
        const op = fuzzer.next();
        expect(op.body.length).toBeLessThanOrEqual(maxBodyBytes);
        if (/\ba\d+_1:/.test(op.body)) aliasedOps++;
      }
    }
    expect(aliasedOps).toBeGreaterThan(0); // the cap bounds aliasing; it does not remove it
  });
});
