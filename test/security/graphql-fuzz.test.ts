// A GraphQL fuzz pass over the served schema (issue 12): operations generated from the real server's
// introspection with random arguments (wrong types, negative / huge numbers, long strings, unicode,
// injection-like text, random enum values) and random selections (deep, aliased, fragments), plus
// malformed requests, against `radiogenomics serve --demo` on loopback as a child process. Bounded by
// count and time (RG_FUZZ_COUNT, default 300 / 60 s on the embedded store, a fifth on Neo4j;
// RG_FUZZ_SEED replays a run). Asserts: no HTTP 5xx, the server still answers /health, RSS grew by less
// than 300 MB. The seed and count are printed.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateGenomicFixture, startReplayServer, type ReplayServer } from "../support/replay/index.js";
import { FUZZ_INTROSPECTION, FuzzSchema } from "../support/fuzz/fuzz-schema.js";
import { GraphqlFuzzer, type FuzzOperation } from "../support/fuzz/graphql-fuzzer.js";
import { startServerUnderFuzz, type ServerUnderFuzz } from "../support/fuzz/server-under-fuzz.js";
import { neo4jStore, neo4jUri } from "../support/stores.js";

const SEED = Number(process.env.RG_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const COUNT = Number(process.env.RG_FUZZ_COUNT ?? 300);
const TIME_BUDGET_MS = Number(process.env.RG_FUZZ_SECONDS ?? 60) * 1000;
const RSS_GROWTH_LIMIT_MB = 300;
/** Limit rejections (depth, cost, rate, list size): their status is being fixed on h-limits (→ 400/429). */
const LIMIT_REJECTION = /\b(nests \d+ levels deep|estimated cost|cost of|rate limit|too many|at most \d+|limit is)\b/i;

interface Finding {
  op: FuzzOperation;
  status: number;
  codes: string[];
  message: string;
}

const TARGETS = [
  { name: "embedded Ladybug", args: [] as string[], count: COUNT, timeMs: TIME_BUDGET_MS },
  { name: "Neo4j", args: ["--neo4j"], count: Math.max(1, Math.round(COUNT / 5)), timeMs: Math.round(TIME_BUDGET_MS / 3) },
];

describe.each(TARGETS)("GraphQL fuzz [$name]", (target) => {
  let replay: ReplayServer;
  let dataDir: string;
  let server: ServerUnderFuzz;
  let schema: FuzzSchema;
  let known: string[];
  const findings: Finding[] = [];
  let sent = 0;
  const statuses = new Map<string, number>();
  const samples: string[] = [];
  let rssBefore = 0;
  let rssAfter = 0;

  beforeAll(async () => {
    replay = await startReplayServer(generateGenomicFixture({ seed: 12, patientCount: 4 }));
    dataDir = await mkdtemp(path.join(os.tmpdir(), "rg-fuzz-"));
    if (target.args[0] === "--neo4j") await neo4jStore.dispose(await neo4jStore.open()); // an empty graph for --demo
    server = await startServerUnderFuzz([...target.args.flatMap((a) => (a === "--neo4j" ? [a, neo4jUri()] : [a])), "--demo", "--data-dir", dataDir], {
      // No test reaches the internet: every upstream is the local replay server or the test Orthanc.
      RG_GDC_URL: replay.gdcUrl,
      RG_CBIOPORTAL_URL: replay.cbioportalUrl,
      RG_REACTOME_URL: replay.reactomeUrl,
      RG_DICOMWEB_URL: process.env.ORTHANC_URL ?? "http://127.0.0.1:9/dicom-web",
      // The rate limit is tested elsewhere; here it would turn most operations into 429s before a resolver runs.
      RG_RATE_LIMIT_POINTS: "0",
    });
    schema = new FuzzSchema((await post(server.graphqlUrl, JSON.stringify({ query: FUZZ_INTROSPECTION }))).json.data.__schema);
    known = await knownStrings(server.graphqlUrl);
  }, 300_000);

  afterAll(async () => {
    await server?.stop();
    await replay?.close();
    await rm(dataDir, { recursive: true, force: true });
    if (target.args[0] === "--neo4j") await neo4jStore.dispose(await neo4jStore.open());
  });

  it(
    "runs the bounded fuzz pass; the server survives it with bounded memory",
    async () => {
      const fuzzer = new GraphqlFuzzer(schema, SEED, { known });
      rssBefore = await server.rssMb();
      const started = Date.now();
      while (sent < target.count && Date.now() - started < target.timeMs && server.exited() === undefined) {
        const op = fuzzer.next();
        sent++;
        // A connection the server closed after refusing a large body may be reused by the client once: ask again before calling it unanswered.
        const answer = await post(server.graphqlUrl, op.body)
          .catch(() => post(server.graphqlUrl, op.body))
          .catch((error: Error) => ({ status: 0, json: undefined, text: `no answer: ${error.message} ${(error.cause as Error)?.message ?? ""}` }));
        const outcome = `${answer.status}${answer.json?.errors ? `:${answer.json.errors[0]?.extensions?.code ?? "?"}` : ""}`;
        statuses.set(outcome, (statuses.get(outcome) ?? 0) + 1);
        if (process.env.RG_FUZZ_VERBOSE && samples.length < 400) samples.push(`${outcome} ${op.summary.slice(0, 160)} => ${answer.text.slice(0, 200)}`);
        if (answer.status === 0 || answer.status >= 500) findings.push(finding(op, answer));
      }
      rssAfter = server.exited() === undefined ? await server.rssMb() : Number.NaN;
      console.log(
        `[fuzz ${target.name}] seed=${SEED} operations=${sent}/${target.count} in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
          `RSS ${rssBefore.toFixed(0)} → ${rssAfter.toFixed(0)} MB; 5xx/no answer: ${findings.length} (replay: RG_FUZZ_SEED=${SEED} RG_FUZZ_COUNT=${target.count})\n` +
          `  outcomes (HTTP:first error code): ${[...statuses].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}×${n}`).join(" ")}` +
          (samples.length ? `\n${samples.join("\n")}` : ""),
      );
      expect(server.exited(), `the server died during the fuzz pass (seed ${SEED}): ${server.stderrTail()}`).toBeUndefined();
      const health = await fetch(server.healthUrl);
      expect(health.status).toBe(200);
      expect(rssAfter - rssBefore, `RSS grew from ${rssBefore} to ${rssAfter} MB (seed ${SEED})`).toBeLessThan(RSS_GROWTH_LIMIT_MB);
    },
    TIME_BUDGET_MS + 240_000,
  );

  it("finds no HTTP 500 (other than limit rejections) and no request left unanswered", () => {
    const other = findings.filter((f) => !LIMIT_REJECTION.test(f.message));
    expect(other.map(describeFinding), `seed ${SEED}: ${other.length} of ${sent} operations answered 5xx or not at all`).toEqual([]);
  });

  it("answers limit rejections (depth, cost, rate, list size) with 4xx, not 500", () => {
    const limits = findings.filter((f) => LIMIT_REJECTION.test(f.message));
    expect(limits.map(describeFinding), `seed ${SEED}: ${limits.length} limit rejections came back as HTTP 500 (the query-limits / format-error change makes them 400)`).toEqual([]);
  });
});

async function post(url: string, body: string): Promise<{ status: number; json: any; text: string }> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body, signal: AbortSignal.timeout(120_000) });
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text };
}

/** Ids in the demo graph, so generated arguments reach past "not found". */
async function knownStrings(url: string): Promise<string[]> {
  const query = `{ patients(first: 50) { nodes { id studies { uid series { uid lesions { id segmentationSeriesUid } } } } } pathways { id genes { symbol } } collections { id } cohorts { id } }`;
  const { json } = await post(url, JSON.stringify({ query }));
  const strings = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === "string") strings.add(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk(json?.data);
  return [...strings].sort();
}

function finding(op: FuzzOperation, answer: { status: number; json: any; text: string }): Finding {
  const errors: Array<{ message?: string; extensions?: { code?: string } }> = answer.json?.errors ?? [];
  return {
    op,
    status: answer.status,
    codes: [...new Set(errors.map((e) => e.extensions?.code ?? "?"))],
    message: errors.map((e) => e.message ?? "").join(" | ").slice(0, 400) || answer.text.slice(0, 400),
  };
}

function describeFinding(f: Finding): string {
  return `#${f.op.index} ${f.op.kind} ${f.op.field} → HTTP ${f.status} [${f.codes.join(",")}] ${f.message} :: ${f.op.summary}`;
}
