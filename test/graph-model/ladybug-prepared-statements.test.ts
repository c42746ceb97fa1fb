// The embedded store reuses prepared statements by text: one query run with parameters of other values
// and other list lengths answers each time as a fresh statement would, and a long run of relationship counts does not
// grow the process (the binding frees a statement only on GC, which native memory does not trigger).
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LadybugExecutor } from "../../graph-model/ladybug/ladybug-executor.js";
import { PreparedStatements } from "../../graph-model/ladybug/prepared-statements.js";

let dir: string;
let executor: LadybugExecutor;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "rg-prepared-"));
  executor = await LadybugExecutor.open(dir);
  await executor.ensureSchema();
  await executor.write(async (tx) => {
    for (const id of ["P1", "P2", "P3"]) await tx.run({ text: "CREATE (:Patient {id: $id, source: $source})", params: { id, source: "test" } });
  });
});
afterAll(async () => {
  await executor.close();
  await rm(dir, { recursive: true, force: true });
});

describe("Ladybug prepared statements", () => {
  it("answers one text with new parameter values and list lengths each time", async () => {
    const text = "MATCH (p:Patient) WHERE p.id IN $keys RETURN p.id AS id ORDER BY id";
    expect(await executor.read({ text, params: { keys: ["P1"] } })).toEqual([{ id: "P1" }]);
    expect(await executor.read({ text, params: { keys: ["P3", "P2", "nope"] } })).toEqual([{ id: "P2" }, { id: "P3" }]);
    expect(await executor.read({ text, params: { keys: [] } })).toEqual([]);
  });

  it("keeps a few hundred statements, least recently used out, and does not keep a failed one", async () => {
    let prepared = 0;
    const fake = { isSuccess: () => true } as never;
    const cache = new PreparedStatements(async () => (prepared++, fake), 2);
    await cache.get("a");
    await cache.get("b");
    await cache.get("a"); // a is now the most recent
    await cache.get("c"); // b goes
    await cache.get("a");
    expect(prepared).toBe(3);
    await cache.get("b");
    expect(prepared).toBe(4);
    const failing = new PreparedStatements(async () => ({ isSuccess: () => false }) as never);
    await failing.get("bad");
    expect(failing.size).toBe(0);
  });

  it("runs 3,000 reads without the process growing by more than 100 MB", async () => {
    const before = process.memoryUsage().rss;
    for (let i = 0; i < 3_000; i++) await executor.read({ text: "MATCH ()-[e:HAS_STUDY]->() RETURN count(e) AS n", params: {} });
    const grown = (process.memoryUsage().rss - before) / 1e6;
    expect(grown).toBeLessThan(100); // before the cache: ~100 kB per read, 300 MB here
  });
});
