// Limits that keep one request from taking the server down: depth, cost, body size.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../cli/server.js";
import { demoCohort } from "../../ingest/demo/demo-cohort.js";
import { operationDepth } from "../../resolvers/query-limits.js";
import { parse } from "graphql";
import { graphql } from "../support/graphql-client.js";
import { embeddedStore } from "../support/stores.js";
import { startTestPlatform, type TestPlatform } from "../support/test-platform.js";

let platform: TestPlatform;
let server: RunningServer;

beforeAll(async () => {
  platform = await startTestPlatform(embeddedStore, { cohort: demoCohort(), server: { limits: { maxDepth: 8, maxCost: 20_000 }, bodyLimit: "100kb" } });
  ({ server } = platform);
});
afterAll(() => platform.stop());

describe("API limits", () => {
  it("measures depth through fragments", () => {
    expect(operationDepth(parse(`{ patients { nodes { ...P } } } fragment P on Patient { studies { series { uid } } }`))).toBe(5);
  });

  it("answers a typical nested query over 50 patients", async () => {
    const { errors } = await graphql(server.graphqlUrl, `{ patients(first: 50) { nodes { id studies { series { uid lesions { id } } } } } }`);
    expect(errors).toBeUndefined();
  });

  it("rejects a query nested deeper than the limit, saying the limit", async () => {
    const deep = `{ genes(symbols: ["CA9"]) { pathways { genes { pathways { genes { pathways { genes { pathways { id } } } } } } } } }`;
    const { errors } = await graphql(server.graphqlUrl, deep);
    expect(errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(errors![0]!.message).toMatch(/nests 9 levels deep; the limit is 8/);
  });

  it("rejects a query whose cost grows past the limit with page size", async () => {
    const query = `query($first: Int!) { patients(first: $first) { nodes { id studies { series { lesions { features { name value } } } } } } }`;
    expect((await graphql(server.graphqlUrl, query, { first: 2 })).errors).toBeUndefined();
    const { errors } = await graphql(server.graphqlUrl, query, { first: 500 });
    expect(errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(errors![0]!.message).toMatch(/would cost \d+; the limit is 20000/);
  });

  it("refuses an oversized body with 413 and a message", async () => {
    const response = await fetch(server.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ collections { id } }`, variables: { padding: "x".repeat(200_000) } }),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as any;
    expect(body.errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
  });
});
