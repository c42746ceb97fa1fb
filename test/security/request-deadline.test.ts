// Issue 12, finding 4: "a request that times out keeps computing". Now the request's deadline stops
// the work, on both stores: feature tasks on the worker pool are terminated and no later store query
// or write starts. Shown by the process's CPU (all its threads, the pool's workers included) over
// 1.5 s after the TIMEOUT answer: near idle, and no pool task left. The figure is printed.
import { afterAll, describe, expect, it } from "vitest";
import { demoCohort } from "../../ingest/demo/demo-cohort.js";
import { FeatureWorkerPool } from "../../ingest/features/feature-worker-pool.js";
import { graphql } from "../support/graphql-client.js";
import { delta, type Counts } from "../support/store-delta.js";
import { BOTH_STORES } from "../support/stores.js";
import { useTestPlatform } from "../support/test-platform.js";

const cohort = demoCohort({ patientsPerCollection: 2 });
const lesion = cohort.lesions[0]!;
const series = cohort.series.find((s) => s.uid === lesion.seriesUid)!;
const patientId = cohort.studies.find((s) => s.uid === series.studyUid)!.patientId;
const DEADLINE_MS = 300;

/** Enough distinct settings that computing them all takes many seconds on the pool. */
function heavyQuery(aliases: number, seed: number): string {
  const fields = Array.from({ length: aliases }, (_, i) => `f${i}: features(settings: { binCount: ${seed + i} }) { value }`);
  return `query($id: ID!) { patient(id: $id) { studies { series { lesions { id ${fields.join(" ")} } } } } }`;
}

/** Cores used by this process (every thread) over `ms`. */
async function coresUsedOver(ms: number): Promise<number> {
  const start = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const used = process.cpuUsage(start);
  const wall = Number(process.hrtime.bigint() - t0) / 1000;
  return (used.user + used.system) / wall;
}

describe.each(BOTH_STORES)("a timed-out request leaves no work running [$name]", (target) => {
  const pool = new FeatureWorkerPool(2);
  afterAll(() => pool.close());
  const platform = useTestPlatform(target, {
    cohort,
    services: { featurePool: pool },
    server: { resolverTimeoutMs: DEADLINE_MS, limits: { maxDepth: 20, maxCost: 10_000_000, maxSettingsPerRequest: 100 } },
  });

  it("answers TIMEOUT, then the process is near idle and the pool empty", async () => {
    const before = (await platform.store.counts()) as Counts;
    const { errors } = await graphql(platform.server.graphqlUrl, heavyQuery(40, target.name.startsWith("Neo4j") ? 500 : 600), { id: patientId });
    expect(errors?.[0]?.extensions?.code).toBe("TIMEOUT");
    await new Promise((resolve) => setTimeout(resolve, 200)); // let terminated workers exit
    const cores = await coresUsedOver(1500);
    process.stdout.write(`[request-deadline ${target.name}] CPU over 1.5 s after the deadline: ${cores.toFixed(3)} cores; pool tasks left: ${pool.activeTasks}\n`);
    expect(pool.activeTasks).toBe(0);
    expect(cores).toBeLessThan(0.3);
    expect(delta(before, (await platform.store.counts()) as Counts)).toEqual({}); // nothing written after the deadline
  });
});
