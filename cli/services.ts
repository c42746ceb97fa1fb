// The composition root's wiring: the long-lived services every request shares.
import type { Logger } from "pino";
import type { GraphStore } from "../graph-model/graph-store.js";
import { demoCohort } from "../ingest/demo/demo-cohort.js";
import { DemoLesionImages } from "../ingest/demo/demo-lesion-images.js";
import { FeatureService } from "../ingest/features/feature-service.js";
import type { LesionImageSource } from "../ingest/features/lesion-image-source.js";
import type { Services } from "../resolvers/context.js";

export function createServices(store: GraphStore, logger: Logger, imageSources: LesionImageSource[] = []): Services {
  const sources = [...imageSources, new DemoLesionImages(demoCohort())];
  return { store, logger, features: new FeatureService(store, sources) };
}
