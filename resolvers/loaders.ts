// Per-request DataLoaders: every field that touches the store goes through one of these, so a
// nested query costs one store round trip per level, not one per parent.
import DataLoader from "dataloader";
import type { GraphStore } from "../graph-model/graph-store.js";
import type * as M from "../graph-model/model/records.js";

/** Loads items by key; a key with no item resolves to null. */
function byKey<T>(fetch: (keys: readonly string[]) => Promise<T[]>, keyOf: (item: T) => string): DataLoader<string, T | null> {
  return new DataLoader(async (keys) => {
    const found = new Map((await fetch(keys)).map((item) => [keyOf(item), item]));
    return keys.map((key) => found.get(key) ?? null);
  });
}

/** Loads the list hanging from each key; a key with none resolves to []. */
function grouped<T>(fetch: (keys: readonly string[]) => Promise<Map<string, T[]>>): DataLoader<string, T[]> {
  return new DataLoader(async (keys) => {
    const groups = await fetch(keys);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

export function createLoaders(store: GraphStore) {
  return {
    patient: byKey<M.Patient>((ids) => store.patientsByIds(ids), (p) => p.id),
    collection: byKey<M.Collection>((ids) => store.collectionsByIds(ids), (c) => c.id),
    gene: byKey<M.Gene>((symbols) => store.genesBySymbols(symbols), (g) => g.symbol),
    collectionsOfPatient: grouped((ids) => store.collectionsOfPatients(ids)),
    studiesOfPatient: grouped((ids) => store.studiesOfPatients(ids)),
    seriesOfStudy: grouped((uids) => store.seriesOfStudies(uids)),
    lesionsOfSeries: grouped((uids) => store.lesionsOfSeries(uids)),
    pathwaysOfGene: grouped((symbols) => store.pathwaysOfGenes(symbols)),
    genesOfPathway: grouped((ids) => store.genesOfPathways(ids)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
