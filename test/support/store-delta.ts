// What an operation changed in a store: node and relationship counts after minus before (non-zero
// entries only), once every job it started has ended.
import type { GraphStore } from "../../graph-model/graph-store.js";
import { graphql, type GraphQLResponse } from "./graphql-client.js";

export type Counts = Record<string, number>;

export function delta(before: Counts, after: Counts): Counts {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return Object.fromEntries([...keys].map((k) => [k, (after[k] ?? 0) - (before[k] ?? 0)]).filter(([, d]) => d !== 0));
}

/** Polls the server's job list until no job is queued or running. */
export async function jobsSettled(url: string, headers: Record<string, string>): Promise<void> {
  for (;;) {
    const { data } = await graphql(url, `{ jobs { status } }`, {}, headers);
    if (!data.jobs.some((j: { status: string }) => j.status === "QUEUED" || j.status === "RUNNING")) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The outcome's code (first error's) or DATA, and what it changed in the store. */
export async function effectOf(store: GraphStore, url: string, headers: Record<string, string>, call: () => Promise<GraphQLResponse>): Promise<{ outcome: string; changed: Counts; response: GraphQLResponse }> {
  const before = (await store.counts()) as Counts;
  const response = await call();
  await jobsSettled(url, headers);
  const changed = delta(before, (await store.counts()) as Counts);
  return { outcome: response.errors?.[0]?.extensions?.code ?? "DATA", changed, response };
}
