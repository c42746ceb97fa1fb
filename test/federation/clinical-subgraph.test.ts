// The documented outside subgraph (examples/clinical-subgraph): a hospital's clinical database adds
// Patient.smokingHistory keyed by the same barcode; it composes with the platform's three subgraphs
// and the gateway answers queries that mix its fields with imaging and genomics fields.
import { readFileSync } from "node:fs";
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLINICAL_TYPE_DEFS, startClinicalSubgraph, type SmokingRecord } from "../../examples/clinical-subgraph/clinical-subgraph.js";
import { demoCohort } from "../../ingest/demo/demo-cohort.js";
import { composeSupergraph } from "../../schema/compose-supergraph.js";
import { startFederatedPlatform, type FederatedPlatform } from "../support/federated-platform.js";
import { graphql } from "../support/graphql-client.js";
import { embeddedStore } from "../support/stores.js";

const records = JSON.parse(readFileSync("examples/clinical-subgraph/smoking-history.json", "utf8")) as SmokingRecord[];
const cohort = demoCohort();

describe("outside clinical subgraph (composition only)", () => {
  it("composes with the imaging, genomics and radiogenomics subgraphs, extending Patient", async () => {
    const { supergraphSdl } = await composeSupergraph([{ name: "clinical", typeDefs: parse(CLINICAL_TYPE_DEFS) }]);
    expect(supergraphSdl).toMatch(/type Patient\s+(@join__type\([^)]*\)\s+)*@join__type\(graph: CLINICAL, key: "id"\)/);
    expect(supergraphSdl).toContain("smokingHistory: SmokingHistory @join__field(graph: CLINICAL)");
  });
});

describe("outside clinical subgraph behind the gateway [embedded Ladybug]", () => {
  let clinical: { url: string; stop(): Promise<void> };
  let platform: FederatedPlatform;
  beforeAll(async () => {
    clinical = await startClinicalSubgraph(records);
    platform = await startFederatedPlatform(embeddedStore, { cohort, outside: [{ name: "clinical", url: clinical.url }] });
  });
  afterAll(async () => {
    await platform.stop();
    await clinical.stop();
  });

  it("adds the hospital's smoking history to the platform's patient", async () => {
    const record = records.find((r) => r.status === "current")!;
    const patient = cohort.patients.find((p) => p.id === record.patientId)!;
    const { data, errors } = await graphql(
      platform.gateway.graphqlUrl,
      `query($id: ID!) { patient(id: $id) { id sex collection { id } studies { uid } smokingHistory { status packYears yearsSinceQuitting source recordedAt } } }`,
      { id: record.patientId },
    );
    expect(errors).toBeUndefined();
    expect(data.patient.sex).toBe(patient.sex);
    expect(data.patient.collection.id).toBe(patient.collectionId);
    expect(data.patient.studies.map((s: any) => s.uid).sort()).toEqual(cohort.studies.filter((s) => s.patientId === patient.id).map((s) => s.uid).sort());
    expect(data.patient.smokingHistory).toEqual({
      status: record.status, packYears: record.packYears, yearsSinceQuitting: record.yearsSinceQuitting, source: "example hospital clinical DB", recordedAt: record.recordedAt,
    });
  });

  it("starts from the hospital's root field and continues into the platform's subgraphs", async () => {
    const { data, errors } = await graphql(platform.gateway.graphqlUrl, `{ smokers(minPackYears: 20) { id vitalStatus collection { id } smokingHistory { packYears } } }`);
    expect(errors).toBeUndefined();
    const expected = records.filter((r) => r.status !== "never" && (r.packYears ?? 0) >= 20).sort((a, b) => b.packYears! - a.packYears!);
    expect(data.smokers.map((p: any) => p.id)).toEqual(expected.map((r) => r.patientId));
    for (const smoker of data.smokers) {
      const patient = cohort.patients.find((p) => p.id === smoker.id)!;
      expect(smoker.collection.id).toBe(patient.collectionId);
      expect(smoker.vitalStatus).toBe(patient.vitalStatus ?? null);
    }
  });

  it("gives null for a patient the hospital has no record of, and the platform's fields still", async () => {
    const unrecorded = cohort.patients.find((p) => !records.some((r) => r.patientId === p.id))!;
    const { data, errors } = await graphql(platform.gateway.graphqlUrl, `query($id: ID!) { patient(id: $id) { id sex smokingHistory { status } } }`, { id: unrecorded.id });
    expect(errors).toBeUndefined();
    expect(data.patient).toEqual({ id: unrecorded.id, sex: unrecorded.sex ?? null, smokingHistory: null });
  });
});
