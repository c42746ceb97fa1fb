// The demo load's completion marker: LoadMarker 'demo' is written LOADING before the first record
// and COMPLETE (with the counts) after the last, so a start after a kill can tell a partial demo
// graph from a whole one.
import type { GraphStore } from "../../graph-model/graph-store.js";
import type { CohortRecords } from "./demo-cohort.js";

export const DEMO_MARKER_ID = "demo";
/** Bump with any change to the demo cohort's records: a store with an older marker is reloaded. */
export const DEMO_VERSION = "demo-1";
export const DEMO_SEED = 20261129;

/** complete: served as is; incomplete: a load began and never finished (or an older version); absent: never loaded. */
export type DemoState = "complete" | "incomplete" | "absent";

export async function demoState(store: GraphStore): Promise<DemoState> {
  const marker = await store.loadMarker(DEMO_MARKER_ID);
  if (marker === null) return (await hasDemoRecords(store)) ? "incomplete" : "absent";
  return marker.status === "COMPLETE" && marker.version === DEMO_VERSION && marker.seed === DEMO_SEED ? "complete" : "incomplete";
}

/** Demo records without a marker: a data directory from before markers, or a kill before one was written. */
async function hasDemoRecords(store: GraphStore): Promise<boolean> {
  const collections = await store.collectionsByIds(["TCGA-GBM", "TCGA-LUAD"]);
  return collections.some((c) => c.source === "demo");
}

export async function beginDemoLoad(store: GraphStore, now = new Date()): Promise<void> {
  await store.saveLoadMarker({ id: DEMO_MARKER_ID, status: "LOADING", version: DEMO_VERSION, seed: DEMO_SEED, counts: null, startedAt: now.toISOString(), completedAt: null });
}

export async function completeDemoLoad(store: GraphStore, records: CohortRecords, now = new Date()): Promise<void> {
  const counts = {
    collections: records.collections.length, patients: records.patients.length, studies: records.studies.length, series: records.series.length,
    lesions: records.lesions.length, genes: records.genes.length, pathways: records.pathways.length, expression: records.expression.length, mutations: records.mutations.length,
  };
  const marker = await store.loadMarker(DEMO_MARKER_ID);
  await store.saveLoadMarker({ id: DEMO_MARKER_ID, status: "COMPLETE", version: DEMO_VERSION, seed: DEMO_SEED, counts, startedAt: marker?.startedAt ?? now.toISOString(), completedAt: now.toISOString() });
}
