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
import { RequestAuthority } from "./api-keys.js";
import type { ApiKeyring } from "./api-keyring.js";
import { createLoaders, type Loaders } from "./loaders.js";
import { RequestDeadline } from "../compute/request-deadline.js";
import { requireComputeOnRead } from "./compute-on-read.js";
import { requestModelRunners } from "../ingest/analysis/request-model-runners.js";
import type { ModelRunners } from "../ingest/analysis/model-runners.js";
import type { ModelWorkerPool } from "../ingest/analysis/model-worker-pool.js";

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
  /** Hashed API keys (RG_API_KEYS and the key file); none: mutations are open. */
  readonly apiKeys: ApiKeyring;
  /** Worker threads for the model fits; none: fits run inline. */
  readonly modelPool?: ModelWorkerPool;
}

export interface RequestContext extends Services {
  readonly loaders: Loaders;
  readonly authority: RequestAuthority;
  /** The caller's address: rate limits count anonymous callers by it. */
  readonly clientIp?: string;
  /** Root and computing resolvers fail with TIMEOUT after this long; 0: no limit. */
  readonly resolverTimeoutMs?: number;
  /** This request's deadline (resolverTimeoutMs from the start): aborts store queries and feature tasks. */
  readonly deadline: RequestDeadline;
  /** The model fits: on the pool (cancelled with the deadline) or inline. */
  readonly models: ModelRunners;
}

export interface RequestFacts {
  clientIp?: string;
  resolverTimeoutMs?: number;
  /** The deadline the HTTP / WebSocket entry started; default: one from resolverTimeoutMs. */
  deadline?: RequestDeadline;
}

export function createRequestContext(services: Services, presentedKey?: string, facts: RequestFacts = {}): RequestContext {
  const keys = services.apiKeys.snapshot();
  const authority = new RequestAuthority(keys.keys, presentedKey, keys.failure);
  const deadline = facts.deadline ?? new RequestDeadline(facts.resolverTimeoutMs ?? 0);
  return {
    ...services, ...facts,
    deadline,
    models: requestModelRunners(services.modelPool, deadline.signal),
    loaders: createLoaders(services.store, services.features, () => requireComputeOnRead(authority)),
    authority,
  };
}
