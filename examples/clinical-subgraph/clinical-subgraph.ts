// An outside subgraph: a hospital's clinical database adds `Patient.smokingHistory` to the
// platform's graph, keyed by the same TCGA barcode. It is plain SDL + resolvers on
// @apollo/subgraph (no type-graphql, nothing from the platform), as another group would write it;
// the gateway composes it with the imaging, genomics and radiogenomics subgraphs. See README.md.
//   node dist/examples/clinical-subgraph/clinical-subgraph.js [port] [records.json]
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { startStandaloneServer } from "@apollo/server/standalone";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";

export const CLINICAL_TYPE_DEFS = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

"A patient, keyed by the TCGA barcode the platform uses; this subgraph adds the hospital's clinical record"
type Patient @key(fields: "id") {
  id: ID!
  "Smoking history from the hospital's clinical database; null when it has no record"
  smokingHistory: SmokingHistory
}

type SmokingHistory {
  "never, former or current"
  status: String!
  packYears: Float
  yearsSinceQuitting: Float
  "Where the record came from (provenance)"
  source: String!
  recordedAt: String
}

type Query {
  "Patients with at least this many pack-years, heaviest first"
  smokers(minPackYears: Float! = 0): [Patient!]!
}
`;

export interface SmokingRecord {
  readonly patientId: string;
  readonly status: "never" | "former" | "current";
  readonly packYears: number | null;
  readonly yearsSinceQuitting: number | null;
  readonly recordedAt: string | null;
}

const SOURCE = "example hospital clinical DB";

export function clinicalSubgraphSchema(records: readonly SmokingRecord[]) {
  const byPatient = new Map(records.map((r) => [r.patientId, r]));
  const history = (id: string) => {
    const record = byPatient.get(id);
    return record ? { ...record, source: SOURCE } : null;
  };
  return buildSubgraphSchema([{
    typeDefs: parse(CLINICAL_TYPE_DEFS),
    resolvers: {
      Query: {
        smokers: (_: unknown, { minPackYears }: { minPackYears: number }) =>
          records.filter((r) => (r.packYears ?? 0) >= minPackYears && r.status !== "never").sort((a, b) => (b.packYears ?? 0) - (a.packYears ?? 0)).map((r) => ({ id: r.patientId })),
      },
      Patient: {
        // The gateway sends only the key; a real database would batch these lookups (e.g. a DataLoader).
        __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
        smokingHistory: (patient: { id: string }) => history(patient.id),
      },
    },
  }]);
}

export async function startClinicalSubgraph(records: readonly SmokingRecord[], port = 0): Promise<{ url: string; stop(): Promise<void> }> {
  const server = new ApolloServer({ schema: clinicalSubgraphSchema(records), plugins: [ApolloServerPluginInlineTraceDisabled()] });
  const { url } = await startStandaloneServer(server, { listen: { port, host: "127.0.0.1" } });
  return { url, stop: () => server.stop() };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [port = "4004", file = "examples/clinical-subgraph/smoking-history.json"] = process.argv.slice(2);
  const records = JSON.parse(await readFile(file, "utf8")) as SmokingRecord[];
  const { url } = await startClinicalSubgraph(records, Number(port));
  process.stdout.write(`clinical subgraph: ${url} (${records.length} records from ${file})\n`);
}
