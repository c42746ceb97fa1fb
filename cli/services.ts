// The composition root's wiring: the long-lived services every request shares.
import os from "node:os";
import path from "node:path";
import type { Logger } from "pino";
import { dicomWebImagingSource, IDC_PUBLIC_DICOMWEB_URL, ImagingLesionImages } from "../ingest/dicomweb/index.js";
import type { GraphStore } from "../graph-model/graph-store.js";
import { demoCohort, type CohortRecords } from "../ingest/demo/demo-cohort.js";
import { DemoLesionImages } from "../ingest/demo/demo-lesion-images.js";
import { FeatureService } from "../ingest/features/feature-service.js";
import { AssociationService } from "../ingest/analysis/association-service.js";
import { GdcSource } from "../ingest/gdc/gdc-source.js";
import { CbioportalSource } from "../ingest/cbioportal/cbioportal-source.js";
import { ReactomeContentService } from "../ingest/pathways/reactome-content-service.js";
import { AxiosHttpClient } from "../ingest/http/axios-http-client.js";
import type { LesionImageSource } from "../ingest/features/lesion-image-source.js";
import type { FeatureWorkerPool } from "../ingest/features/feature-worker-pool.js";
import type { ModelWorkerPool } from "../ingest/analysis/model-worker-pool.js";
import type { AssociationWorkerPool } from "../ingest/analysis/association-worker-pool.js";
import type { Services } from "../resolvers/context.js";
import { parseApiKeys } from "../resolvers/api-keys.js";
import { ApiKeyring } from "../resolvers/api-keyring.js";
import { FileCheckpointStore, JobRunner, MemoryCheckpointStore } from "../ingest/jobs/index.js";
import { jobRegistryFor } from "./distributed-jobs.js";
import { JobJournal } from "../ingest/jobs/job-journal.js";

export const DEFAULT_GDC_URL = "https://api.gdc.cancer.gov";
export const DEFAULT_CBIOPORTAL_URL = "https://www.cbioportal.org/api";
export const DEFAULT_REACTOME_URL = "https://reactome.org/ContentService";

export interface ServiceOptions {
  /** DICOMweb base URL of the imaging archive (env RG_DICOMWEB_URL; default IDC's public proxy). */
  dicomwebUrl?: string;
  /** Where retrieved DICOM instances are cached (default: a pixel-cache folder in the OS temp dir). */
  pixelCacheDir?: string;
  /** GDC API base URL (env RG_GDC_URL; default the public API). */
  gdcUrl?: string;
  /** cBioPortal API base URL (env RG_CBIOPORTAL_URL; default the public portal). */
  cbioportalUrl?: string;
  /** Reactome ContentService base URL (env RG_REACTOME_URL; default the public service). */
  reactomeUrl?: string;
  /** Where job checkpoints go (resumable jobs); in memory when omitted. */
  checkpointDir?: string;
  /** RG_API_KEYS-style configuration of hashed API keys. */
  apiKeys?: string;
  /** The key file `radiogenomics api-key create|revoke` manages, re-read when it changes. */
  apiKeyFile?: string;
  /** The key file was named explicitly (serve --keys): it must exist and be valid at start. */
  apiKeyFileRequired?: boolean;
  /** Image sources tried before the demo generator (DICOMweb, local folders). */
  imageSources?: LesionImageSource[];
  /** The generated cohort whose lesions get generated images (default: the `demo` command's cohort). */
  demo?: CohortRecords;
  /** Compute features on worker threads (one per core) instead of the request's thread. */
  featurePool?: FeatureWorkerPool;
  /** Run model fits (signatures, Cox, ComBat) on worker threads instead of the request's thread. */
  modelPool?: ModelWorkerPool;
  /** Run the feature × gene / pathway Spearman matrices on worker threads (started with the first one) instead of the request's thread. */
  associationPool?: AssociationWorkerPool;
}

export function createServices(store: GraphStore, logger: Logger, options: ServiceOptions = {}): Services {
  const imaging = dicomWebImagingSource({
    url: options.dicomwebUrl ?? process.env.RG_DICOMWEB_URL ?? IDC_PUBLIC_DICOMWEB_URL,
    cache: { directory: options.pixelCacheDir ?? path.join(os.tmpdir(), "radiogenomics-pixel-cache"), maxBytes: 10 * 2 ** 30 },
  });
  const sources = [...(options.imageSources ?? []), new ImagingLesionImages(imaging), new DemoLesionImages(options.demo ?? demoCohort())];
  const checkpoints = options.checkpointDir ? new FileCheckpointStore({ directory: options.checkpointDir }) : new MemoryCheckpointStore();
  // With checkpoints on disk, the journal beside them lets a restart list interrupted jobs (resumeJob).
  const journal = options.checkpointDir ? new JobJournal({ directory: options.checkpointDir, checkpoints, logger }) : undefined;
  const jobs = jobRegistryFor({ runner: new JobRunner({ concurrency: options.featurePool?.size ?? 2, checkpoints, logger }), journal }, store.kind);
  const features = new FeatureService(store, sources, options.featurePool?.compute);
  const cbioportalHttp = new AxiosHttpClient({ upstreamName: "cBioPortal API", baseUrl: options.cbioportalUrl ?? process.env.RG_CBIOPORTAL_URL ?? DEFAULT_CBIOPORTAL_URL, logger });
  const reactomeHttp = new AxiosHttpClient({ upstreamName: "Reactome ContentService", baseUrl: options.reactomeUrl ?? process.env.RG_REACTOME_URL ?? DEFAULT_REACTOME_URL, logger });
  const gdcHttp = new AxiosHttpClient({ upstreamName: "GDC API", baseUrl: options.gdcUrl ?? process.env.RG_GDC_URL ?? DEFAULT_GDC_URL, logger });
  return {
    store, logger, features, jobs, apiKeys: new ApiKeyring(parseApiKeys(options.apiKeys), options.apiKeyFile, { required: options.apiKeyFileRequired }),
    associations: new AssociationService(store, features, undefined, options.associationPool?.runner()),
    genomics: { gdc: new GdcSource(gdcHttp), gdcHttp, cbioportal: new CbioportalSource(cbioportalHttp), reactome: new ReactomeContentService(reactomeHttp) },
    imaging,
    ...(options.modelPool ? { modelPool: options.modelPool } : {}),
  };
}
