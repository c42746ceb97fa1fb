// What every resolver receives: the store (for top-level queries) and this request's loaders.
import type { Logger } from "pino";
import type { GraphStore } from "../graph-model/graph-store.js";
import { createLoaders, type Loaders } from "./loaders.js";

export interface RequestContext {
  readonly store: GraphStore;
  readonly loaders: Loaders;
  readonly logger: Logger;
}

export function createRequestContext(store: GraphStore, logger: Logger): RequestContext {
  return { store, loaders: createLoaders(store), logger };
}
