// `radiogenomics demo`: loads the generated demo cohort into the configured store.
import type { Command } from "commander";
import type { Logger } from "pino";
import type { GraphStore } from "../../graph-model/graph-store.js";
import type { ImagingSource } from "../../ingest/dicomweb/index.js";
import { openStore } from "../../graph-model/open-store.js";
import { demoCohort } from "../../ingest/demo/demo-cohort.js";
import { demoDicomFolder, demoImagingSource, ingestDemoImages } from "../../ingest/demo/demo-images.js";
import { COHORT_STEPS, loadCohort } from "../../ingest/demo/load-demo.js";
import { beginDemoLoad, completeDemoLoad, demoState } from "../../ingest/demo/demo-marker.js";
import { progressBar } from "../progress.js";
import { addStoreFlags, storeConfig, type StoreFlags } from "../store-options.js";

/** Loads the demo's records, then ingests its DICOM files (written into `<dataDir>/demo-dicom` once). */
export async function loadDemo(store: GraphStore, logger: Logger, dataDir: string): Promise<ImagingSource> {
  const records = demoCohort();
  await beginDemoLoad(store);
  const progress = progressBar(COHORT_STEPS, "demo cohort");
  try {
    await loadCohort(store, records, (step) => progress.advance(step));
  } finally {
    progress.stop();
  }
  logger.info({ patients: records.patients.length, genes: records.genes.length, expression: records.expression.length, mutations: records.mutations.length }, "demo cohort loaded");
  const imaging = await demoImagingSource(dataDir, records);
  const failures = await ingestDemoImages(store, imaging, records);
  if (failures.length > 0) logger.warn({ failures: failures.map((f) => ({ kind: f.kind, uid: f.uid, error: f.error.message })) }, "some demo DICOM files could not be ingested");
  logger.info({ folder: demoDicomFolder(dataDir), lesions: records.lesions.length }, "demo images ingested from DICOM files");
  await completeDemoLoad(store, records);
  return imaging;
}

export function demoCommand(program: Command, logger: Logger): void {
  addStoreFlags(program.command("demo"))
    .description("load the generated demo cohort (TCGA-like patients, imaging from DICOM files it writes into <data-dir>/demo-dicom, genes, gene sets, expression); safe to re-run")
    .option("--reset", "delete everything in the store first")
    .action(async (flags: StoreFlags & { reset?: boolean }) => {
      const store = await openStore(storeConfig(flags));
      try {
        if (flags.reset) await store.deleteEverything();
        else if ((await demoState(store)) === "incomplete") logger.warn("the demo load in this store never completed (no complete LoadMarker): repairing by reloading it (idempotent)");
        await loadDemo(store, logger, flags.dataDir ?? "./data");
      } finally {
        await store.close();
      }
    });
}
