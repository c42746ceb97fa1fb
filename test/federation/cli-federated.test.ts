// Federated mode as an operator runs it, with the built CLI: three `serve --subgraph` processes on
// Neo4j (the embedded store is single-process) and `gateway` over them, each on its own port.
// (npm test builds dist/ first.)
import { afterAll, describe, expect, it } from "vitest";
import { demoCohort } from "../../ingest/demo/demo-cohort.js";
import { CliProcesses, runCli } from "../support/cli-process.js";
import { graphql } from "../support/graphql-client.js";
import { neo4jUri } from "../support/stores.js";

const processes = new CliProcesses();
const run = runCli;
const start = (args: string[], announce: RegExp) => processes.start(args, announce);

afterAll(() => processes.stopAll());

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
