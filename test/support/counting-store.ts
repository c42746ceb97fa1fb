// Wraps a GraphStore and counts calls to its methods: each call is one store round trip (or a few
// statements of one domain operation), which is what DataLoader batching must keep small.
import type { GraphStore } from "../../graph-model/graph-store.js";

export interface CountingStore {
  store: GraphStore;
  calls: Map<string, number>;
  total(): number;
  reset(): void;
}

export function countingStore(inner: GraphStore): CountingStore {
  const calls = new Map<string, number>();
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        calls.set(String(property), (calls.get(String(property)) ?? 0) + 1);
        return value.apply(target, args);
      };
    },
  });
  return { store, calls, total: () => [...calls.values()].reduce((a, b) => a + b, 0), reset: () => calls.clear() };
}
