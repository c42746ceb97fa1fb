// Issue 12, finding 5: `serve --host 0.0.0.0` with no keys only warned. Now the real CLI exits
// non-zero with a message saying how to fix it, unless --allow-anonymous-writes; with keys it starts.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addKeyToFile } from "../../resolvers/api-key-file.js";
import { CliProcesses, runCli } from "../support/cli-process.js";

const processes = new CliProcesses();
let dataDir: string;
beforeAll(async () => (dataDir = await mkdtemp(path.join(os.tmpdir(), "rg-bind-"))));
afterEach(() => processes.stopAll());
afterAll(() => rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }));

describe("bind policy of the real CLI", () => {
  it("refuses --host 0.0.0.0 with no keys, exiting 1 with a clear message", async () => {
    const { code, stderr } = await runCli(["serve", "--port", "0", "--host", "0.0.0.0", "--data-dir", path.join(dataDir, "open")]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/refusing to listen on 0\.0\.0\.0 with no API keys.*--keys <file>.*--allow-anonymous-writes/);
  });

  it("refuses the gateway on 0.0.0.0 unless told explicitly", async () => {
    const { code, stderr } = await runCli(["gateway", "--port", "0", "--host", "0.0.0.0", "--subgraph", "imaging=http://127.0.0.1:1/graphql"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/refusing to listen on 0\.0\.0\.0 .*--allow-anonymous-writes/);
  });

  it("starts on 0.0.0.0 with --allow-anonymous-writes, or with a key file", async () => {
    const announce = /GraphQL API: (\S+)/;
    expect(await processes.start(["serve", "--port", "0", "--host", "0.0.0.0", "--allow-anonymous-writes", "--data-dir", path.join(dataDir, "anon")], announce)).toMatch(/^http:\/\/0\.0\.0\.0:\d+\/graphql$/);
    processes.stopAll();
    const keys = path.join(dataDir, "keys.json");
    addKeyToFile(keys, "all");
    expect(await processes.start(["serve", "--port", "0", "--host", "0.0.0.0", "--keys", keys, "--data-dir", path.join(dataDir, "keyed")], announce)).toMatch(/:\d+\/graphql$/);
  });

  it("still starts keyless on loopback (the default)", async () => {
    expect(await processes.start(["serve", "--port", "0", "--data-dir", path.join(dataDir, "loop")], /GraphQL API: (\S+)/)).toMatch(/^http:\/\/127\.0\.0\.1:/);
  });
});
