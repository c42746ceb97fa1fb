// bench/graphql: latency (p50/p95) and requests/s of a typical nested query — 50 patients with their
// studies, series, lesions and stored radiomic features — on the all-in-one server and through the
// Federation gateway over the three subgraphs, in one run, printed as gateway/all-in-one ratios.
// Both ways run in this process over one store (embedded by default; BENCH_STORE=neo4j uses
// NEO4J_URI), each server on its own loopback port, so the ratio is the cost of federation itself:
// query planning, the subgraph hops (_entities) and the extra JSON in between.
// Beside them, the raw store cost: the exact store reads the all-in-one server's DataLoaders issue for
// the query (recorded once through a proxy), replayed back to back without GraphQL; printed as
// all-in-one / raw store (issue 16 aims at p95 ≤ 2×).
// Run: npx tsc -p tsconfig.build.json && node dist/bench/graphql.bench.js
//      (BENCH_REQUESTS=100 latency samples per side; requests/s: the median of 3 alternating rounds of
//      BENCH_REQUESTS requests with BENCH_CONCURRENCY=8 in flight)
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pino } from "pino";
import { startGateway } from "../cli/gateway.js";
import { startServer, type RunningServer } from "../cli/server.js";
import { createServices } from "../cli/services.js";
import type { GraphStore } from "../graph-model/graph-store.js";
import { openStore } from "../graph-model/open-store.js";
import { demoCohort } from "../ingest/demo/demo-cohort.js";
import { loadCohort } from "../ingest/demo/load-demo.js";
import { buildPlatformSubgraphSchema } from "../schema/build-subgraph-schema.js";
import { SUBGRAPH_NAMES } from "../schema/subgraphs.js";
import { recordingStore, replayStoreCalls, type StoreCall } from "./recorded-store-calls.js";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100);
const ROUNDS = 3;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const QUERY = `query Nested($first: Int!) {
  patients(first: $first) {
    totalCount
    nodes {
      id sex ageAtDiagnosisYears vitalStatus overallSurvivalDays
      collection { id }
      studies { uid series { uid modality sliceThickness lesions { id label volumeMm3
        features(families: ["intensity_statistics", "morphology"]) { name ibsiCode value } } } }
    }
  }
}`;
const BODY = JSON.stringify({ query: QUERY, variables: { first: 50 } });

async function post(url: string): Promise<string> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: BODY });
  const text = await response.text();
  if (!response.ok || text.includes('"errors"')) throw new Error(`${url} answered ${response.status}: ${text.slice(0, 300)}`);
  return text;
}

async function timed(url: string): Promise<number> {
  const start = performance.now();
  await post(url);
  return performance.now() - start;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

/** Requests/s with CONCURRENCY requests in flight until REQUESTS have completed. */
async function throughput(url: string): Promise<number> {
  let issued = 0;
  const start = performance.now();
  const worker = async () => {
    while (issued++ < REQUESTS) await post(url);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return REQUESTS / ((performance.now() - start) / 1000);
}

async function openBenchStore(): Promise<{ store: GraphStore; dispose(): Promise<void> }> {
  if (process.env.BENCH_STORE === "neo4j") {
    const uri = process.env.NEO4J_URI;
    if (!uri) throw new Error("BENCH_STORE=neo4j needs NEO4J_URI, e.g. bolt://127.0.0.1:7687 after `bash scripts/neo4j.sh start`");
    const store = await openStore({ kind: "neo4j", uri, user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD });
    await store.deleteEverything();
    return { store, dispose: async () => (await store.deleteEverything(), await store.close()) };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "rg-bench-graphql-"));
  const store = await openStore({ kind: "embedded", dataDir: dir });
  return { store, dispose: async () => (await store.close(), await rm(dir, { recursive: true, force: true })) };
}

/** The store reads of one request, by level, on a server whose store records them. */
async function recordStoreLevels(store: GraphStore, cohort: ReturnType<typeof demoCohort>, logger: Parameters<typeof createServices>[1], guards: object): Promise<StoreCall[][]> {
  const levels: StoreCall[][] = [];
  const recorder = await startServer({ ...createServices(recordingStore(store, levels), logger, { demo: cohort }), ...guards, port: 0 });
  try {
    await post(recorder.graphqlUrl); // warm (its services' first requests may read more)
    levels.length = 0;
    await post(recorder.graphqlUrl);
    return levels.map((level) => [...level]);
  } finally {
    await recorder.stop();
  }
}

async function main(): Promise<void> {
  const cohort = demoCohort({ patientsPerCollection: 25 });
  const { store, dispose } = await openBenchStore();
  await loadCohort(store, cohort);
  const logger = pino({ level: "silent" });
  const services = createServices(store, logger, { demo: cohort });
  // The bench measures serving, not the guards: no rate limits (it sends hundreds of requests a minute) or timeouts.
  const unguarded = { rateLimits: { points: 0, windowSeconds: 60, computePoints: 1 }, resolverTimeoutMs: 0 };
  const allInOne = await startServer({ ...services, ...unguarded, port: 0 });
  const subgraphs: RunningServer[] = [];
  for (const name of SUBGRAPH_NAMES) subgraphs.push(await startServer({ ...services, ...unguarded, port: 0, schema: await buildPlatformSubgraphSchema(name) }));
  const gateway = await startGateway({ subgraphs: SUBGRAPH_NAMES.map((name, i) => ({ name, url: subgraphs[i]!.graphqlUrl })), port: 0, logger, rateLimits: unguarded.rateLimits });
  try {
    // The first request computes and stores the features; from then on both sides read them.
    const first = await post(allInOne.graphqlUrl);
    if ((await post(gateway.graphqlUrl)) !== first) throw new Error("the gateway's answer differs from the all-in-one server's");
    const lesions = (first.match(/"volumeMm3"/g) ?? []).length;
    for (let i = 0; i < 20; i++) await Promise.all([post(allInOne.graphqlUrl), post(gateway.graphqlUrl)]);

    const levels = await recordStoreLevels(store, cohort, logger, unguarded);
    for (let i = 0; i < 20; i++) await replayStoreCalls(store, levels);

    // Latency: one request at a time, alternating sides so drift (GC, other load) hits all alike.
    const samples = { allInOne: [] as number[], gateway: [] as number[], raw: [] as number[] };
    for (let i = 0; i < REQUESTS; i++) {
      samples.allInOne.push(await timed(allInOne.graphqlUrl));
      samples.gateway.push(await timed(gateway.graphqlUrl));
      const start = performance.now();
      await replayStoreCalls(store, levels);
      samples.raw.push(performance.now() - start);
    }
    // Throughput: alternating rounds, the median per side (the machine is shared; one round can be unlucky).
    const rates = { allInOne: [] as number[], gateway: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      rates.allInOne.push(await throughput(allInOne.graphqlUrl));
      rates.gateway.push(await throughput(gateway.graphqlUrl));
    }
    const rows = (["allInOne", "gateway"] as const).map((key) => {
      const sorted = [...samples[key]].sort((x, y) => x - y);
      return { side: key === "allInOne" ? "all-in-one" : "gateway", p50: percentile(sorted, 50), p95: percentile(sorted, 95), rps: median(rates[key]) };
    });
    const [a, g] = rows as [(typeof rows)[0], (typeof rows)[0]];
    const rawSorted = [...samples.raw].sort((x, y) => x - y);
    const raw = { p50: percentile(rawSorted, 50), p95: percentile(rawSorted, 95) };
    const fmt = (n: number) => n.toFixed(1).padStart(8);
    process.stdout.write(
      `bench:graphql — ${store.kind} store, 50 patients, ${lesions} lesions, ${first.length} bytes per answer; ` +
        `${REQUESTS} sequential requests per side for latency; requests/s the median of ${ROUNDS} rounds of ${REQUESTS} at concurrency ${CONCURRENCY} (${os.cpus().length} CPUs)\n` +
        `side          p50 ms   p95 ms    req/s\n` +
        rows.map((r) => `${r.side.padEnd(12)}${fmt(r.p50)} ${fmt(r.p95)} ${fmt(r.rps)}\n`).join("") +
        `gateway/all-in-one: p50 ×${(g.p50 / a.p50).toFixed(2)}, p95 ×${(g.p95 / a.p95).toFixed(2)}, requests/s ×${(g.rps / a.rps).toFixed(2)}\n` +
        `raw store (${levels.length} levels, ${levels.flat().length} reads: ${levels.map((l) => l.map((c) => c.method).join("+")).join(" → ")}): p50 ${fmt(raw.p50)} ms, p95 ${fmt(raw.p95)} ms\n` +
        `all-in-one/raw store: p50 ×${(a.p50 / raw.p50).toFixed(2)}, p95 ×${(a.p95 / raw.p95).toFixed(2)}\n`,
    );
  } finally {
    await gateway.stop();
    for (const server of subgraphs) await server.stop();
    await allInOne.stop();
    await dispose();
  }
}

await main();
process.exit(0);
