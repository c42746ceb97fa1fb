// `radiogenomics demo`: loads the generated demo cohort into the configured store.
import type { Command } from "commander";
import type { Logger } from "pino";
import type { GraphStore } from "../../graph-model/graph-store.js";
import { openStore } from "../../graph-model/open-store.js";
import { demoCohort } from "../../ingest/demo/demo-cohort.js";
import { COHORT_STEPS, loadCohort } from "../../ingest/demo/load-demo.js";
import { progressBar } from "../progress.js";
import { addStoreFlags, storeConfig, type StoreFlags } from "../store-options.js";

export async function loadDemo(store: GraphStore, logger: Logger): Promise<void> {
  const records = demoCohort();
  const progress = progressBar(COHORT_STEPS, "demo cohort");
  try {
    await loadCohort(store, records, (step) => progress.advance(step));
  } finally {
    progress.stop();
  }
  logger.info({ patients: records.patients.length, genes: records.genes.length, expression: records.expression.length, mutations: records.mutations.length }, "demo cohort loaded");
}

export function demoCommand(program: Command, logger: Logger): void {
  addStoreFlags(program.command("demo"))
    .description("load the generated demo cohort (TCGA-like patients, imaging metadata, genes, gene sets, expression); safe to re-run")
    .option("--reset", "delete everything in the store first")
    .action(async (flags: StoreFlags & { reset?: boolean }) => {
      const store = await openStore(storeConfig(flags));
      try {
        if (flags.reset) await store.deleteEverything();
        await loadDemo(store, logger);
      } finally {
        await store.close();
      }
    });
}
