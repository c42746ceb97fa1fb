// Issue 12, finding 5: deleting the keys file while `serve --keys` ran made the server accept
// mutations without a key. Now the real CLI, on both stores, refuses to start on a missing or invalid
// key file, and refuses every mutation (typed FORBIDDEN, nothing stored) once the file is removed or
// broken at runtime, with or without a key, until it is restored.
import { mkdtemp, rm, writeFile, rename } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addKeyToFile } from "../../resolvers/api-key-file.js";
import { CliProcesses, runCli } from "../support/cli-process.js";
import { graphql } from "../support/graphql-client.js";
import { neo4jUri } from "../support/stores.js";

const processes = new CliProcesses();
let dir: string;
beforeAll(async () => (dir = await mkdtemp(path.join(os.tmpdir(), "rg-failclosed-"))));
afterEach(() => processes.stopAll());
afterAll(() => rm(dir, { recursive: true, force: true }));

const SAVE = `mutation { saveCohort(name: "x", filter: { collectionIds: ["TCGA-GBM"] }) { id } }`;
const STORES = [
  { name: "embedded Ladybug", args: (d: string) => ["--data-dir", d] },
  { name: "Neo4j", args: (d: string) => ["--data-dir", d, "--neo4j", neo4jUri()] },
];

describe("key file fails closed at start", () => {
  it("refuses to start when the --keys file is missing", async () => {
    const { code, stderr } = await runCli(["serve", "--port", "0", "--keys", path.join(dir, "none.json"), "--data-dir", path.join(dir, "a")]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/API key file .*none\.json is missing/);
  });

  it("refuses to start when the key file is not valid JSON", async () => {
    const file = path.join(dir, "broken.json");
    await writeFile(file, "{ not json");
    const { code, stderr } = await runCli(["serve", "--port", "0", "--keys", file, "--data-dir", path.join(dir, "b")]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/API key file .*broken\.json is not valid/);
  });
});

describe.each(STORES)("key file removed at runtime [$name]", (store) => {
  it("refuses mutations with and without a key once the file is gone, and again accepts when restored", async () => {
    const file = path.join(dir, `keys-${store.name.split(" ")[0]}.json`);
    const { key } = addKeyToFile(file, "all");
    const url = await processes.start(["serve", "--port", "0", "--keys", file, ...store.args(path.join(dir, `d-${store.name.split(" ")[0]}`))], /GraphQL API: (\S+)/);
    const code = async (headers: Record<string, string>) => (await graphql(url, SAVE, {}, headers)).errors?.[0]?.extensions?.code;
    expect(await code({})).toBe("UNAUTHENTICATED");
    expect(await code({ "x-api-key": key })).toBe("BAD_USER_INPUT"); // past the key check: an empty store makes an empty cohort

    await rename(file, `${file}.away`);
    expect(await code({})).toBe("FORBIDDEN");
    const refused = await graphql(url, SAVE, {}, { "x-api-key": key });
    expect(refused.errors![0]!.extensions!.code).toBe("FORBIDDEN");
    expect(refused.errors![0]!.message).toMatch(/API key file is missing.*fails closed/);
    expect(refused.errors![0]!.message).not.toContain(dir); // no path in answers

    await writeFile(file, "{ broken");
    expect(await code({})).toBe("FORBIDDEN");

    await rename(`${file}.away`, file);
    expect(await code({ "x-api-key": key })).toBe("BAD_USER_INPUT");
  });
});
