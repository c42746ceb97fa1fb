// The two real stores the contract suite runs against: embedded Ladybug in a temp directory, and the
// Neo4j server scripts/test.sh starts (NEO4J_URI). A missing Neo4j fails the suite; it is never skipped.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { GraphStore } from "../../graph-model/graph-store.js";
import { openStore } from "../../graph-model/open-store.js";

export interface StoreUnderTest {
  readonly name: string;
  open(): Promise<GraphStore>;
  dispose(store: GraphStore): Promise<void>;
}

const tempDirs = new WeakMap<GraphStore, string>();

export const embeddedStore: StoreUnderTest = {
  name: "embedded Ladybug",
  async open() {
    const dir = await mkdtemp(path.join(os.tmpdir(), "rg-ladybug-"));
    const store = await openStore({ kind: "embedded", dataDir: dir });
    tempDirs.set(store, dir);
    return store;
  },
  async dispose(store) {
    await store.close();
    const dir = tempDirs.get(store);
    if (dir) await rm(dir, { recursive: true, force: true });
  },
};

export function neo4jUri(): string {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error("NEO4J_URI is not set: run the suite with `npm test`, which starts a real Neo4j, or export NEO4J_URI=bolt://127.0.0.1:7687");
  return uri;
}

export const neo4jStore: StoreUnderTest = {
  name: `Neo4j ${process.env.NEO4J_URI ?? "(NEO4J_URI unset)"}`,
  async open() {
    const store = await openStore({ kind: "neo4j", uri: neo4jUri(), user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD });
    await store.deleteEverything();
    return store;
  },
  async dispose(store) {
    await store.deleteEverything();
    await store.close();
  },
};

export const BOTH_STORES: StoreUnderTest[] = [embeddedStore, neo4jStore];
