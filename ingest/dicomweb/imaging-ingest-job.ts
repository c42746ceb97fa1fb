// Imaging of a collection into the graph as a resumable job, one item per patient: the patient's
// studies, series and lesions are upserted (parents first); the patient's failed items (a missing
// series, a corrupt instance) are written around and reported as the item's error, so the job ends
// PARTIAL and a re-run retries only those patients. A local folder's files that were meant as DICOM but
// could not be read are items of their own, failing INVALID_DICOM with the file and the reason.
import { InvalidDicomError, PlatformError } from "../../compute/errors.js";
import { LocalFolderArchive } from "./local-folder-archive.js";
import { meantAsDicom, unreadableFileKey } from "./unreadable-files.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import type { CollectionRecord } from "../../graph-model/model/records.js";
import type { JobDefinition } from "../jobs/job.js";
import type { ImagingSource } from "./imaging-source.js";
import type { ImagingFailure, ImagingItem, ImagingRecord } from "./imaging-items.js";
import type { ImagingQuery } from "./imaging-query.js";

export interface ImagingIngestRequest extends Omit<ImagingQuery, "patientIds" | "collectionId"> {
  readonly collectionId: string;
  /** The collection's patients (TCGA barcodes). */
  readonly patientIds: readonly string[];
}

export function imagingIngestJob(store: GraphStore, imaging: ImagingSource, request: ImagingIngestRequest): JobDefinition<string> {
  const { archive } = imaging;
  const patients = [...new Set(request.patientIds)];
  const unreadable = new Map((archive instanceof LocalFolderArchive ? archive.skippedFiles.filter(meantAsDicom) : []).map((f) => [unreadableFileKey(f), f]));
  const items = [...patients, ...unreadable.keys()];
  // Only the id: a null property keeps what GDC or TCIA wrote about the collection.
  const collection: CollectionRecord = { id: request.collectionId };
  return {
    id: `imaging-${request.collectionId}-${archive.source}`.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 200),
    name: `Imaging ${request.collectionId} from ${archive.source}${archive.dataRelease ? ` (${archive.dataRelease})` : ""}`,
    items,
    total: items.length,
    keyOf: (key) => key,
    handle: async (patientId, context) => {
      const file = unreadable.get(patientId);
      if (file) throw new InvalidDicomError(`${file.path} could not be read as DICOM, nothing was written for it: ${file.reason}`, { path: file.path });
      const items = await imaging.collect({ ...request, patientIds: [patientId] });
      context.signal.throwIfAborted(); // cancelled or timed out while reading: write nothing for this patient
      await store.upsertCollections([collection]);
      await store.upsertPatients([{ id: patientId, collectionId: request.collectionId }]);
      await writeRecords(store, items);
      const failures = items.flatMap((item) => (item.ok ? [] : [item.failure]));
      if (failures.length > 0) throw patientFailure(patientId, failures);
    },
  };
}

async function writeRecords(store: GraphStore, items: readonly ImagingItem[]): Promise<void> {
  const records: ImagingRecord[] = items.flatMap((item) => (item.ok ? [item] : []));
  await store.upsertStudies(records.flatMap((r) => (r.kind === "study" ? [r.record] : [])));
  await store.upsertSeries(records.flatMap((r) => (r.kind === "series" ? [r.record] : [])));
  await store.upsertLesions(records.flatMap((r) => (r.kind === "lesion" ? [r.record] : [])));
}

function patientFailure(patientId: string, failures: readonly ImagingFailure[]): PlatformError {
  const described = failures.map((f) => `${f.kind} ${f.uid}: ${f.error.message}`);
  return new PlatformError(failures[0]!.error.code, `patient ${patientId}: ${failures.length} imaging item(s) failed — ${described.join("; ")}`, {
    patientId,
    failures: failures.map((f) => ({ kind: f.kind, uid: f.uid, code: f.error.code })),
  });
}
