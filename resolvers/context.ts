// What every resolver receives: the store (for top-level queries) and this request's loaders.
import type { Logger } from "pino";
import type { GraphStore } from "../graph-model/graph-store.js";
import type { FeatureService } from "../ingest/features/feature-service.js";
import type { AssociationService } from "../ingest/analysis/association-service.js";
import type { GdcSource } from "../ingest/gdc/gdc-source.js";
import type { CbioportalSource } from "../ingest/cbioportal/cbioportal-source.js";
import type { HttpClient } from "../ingest/http/http-client.js";
import type { ReactomeContentService } from "../ingest/pathways/reactome-content-service.js";
import type { ImagingSource } from "../ingest/dicomweb/imaging-source.js";
import type { JobRegistry } from "../ingest/jobs/job-registry.js";
import { RequestAuthority, type ApiKeyEntry } from "./api-keys.js";
import { createLoaders, type Loaders } from "./loaders.js";

/** Long-lived services the composition root (cli/) builds once and every request shares. */
export interface Services {
  readonly store: GraphStore;
  readonly features: FeatureService;
  readonly associations: AssociationService;
  /** Clients of the public genomic APIs (GDC, cBioPortal, Reactome; the replay server in tests). */
  readonly genomics: { readonly gdc: GdcSource; readonly gdcHttp: HttpClient; readonly cbioportal: CbioportalSource; readonly reactome: ReactomeContentService };
  /** The DICOMweb archive (IDC's public proxy, or a lab's server). */
  readonly imaging: ImagingSource;
  readonly jobs: JobRegistry;
  readonly logger: Logger;
  /** Hashed API keys; empty: mutations are open. */
  readonly apiKeys: readonly ApiKeyEntry[];
}

export interface RequestContext extends Services {
  readonly loaders: Loaders;
  readonly authority: RequestAuthority;
}

export function createRequestContext(services: Services, presentedKey?: string): RequestContext {
  return { ...services, loaders: createLoaders(services.store, services.features), authority: new RequestAuthority(services.apiKeys, presentedKey) };
}
