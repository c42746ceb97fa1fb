// Per-request DataLoaders: every field that touches the store goes through one of these, so a
// nested query costs one store round trip per level, not one per parent.
import DataLoader from "dataloader";
import type { GraphStore } from "../graph-model/graph-store.js";
import type * as M from "../graph-model/model/records.js";
import type { FeatureSettings } from "../compute/features/settings.js";
import type { FeatureFamily } from "../compute/features/types.js";
import type { FeatureService } from "../ingest/features/feature-service.js";

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

/** One loader per argument value, created on first use, so fields with arguments batch too. */
function perArgument<A, L>(create: (arg: A) => L): (arg: A) => L {
  const loaders = new Map<A, L>();
  return (arg) => {
    let loader = loaders.get(arg);
    if (!loader) loaders.set(arg, (loader = create(arg)));
    return loader;
  };
}

/** beforeCompute: throws when this request may not compute missing feature values (compute-on-read.ts). */
export function createLoaders(store: GraphStore, features: FeatureService, beforeCompute?: () => void) {
  const computed = perArgument((key: string) => {
    const { settings, families } = JSON.parse(key) as { settings: FeatureSettings; families: FeatureFamily[] };
    return new DataLoader<string, M.LesionFeature[]>((ids) => features.featuresOfLesions(ids, settings, families, { beforeCompute }));
  });
  return {
    /** Features per lesion for one (settings, families) pair, computed where the graph has none. */
    computedFeatures: (settings: FeatureSettings, families: FeatureFamily[]) => computed(JSON.stringify({ settings, families })),
    mutationsOfPatient: grouped((ids) => store.mutationsOfPatients(ids)),
    featuresOfLesion: perArgument((settingsHash: string | null) => grouped((ids) => store.featuresOfLesions(ids, settingsHash ?? undefined))),
    /** Keyed by JSON `{symbols, source}` (source null: every source). */
    expressionOfPatient: perArgument((key: string) =>
      grouped(async (ids) => {
        const { symbols, source } = JSON.parse(key) as { symbols: string[]; source: string | null };
        const groups = new Map<string, M.Expression[]>();
        for (const row of await store.expressionOf(ids, symbols, source ?? undefined)) {
          const group = groups.get(row.patientId);
          if (group) group.push(row);
          else groups.set(row.patientId, [row]);
        }
        return groups;
      }),
    ),
    patient: byKey<M.Patient>((ids) => store.patientsByIds(ids), (p) => p.id),
    collection: byKey<M.Collection>((ids) => store.collectionsByIds(ids), (c) => c.id),
    gene: byKey<M.Gene>((symbols) => store.genesBySymbols(symbols), (g) => g.symbol),
    pathway: byKey<M.Pathway>((ids) => store.pathways({ ids: [...ids] }), (p) => p.id),
    lesion: byKey<M.Lesion>((ids) => store.lesionsByIds(ids), (l) => l.id),
    study: byKey<M.Study>((uids) => store.studiesByUids(uids), (s) => s.uid),
    series: byKey<M.Series>((uids) => store.seriesByUids(uids), (s) => s.uid),
    collectionsOfPatient: grouped((ids) => store.collectionsOfPatients(ids)),
    studiesOfPatient: grouped((ids) => store.studiesOfPatients(ids)),
    seriesOfStudy: grouped((uids) => store.seriesOfStudies(uids)),
    lesionsOfSeries: grouped((uids) => store.lesionsOfSeries(uids)),
    pathwaysOfGene: grouped((symbols) => store.pathwaysOfGenes(symbols)),
    genesOfPathway: grouped((ids) => store.genesOfPathways(ids)),
    cohort: byKey<M.Cohort>((ids) => store.cohortsByIds(ids), (c) => c.id),
    cohortMembers: grouped((ids) => store.cohortMembers(ids)),
    seriesOfCohort: grouped((ids) => store.seriesOfCohorts(ids)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
