// The completion marker of a bulk expression load, one per (source, project): LoadMarker
// `expression:<source>:<project>` is written LOADING before the first value and COMPLETE (with the count)
// after the last. A marker still LOADING when a server starts means a process died mid-load: that
// load's values are removed (a reader never gets half a matrix as if it were whole) and the marker says
// ROLLED_BACK until the ingest runs again (its job's checkpoint never recorded the expression step).
import type { Logger } from "pino";
import type { GraphStore } from "../../graph-model/graph-store.js";

const PREFIX = "expression:";

export interface ExpressionLoad {
  /** The values' source, as on the records (GDC, cBioPortal). */
  source: string;
  /** GDC project or cBioPortal study id. */
  project: string;
  /** The collection whose patients the values hang from (what a rollback deletes). */
  collectionId: string;
  dataRelease: string;
}

export const expressionMarkerId = (load: Pick<ExpressionLoad, "source" | "project">): string => `${PREFIX}${load.source}:${load.project}`;

/**
 * Runs `write` (the bulk load) between a LOADING and a COMPLETE marker; returns what `write` returns. When
 * `write` fails (a truncated upstream file, a store error between two COPY chunks), the load's values are
 * removed at once as the next start would remove them, the marker says ROLLED_BACK, and the error goes on:
 * readers never see half a matrix. If the removal fails too, the marker stays LOADING for the next start.
 */
export async function withExpressionMarker(store: GraphStore, load: ExpressionLoad, write: () => Promise<number>, now = () => new Date()): Promise<number> {
  const id = expressionMarkerId(load);
  const startedAt = now().toISOString();
  const base = { id, version: load.dataRelease, seed: null, startedAt };
  await store.saveLoadMarker({ ...base, status: "LOADING", counts: { collection: load.collectionId }, completedAt: null });
  let written: number;
  try {
    written = await write();
  } catch (error) {
    try {
      await store.deleteExpressionOfCollection(load.collectionId, load.source);
      await store.saveLoadMarker({ ...base, status: "ROLLED_BACK", counts: { collection: load.collectionId }, completedAt: now().toISOString() });
    } catch {
      // left LOADING: rollBackIncompleteExpressionLoads repairs it before the next server serves
    }
    throw error;
  }
  await store.saveLoadMarker({ ...base, status: "COMPLETE", counts: { collection: load.collectionId, expression: written }, completedAt: now().toISOString() });
  return written;
}

export interface RolledBackLoad {
  markerId: string;
  collectionId: string;
  source: string;
}

/** Before serving: removes the values of every expression load a killed process left LOADING, saying so. */
export async function rollBackIncompleteExpressionLoads(store: GraphStore, logger: Pick<Logger, "warn">): Promise<RolledBackLoad[]> {
  const rolledBack: RolledBackLoad[] = [];
  for (const marker of await store.loadMarkers()) {
    if (!marker.id.startsWith(PREFIX) || marker.status !== "LOADING") continue;
    const source = marker.id.slice(PREFIX.length).split(":")[0]!;
    const collectionId = String((marker.counts as { collection?: unknown } | null)?.collection ?? "");
    if (!collectionId) continue;
    logger.warn({ marker: marker.id, collection: collectionId, source }, `repairing: the bulk expression load ${marker.id} never completed (LoadMarker still LOADING); removing its partial ${source} values of ${collectionId} before serving — run the ingest again (or resumeJob) to load them`);
    await store.deleteExpressionOfCollection(collectionId, source);
    await store.saveLoadMarker({ ...marker, status: "ROLLED_BACK", completedAt: new Date().toISOString() });
    rolledBack.push({ markerId: marker.id, collectionId, source });
  }
  return rolledBack;
}
