// cancelJob on the in-process engine, on both stores, through GraphQL: a running computeFeatures job
// stops (no more lesions start, running ones are stopped) and says CANCELLED with its counts; the
// mutation needs the scope the job's own mutation needed; unknown, finished and already cancelled jobs
// get their answers. And a subscription whose key is revoked while it is open is closed (4403).
import "reflect-metadata";
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoCohort } from "../../ingest/demo/demo-cohort.js";
import { settingsKey } from "../../ingest/features/feature-settings-key.js";
import { addKeyToFile, revokeKeyInFile } from "../../resolvers/api-key-file.js";
import { createApiKey } from "../../resolvers/api-keys.js";
import { DEFAULT_FEATURE_SETTINGS } from "../../resolvers/feature-settings.mapping.js";
import { graphql } from "../support/graphql-client.js";
import { BOTH_STORES } from "../support/stores.js";
import { startTestPlatform, type TestPlatform } from "../support/test-platform.js";

const cohort = demoCohort({ patientsPerCollection: 8 });
const admin = createApiKey("all");
const computeKey = createApiKey(["compute"]);
const ingestKey = createApiKey(["ingest"]);
const as = (key: { key: string }) => ({ "x-api-key": key.key });
const START = `mutation($cohort: PatientFilterInput, $families: [String!]) { computeFeatures(cohort: $cohort, families: $families) { id status progress { total } } }`;
const CANCEL = `mutation($id: ID!) { cancelJob(id: $id) { id status finishedAt progress { total done failed skipped cancelled } } }`;
const JOB = `query($id: ID!) { job(id: $id) { id status finishedAt progress { total done failed skipped cancelled } } }`;

async function until(url: string, id: string, done: (job: any) => boolean): Promise<any> {
  for (;;) {
    const { data } = await graphql(url, JOB, { id });
    if (done(data.job)) return data.job;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(BOTH_STORES)("cancelJob, in-process engine [$name]", (target) => {
  let platform: TestPlatform;
  let keyDir: string;
  let keyFile: string;
  let url: string;
  // An upstream that never answers: a job asking it stays RUNNING for as long as a test needs.
  const silent = http.createServer(() => undefined);

  beforeAll(async () => {
    keyDir = await mkdtemp(path.join(os.tmpdir(), "rg-cancel-keys-"));
    keyFile = path.join(keyDir, "api-keys.json");
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const reactomeUrl = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
    platform = await startTestPlatform(target, { cohort, services: { apiKeys: `${admin.entry};${computeKey.entry};${ingestKey.entry}`, apiKeyFile: keyFile, reactomeUrl } });
    url = platform.server.graphqlUrl;
  });
  afterAll(async () => {
    silent.closeAllConnections();
    silent.close();
    await platform?.stop();
    if (keyDir) await rm(keyDir, { recursive: true, force: true });
  });

  it("stops a running computeFeatures job: CANCELLED with done and cancelled counts; scope-checked; no more lesions get features", async () => {
    const started = await graphql(url, START, {}, as(computeKey));
    expect(started.errors).toBeUndefined();
    const { id } = started.data.computeFeatures;
    const total = cohort.lesions.length;

    // The job's scope is compute: no key, or an ingest key, may not stop it (and nothing changes).
    expect((await graphql(url, CANCEL, { id })).errors![0]!.extensions!.code).toBe("UNAUTHENTICATED");
    expect((await graphql(url, CANCEL, { id }, as(ingestKey))).errors![0]!.extensions!.code).toBe("FORBIDDEN");

    await until(url, id, (job) => job.progress.done >= 1);
    const answer = await graphql(url, CANCEL, { id }, as(computeKey));
    expect(answer.errors).toBeUndefined();
    const cancelled = answer.data.cancelJob;
    expect(cancelled.status).toBe("CANCELLED");
    expect(cancelled.finishedAt).not.toBeNull();
    const { done, failed, skipped } = cancelled.progress;
    expect(cancelled.progress.total).toBe(total);
    expect(failed).toBe(0);
    expect(done).toBeGreaterThanOrEqual(1);
    expect(done).toBeLessThan(total);
    expect(cancelled.progress.cancelled).toBe(total - done - skipped);
    expect((await graphql(url, JOB, { id })).data.job).toEqual(cancelled);

    // No lesion starts after the cancel: the store holds features for the lesions counted done, no more.
    const hash = settingsKey(DEFAULT_FEATURE_SETTINGS).hash;
    const lesionIds = cohort.lesions.map((l) => l.id);
    const withFeatures = async () => [...(await platform.store.featuresOfLesions(lesionIds, hash)).values()].filter((values) => values.length > 0).length;
    const stored = await withFeatures();
    expect(stored).toBe(done);
    await new Promise((r) => setTimeout(r, 500));
    expect(await withFeatures()).toBe(stored);

    // Again: the cancelled job as it is. Unknown: NOT_FOUND.
    expect((await graphql(url, CANCEL, { id }, as(admin))).data.cancelJob).toEqual(cancelled);
    expect((await graphql(url, CANCEL, { id: "no-such-job" }, as(admin))).errors![0]!.extensions!.code).toBe("NOT_FOUND");
  }, 120_000);

  it("refuses to cancel a finished job (BAD_USER_INPUT), saying why", async () => {
    const started = await graphql(url, START, { cohort: { ids: [cohort.patients[0]!.id] }, families: ["intensity_statistics"] }, as(admin));
    const { id } = started.data.computeFeatures;
    await until(url, id, (job) => job.status === "SUCCEEDED");
    const refused = await graphql(url, CANCEL, { id }, as(admin));
    expect(refused.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(refused.errors![0]!.message).toMatch(/is succeeded: only a queued or running job can be cancelled/);
  });

  it("closes an open jobUpdated subscription when its key is revoked (4403, saying so)", async () => {
    const reader = addKeyToFile(keyFile, ["read"], "revoked while subscribed");
    const started = await graphql(url, `mutation { ingestReactomePathways(genes: ["P04637"], release: "Reactome 89") { id } }`, {}, as(admin));
    expect(started.errors).toBeUndefined();
    const { id } = started.data.ingestReactomePathways;
    const client = createClient({ url: url.replace(/^http/, "ws"), webSocketImpl: WebSocket, connectionParams: { apiKey: reader.key }, retryAttempts: 0 });
    const updates: any[] = [];
    let closed: any;
    try {
      for await (const message of client.iterate({ query: `subscription($id: ID!) { jobUpdated(id: $id) { id status } }`, variables: { id } })) {
        updates.push(message.data!.jobUpdated);
        if (updates.length === 1) revokeKeyInFile(keyFile, reader.id);
      }
    } catch (error) {
      closed = error;
    } finally {
      await client.dispose();
      await graphql(url, CANCEL, { id }, as(admin));
    }
    expect(updates[0]).toMatchObject({ id, status: expect.stringMatching(/QUEUED|RUNNING/) });
    expect(closed?.code).toBe(4403);
    expect(closed?.reason).toMatch(new RegExp(`UNAUTHENTICATED: the API key ${reader.id} was revoked`));
  }, 120_000);
});
