// runAssociation on a server whose association service runs on the AssociationWorkerPool (as `serve`
// wires it): the workers start with the first analysis, get the request's deadline, and what is stored
// is bit for bit what the single-thread runner computes from the same matrices; a deadline that passes
// while the workers run terminates their tasks. (Workers load dist/: npm test builds first.)
import { afterAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { demoCohort } from "../../ingest/demo/demo-cohort.js";
import { AssociationWorkerPool } from "../../ingest/analysis/association-worker-pool.js";
import { inlineSpearmanWithQ, type SpearmanWithQ, type SpearmanWithQOptions } from "../../ingest/analysis/association-runner.js";
import { createServices } from "../../cli/services.js";
import { RequestDeadline, withRequestDeadline } from "../../compute/request-deadline.js";
import { ResolverTimeoutError } from "../../compute/errors.js";
import type { FeatureSettings } from "../../compute/features/settings.js";
import type { Matrix } from "../../compute/stats/index.js";
import { useTestPlatform } from "../support/test-platform.js";
import { graphql } from "../support/graphql-client.js";
import { BOTH_STORES } from "../support/stores.js";

const DEFAULT_SETTINGS: FeatureSettings = { discretisation: { method: "fixedBinNumber", binCount: 32 } }; // the API's default
const cohort = demoCohort({ patientsPerCollection: 15 });
const RUN = `mutation($targets: AssociationTargets!, $keys: [String!]) {
  runAssociation(targets: $targets, targetKeys: $keys, families: ["intensity_statistics", "glcm"]) { id params } }`;
const LINKS = (field: string) => `query($id: ID!) { ${field}(analysisId: $id, first: 10000) { rho p q n } }`;

interface Call { features: Matrix; targets: Matrix; options: SpearmanWithQOptions; output: SpearmanWithQ }

/** The real pool, keeping each call's matrices, options and answer for the test to check. */
class RecordingPool extends AssociationWorkerPool {
  readonly calls: Call[] = [];
  override async spearmanWithQ(features: Matrix, targets: Matrix, options: SpearmanWithQOptions = {}): Promise<SpearmanWithQ> {
    const output = await super.spearmanWithQ(features, targets, options);
    this.calls.push({ features, targets, options, output });
    return output;
  }
}

/** The real pool, whose request deadline passes once its tasks are running. */
class DeadlineAtStartPool extends AssociationWorkerPool {
  deadline?: RequestDeadline;
  override spearmanWithQ(features: Matrix, targets: Matrix, options: SpearmanWithQOptions = {}): Promise<SpearmanWithQ> {
    const running = super.spearmanWithQ(features, targets, options);
    this.deadline!.abort(new ResolverTimeoutError("the request took longer than 1 ms", { timeoutMs: 1 }));
    return running;
  }
}

const cells = (links: Array<{ rho: number; p: number; q: number; n: number }>) => links.map((l) => [l.rho, l.p, l.q, l.n]).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]! || a[3]! - b[3]!);

describe.each(BOTH_STORES)("association on the worker pool [$name]", (target) => {
  // one target row per task: even 3 genes are split over both workers
  const pool = new RecordingPool({ size: 2, minRowsPerTask: 1 });
  const platform = useTestPlatform(target, { cohort, services: { associationPool: pool } });
  afterAll(() => pool.close());

  for (const [targets, keys, field] of [["GENES", ["CA9", "VEGFA", "MKI67"], "featureGeneLinks"], ["PATHWAYS", undefined, "featurePathwayLinks"]] as const) {
    it(`${targets}: stores exactly what the single-thread runner computes, with the request's deadline on the tasks`, async () => {
      if (targets === "GENES") expect(pool.started).toBe(false); // no workers before the first analysis
      const before = pool.calls.length;
      const { data, errors } = await graphql(platform.server.graphqlUrl, RUN, { targets, keys });
      expect(errors).toBeUndefined();
      expect(pool.calls.length).toBe(before + 1);
      expect(pool.started).toBe(true);
      const call = pool.calls.at(-1)!;
      expect(call.options.signal).toBeInstanceOf(AbortSignal); // the request's deadline reaches the workers
      expect(call.targets.rows).toBe(keys?.length ?? 4);
      const inline = await inlineSpearmanWithQ(call.features, call.targets, { minN: call.options.minN! });
      for (const k of ["rho", "p", "n", "status"] as const) expect(Array.from(call.output.result[k])).toEqual(Array.from(inline.result[k]));
      expect(Array.from(call.output.bh.q)).toEqual(Array.from(inline.bh.q));

      const stored = (await graphql(platform.server.graphqlUrl, LINKS(field), { id: data.runAssociation.id })).data[field];
      const expected = [];
      for (let c = 0; c < inline.result.rho.length; c++)
        if (inline.result.status[c] === 0) expected.push({ rho: inline.result.rho[c]!, p: inline.result.p[c]!, q: inline.bh.q[c]!, n: inline.result.n[c]! });
      expect(stored.length).toBe(data.runAssociation.params.tests);
      expect(cells(stored)).toEqual(cells(expected)); // doubles through the store and JSON unchanged
      expect(pool.activeTasks).toBe(0);
    });
  }

  it("a deadline that passes while the workers run fails the request with TIMEOUT and leaves no task running", async () => {
    const aborting = new DeadlineAtStartPool({ size: 2, minRowsPerTask: 1 });
    try {
      const services = createServices(platform.store, pino({ level: "silent" }), { demo: cohort, associationPool: aborting });
      const deadline = new RequestDeadline(0);
      aborting.deadline = deadline;
      const run = withRequestDeadline(deadline, () => services.associations.run({ cohort: {}, settings: DEFAULT_SETTINGS, families: ["intensity_statistics"], targets: "GENES", targetKeys: ["CA9", "MKI67"] }));
      await expect(run).rejects.toBeInstanceOf(ResolverTimeoutError);
      expect(aborting.activeTasks).toBe(0);
    } finally {
      await aborting.close();
    }
  });
});
