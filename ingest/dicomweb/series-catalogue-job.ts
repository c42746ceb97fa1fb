// Archive-scale imaging metadata as a resumable job, one item per QIDO-RS page of series: the page's
// patients, studies and series are upserted (parents first) and the page's key is checkpointed, so a
// killed ingest resumes at the first page it had not finished, and a page written twice changes
// nothing (upserts by UID: no duplicate series). Pages are fetched in order by the item source (one
// search in flight per job; the writes run with the runner's concurrency); pages finished in an
// earlier run are skipped without a request. The source stops after the first short page.
import { InvalidDicomError } from "../../compute/errors.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import type { CheckpointStore } from "../jobs/checkpoint-store.js";
import type { JobDefinition } from "../jobs/job.js";
import { catalogueRecords } from "./qido-series-records.js";
import type { QidoJson, QidoSeriesFilter, QidoSeriesPages } from "./qido-series-pages.js";

export interface SeriesCatalogueRequest extends QidoSeriesFilter {
  /** The collection the patients belong to (QIDO-RS has no collection attribute; IDC's is an index label). */
  readonly collectionId: string;
  /** Provenance on the records (default "DICOMweb"). */
  readonly source?: string;
  readonly dataRelease?: string;
}

export interface CataloguePage {
  readonly index: number;
  /** Undefined for a page finished in an earlier run (the runner skips it; nothing is fetched). */
  readonly rows?: readonly QidoJson[];
}

export interface SeriesCatalogueOptions {
  /** The runner's checkpoint store: pages it holds are not fetched again. */
  readonly checkpoints?: CheckpointStore;
  readonly signal?: AbortSignal;
}

export const pageKey = (index: number): string => `page-${String(index).padStart(6, "0")}`;

export function seriesCatalogueJob(store: GraphStore, pages: QidoSeriesPages, request: SeriesCatalogueRequest, options: SeriesCatalogueOptions = {}): JobDefinition<CataloguePage> {
  const source = request.source ?? "DICOMweb";
  const filter = [request.modality, request.studyDate].filter(Boolean).join("-");
  // The page size is part of the id: page keys name offsets only for one page size.
  const id = `series-catalogue-${request.collectionId}-${source}${filter ? `-${filter}` : ""}-p${pages.pageSize}`.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 200);
  const provenance = { collectionId: request.collectionId, source, dataRelease: request.dataRelease ?? null, url: pages.url };
  async function* items(): AsyncGenerator<CataloguePage> {
    const finished = (await options.checkpoints?.load(id)) ?? new Set<string>();
    for (let index = 0; ; index++) {
      if (finished.has(pageKey(index))) {
        yield { index };
        continue;
      }
      const rows = await pages.page(index, request, options.signal);
      yield { index, rows };
      if (rows.length < pages.pageSize) return;
    }
  }
  return {
    id,
    name: `Series catalogue of ${request.collectionId} from ${source}${request.dataRelease ? ` (${request.dataRelease})` : ""}, ${pages.pageSize} series per page`,
    items: { [Symbol.asyncIterator]: items }, // a fresh walk per run (a resumed run reads the checkpoint again)
    keyOf: (page) => pageKey(page.index),
    handle: async (page, context) => {
      const records = catalogueRecords(page.rows ?? (await pages.page(page.index, request, context.signal)), provenance);
      context.signal.throwIfAborted();
      await store.upsertCollections([{ id: request.collectionId }]);
      await store.upsertPatients(records.patients);
      await store.upsertStudies(records.studies);
      await store.upsertSeries(records.series);
      if (records.rejected.length > 0) {
        throw new InvalidDicomError(`page ${page.index}: ${records.rejected.length} series answer(s) without PatientID or StudyInstanceUID were not written: ${records.rejected.slice(0, 10).join(", ")}`, { page: page.index, rejected: records.rejected });
      }
    },
  };
}
