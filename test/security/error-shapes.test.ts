// Issue 12, finding 7 (errors), as reported and on both stores: a multi-megabyte argument was echoed in
// the error message (twice); "Did you mean …" suggestions were answered before authentication.
import { describe, expect, it } from "vitest";
import { graphql } from "../support/graphql-client.js";
import { BOTH_STORES } from "../support/stores.js";
import { useTestPlatform } from "../support/test-platform.js";
import { MAX_ERROR_MESSAGE_CHARS } from "../../resolvers/bounded-message.js";

const HUGE = "x".repeat(3_000_000);

describe.each(BOTH_STORES)("error shapes [$name]", (target) => {
  const open = useTestPlatform(target, {});
  const keyed = useTestPlatform(target, { server: { readAccess: "key" } });

  it("does not echo a 3 MB argument: the message is cut and says how much was left out", async () => {
    const response = await fetch(open.server.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `query($id: ID!) { patient(id: $id) { id } } query Second { patients(first: "${HUGE}") { nodes { id } } }`, operationName: "Second", variables: { id: "x" } }),
    });
    const text = await response.text();
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(text.length).toBeLessThan(20_000);
    const { errors } = JSON.parse(text) as { errors: { message: string }[] };
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) expect(error.message.length).toBeLessThanOrEqual(MAX_ERROR_MESSAGE_CHARS + 60);
    expect(errors.some((e) => /more characters left out/.test(e.message))).toBe(true);
  });

  it("answers field suggestions when reads are open, and none when reads need a key", async () => {
    const misspelt = `{ patientz(first: 1) { nodes { id } } }`;
    const fromOpen = await graphql(open.server.graphqlUrl, misspelt);
    expect(fromOpen.errors![0]!.message).toMatch(/Did you mean/);
    const fromKeyed = await graphql(keyed.server.graphqlUrl, misspelt);
    expect(fromKeyed.status).toBe(400);
    expect(fromKeyed.errors!.length).toBeGreaterThan(0);
    for (const error of fromKeyed.errors!) expect(error.message).not.toMatch(/Did you mean|patients/);
  });
});
