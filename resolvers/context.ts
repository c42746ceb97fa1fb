// What every resolver receives: the store (for top-level queries) and this request's loaders.
import type { Logger } from "pino";
import type { GraphStore } from "../graph-model/graph-store.js";
import type { FeatureService } from "../ingest/features/feature-service.js";
import { createLoaders, type Loaders } from "./loaders.js";

/** Long-lived services the composition root (cli/) builds once and every request shares. */
export interface Services {
  readonly store: GraphStore;
  readonly features: FeatureService;
  readonly logger: Logger;
}

export interface RequestContext extends Services {
  readonly loaders: Loaders;
}

export function createRequestContext(services: Services): RequestContext {
  return { ...services, loaders: createLoaders(services.store, services.features) };
}
