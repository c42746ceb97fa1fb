// The store reads one GraphQL request makes, recorded through a proxy, and replayed back to back
// without GraphQL: the yardstick for "how much of a request is the store and how much is ours"
// (issue 16). Record after the features are stored, so the request only reads.
import type { GraphStore } from "../graph-model/graph-store.js";

export interface StoreCall {
  readonly method: string;
  readonly args: unknown[];
}

/**
 * A store that forwards every call and records it. Calls are grouped in levels: a call that starts
 * while an earlier one is still running joins that one's level (the DataLoaders of one query depth run
 * together); one that starts when none runs opens the next level.
 */
export function recordingStore(store: GraphStore, levels: StoreCall[][]): GraphStore {
  let running = 0;
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== "function" || typeof property !== "string") return value;
      return async (...args: unknown[]) => {
        if (running === 0 || levels.length === 0) levels.push([]);
        levels[levels.length - 1]!.push({ method: property, args: structuredClone(args) });
        running++;
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } finally {
          running--;
        }
      };
    },
  });
}

/** Replays the recorded calls level by level, each level's calls together, as the request issued them. */
export async function replayStoreCalls(store: GraphStore, levels: readonly StoreCall[][]): Promise<void> {
  const methods = store as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
  for (const level of levels) await Promise.all(level.map((call) => methods[call.method]!.apply(store, call.args)));
}
