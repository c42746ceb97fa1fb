// Scale-out readiness on the real Neo4j: a `neo4j://` routing URI (what a cluster is addressed by)
// works against a single instance, and the executor's reads run as read transactions — the server
// itself refuses a write sent through read(), which is what lets a cluster route reads to followers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as nodeCypher from "../../graph-model/cypher/node.cypher.js";
import { neo4jDialect } from "../../graph-model/cypher/dialect.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import * as N from "../../graph-model/model/nodes.js";
import { demoCohort } from "../../ingest/demo/demo-cohort.js";
import { loadCohort } from "../../ingest/demo/load-demo.js";
import { Neo4jExecutor } from "../../graph-model/neo4j/neo4j-executor.js";
import { openStore } from "../../graph-model/open-store.js";
import { neo4jUri } from "../support/stores.js";

const routingUri = neo4jUri().replace(/^bolt:\/\//, "neo4j://");

describe(`Neo4j routing URI [Neo4j ${routingUri}]`, () => {
  let store: GraphStore;
  let executor: Neo4jExecutor;
  beforeAll(async () => {
    store = await openStore({ kind: "neo4j", uri: routingUri });
    await store.deleteEverything();
    executor = await Neo4jExecutor.connect({ uri: routingUri });
  });
  afterAll(async () => {
    await store.deleteEverything();
    await store.close();
    await executor.close();
  });

  it("accepts a neo4j:// URI and routes writes and reads on a single instance", async () => {
    expect(routingUri).toMatch(/^neo4j:\/\//);
    expect(store.location).toBe(routingUri);
    const cohort = demoCohort({ patientsPerCollection: 2 });
    await loadCohort(store, cohort);
    const ids = cohort.patients.map((p) => p.id);
    expect((await store.patientsByIds(ids)).map((p) => p.id).sort()).toEqual([...ids].sort());
    expect((await store.counts()).Lesion).toBe(cohort.lesions.length);
  });

  it("runs reads as read transactions: the server refuses a write sent through read()", async () => {
    const write = nodeCypher.upsertNodes(N.Patient, neo4jDialect, nodeCypher.encodeRows(N.Patient, neo4jDialect, [{ id: "TCGA-RT-0002" }]));
    await expect(executor.read(write)).rejects.toMatchObject({ code: "Neo.ClientError.Statement.AccessMode" });
    expect(await store.patientsByIds(["TCGA-RT-0002"])).toEqual([]);
    await executor.write((tx) => tx.run(write));
    expect(await store.patientsByIds(["TCGA-RT-0002"])).toHaveLength(1);
  });
});
