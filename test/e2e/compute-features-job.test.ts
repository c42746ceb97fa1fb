// The computeFeatures mutation runs a cohort's features as a job; API keys guard it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../cli/server.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import { demoCohort } from "../../ingest/demo/demo-cohort.js";
import { createApiKey } from "../../resolvers/api-keys.js";
import { finishedJob, graphql } from "../support/graphql-client.js";
import { startTestPlatform, type TestPlatform } from "../support/test-platform.js";
import { BOTH_STORES } from "../support/stores.js";

const cohort = demoCohort();
const computeKey = createApiKey(["compute"]);
const ingestKey = createApiKey(["ingest"]);
const MUTATION = `mutation($cohort: PatientFilterInput) { computeFeatures(cohort: $cohort, families: ["glcm", "intensity_statistics"]) { id status progress { total } } }`;
const JOB = `query($id: ID!) { job(id: $id) { status progress { total done failed skipped } errors { key code message } } }`;

const finished = (url: string, id: string) => finishedJob(url, JOB, id);

describe.each(BOTH_STORES)("computeFeatures job [$name]", (target) => {
  let platform: TestPlatform;
  let store: GraphStore;
  let server: RunningServer;

  beforeAll(async () => {
    platform = await startTestPlatform(target, { cohort, services: { apiKeys: `${computeKey.entry};${ingestKey.entry}` } });
    ({ store, server } = platform);
  });
  afterAll(() => platform.stop());

  it("refuses callers without a key, with a revoked or mistyped key, or without the scope, and changes nothing", async () => {
    const attempts: Array<[Record<string, string>, string]> = [
      [{}, "UNAUTHENTICATED"],
      [{ "x-api-key": "rg_not-a-key" }, "UNAUTHENTICATED"],
      [{ "x-api-key": ingestKey.key }, "FORBIDDEN"],
    ];
    for (const [headers, code] of attempts) {
      const { data, errors } = await graphql(server.graphqlUrl, MUTATION, {}, headers);
      expect(errors![0]!.extensions!.code, JSON.stringify(headers)).toBe(code);
      expect(data).toBeNull();
    }
    expect((await store.counts()).HAS_FEATURE).toBe(0);
    expect((await graphql(server.graphqlUrl, `{ jobs { id } }`)).data.jobs).toEqual([]);
  });

  it("computes every lesion of the cohort as a job, then resumes it as already done", async () => {
    const headers = { "x-api-key": computeKey.key };
    const filter = { collectionIds: ["TCGA-LUAD"] };
    const lesions = await store.lesionsOfPatients(filter);
    const started = await graphql(server.graphqlUrl, MUTATION, { cohort: filter }, headers);
    expect(started.errors).toBeUndefined();
    const job = await finished(server.graphqlUrl, started.data.computeFeatures.id);
    expect(job).toMatchObject({ status: "SUCCEEDED", progress: { total: lesions.length, done: lesions.length, failed: 0 }, errors: [] });
    const stored = await store.featuresOfLesions(lesions.map((l) => l.id));
    expect(stored.size).toBe(lesions.length);
    const before = (await store.counts()).HAS_FEATURE;

    const again = await graphql(server.graphqlUrl, MUTATION, { cohort: filter }, headers);
    expect(again.data.computeFeatures.id).toBe(started.data.computeFeatures.id);
    expect(await finished(server.graphqlUrl, again.data.computeFeatures.id)).toMatchObject({ status: "SUCCEEDED", progress: { done: 0, skipped: lesions.length } });
    expect((await store.counts()).HAS_FEATURE).toBe(before);
  });

  it("treats hostile strings in the cohort filter as data", async () => {
    const hostile = "x') DETACH DELETE n //";
    const { data, errors } = await graphql(server.graphqlUrl, MUTATION, { cohort: { collectionIds: [hostile], ids: [hostile] } }, { "x-api-key": computeKey.key });
    expect(errors).toBeUndefined();
    expect((await finished(server.graphqlUrl, data.computeFeatures.id)).progress.total).toBe(0);
    expect((await store.counts()).Patient).toBe(cohort.patients.length);
  });

  it("gives NOT_FOUND for an unknown job", async () => {
    const { errors } = await graphql(server.graphqlUrl, JOB, { id: "features-nope" });
    expect(errors![0]!.extensions!.code).toBe("NOT_FOUND");
  });
});
