// Federated mode as an operator runs it, with the built CLI: three `serve --subgraph` processes on
// Neo4j (the embedded store is single-process) and `gateway` over them, each on its own port.
// (npm test builds dist/ first.)
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { demoCohort } from "../../ingest/demo/demo-cohort.js";
import { graphql } from "../support/graphql-client.js";
import { neo4jUri } from "../support/stores.js";

const CLI = path.resolve(import.meta.dirname, "../../dist/cli/radiogenomics.js");
const { NEO4J_URI: _ignored, ...parentEnv } = process.env;
const ENV = { ...parentEnv, LOG_LEVEL: "warn" };
const children: ChildProcess[] = [];

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: ENV });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts a long-running command and resolves with the URL its first stdout line announces. */
function start(args: string[], announce: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: ENV });
    children.push(child);
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.stdout.on("data", (d) => {
      stdout += d;
      const match = announce.exec(stdout);
      if (match) resolve(match[1]!);
    });
    child.on("close", (code) => reject(new Error(`${args.join(" ")} exited with ${code}: ${stderr}`)));
  });
}

afterAll(() => {
  for (const child of children.splice(0)) child.kill("SIGTERM");
});

const cohort = demoCohort();
const QUERY = `{ patients(first: 100) { totalCount nodes { id sex collection { id } studies { series { lesions { id } } } mutations { geneSymbol proteinChange } } } }`;

describe(`radiogenomics serve --subgraph … + gateway [Neo4j ${neo4jUri()}]`, () => {
  it("serves the demo cohort through the gateway over three subgraph processes", async () => {
    expect((await run(["demo", "--reset", "--neo4j", neo4jUri()])).code).toBe(0);
    const urls = await Promise.all(
      ["imaging", "genomics", "radiogenomics"].map(async (name) => `${name}=${await start(["serve", "--subgraph", name, "--port", "0", "--neo4j", neo4jUri()], new RegExp(`GraphQL ${name} subgraph: (\\S+)`))}`),
    );
    const gateway = await start(["gateway", "--port", "0", "--subgraph", urls.join(",")], /GraphQL gateway: (\S+)/);

    const { data, errors } = await graphql(gateway, QUERY);
    expect(errors).toBeUndefined();
    expect(data.patients.totalCount).toBe(cohort.patients.length);
    for (const patient of data.patients.nodes) {
      const record = cohort.patients.find((p) => p.id === patient.id)!;
      expect(patient.sex).toBe(record.sex ?? null);
      expect(patient.collection.id).toBe(record.collectionId);
      const lesions = patient.studies.flatMap((s: any) => s.series.flatMap((x: any) => x.lesions.map((l: any) => l.id))).sort();
      const seriesOf = new Set(cohort.series.filter((x) => cohort.studies.some((s) => s.uid === x.studyUid && s.patientId === patient.id)).map((x) => x.uid));
      expect(lesions).toEqual(cohort.lesions.filter((l) => seriesOf.has(l.seriesUid)).map((l) => l.id).sort());
      expect(patient.mutations.map((m: any) => `${m.geneSymbol} ${m.proteinChange}`).sort()).toEqual(
        cohort.mutations.filter((m) => m.patientId === patient.id).map((m) => `${m.geneSymbol} ${m.proteinChange}`).sort(),
      );
    }
  }, 300_000); // five Node processes start on a shared 2-CPU machine

  it("rejects an unknown subgraph name and a malformed --subgraph list with a clear message", async () => {
    const serve = await run(["serve", "--subgraph", "pathology", "--neo4j", neo4jUri()]);
    expect(serve.code).toBe(1);
    expect(serve.stderr).toContain("--subgraph must be one of imaging, genomics, radiogenomics");
    const gateway = await run(["gateway", "--subgraph", "imaging"]);
    expect(gateway.code).toBe(1);
    expect(gateway.stderr).toContain("must be name=http://host:port/graphql");
  });
});
