// A GDC project into the graph, as a resumable job of three independent steps: clinical patients,
// primary-tumour expression (bulk path), somatic mutations. Each step upserts the patient nodes it
// hangs values from, so steps can run in any order and a re-run changes nothing.
import type { GraphStore } from "../../graph-model/graph-store.js";
import type * as M from "../../graph-model/model/records.js";
import type { JobDefinition } from "../jobs/job.js";
import type { GdcSource } from "./gdc-source.js";
import { assertGdcProjectHasCases } from "./gdc-project.js";
import type { HttpClient } from "../http/http-client.js";
import { writeExpressionByGene } from "../genomics/write-expression.js";
import { withExpressionMarker } from "../genomics/expression-load-marker.js";
import { writePatientsWithAttributes } from "../clinical/write-patients-with-attributes.js";
import { gdcAttributeSource } from "./gdc-case-to-patient.js";

export type GdcStep = "patients" | "expression" | "mutations";
export const GDC_STEPS: readonly GdcStep[] = ["patients", "expression", "mutations"];

export interface GdcIngestRequest {
  projectId: string;
  steps?: readonly GdcStep[];
  /** Only mutations in these genes (default: all). */
  genes?: readonly string[];
}

/** Checks the project exists (BAD_USER_INPUT otherwise), then defines the job. */
export async function gdcIngestJob(store: GraphStore, gdc: GdcSource, http: HttpClient, request: GdcIngestRequest): Promise<JobDefinition<GdcStep>> {
  await assertGdcProjectHasCases(http, request.projectId);
  const release = (await gdc.dataRelease()) ?? "unknown";
  const steps = [...new Set(request.steps?.length ? request.steps : GDC_STEPS)];
  const collection: M.CollectionRecord = { id: request.projectId, name: request.projectId, source: "GDC", dataRelease: release };
  const ensurePatients = async (ids: Iterable<string>) => {
    await store.upsertCollections([collection]);
    await store.upsertPatients([...new Set(ids)].map((id) => ({ id, collectionId: request.projectId })));
  };
  const handlers: Record<GdcStep, () => Promise<void>> = {
    patients: async () => {
      const patients: M.PatientRecord[] = [];
      for await (const patient of gdc.patients(request.projectId)) patients.push({ ...patient, collectionId: request.projectId });
      await store.upsertCollections([collection]);
      await writePatientsWithAttributes(store, patients, gdcAttributeSource(request.projectId));
    },
    expression: async () => {
      const expression = await gdc.expression({ projectId: request.projectId });
      await ensurePatients(expression.files.map((f) => f.patientId));
      const load = { source: "GDC", project: request.projectId, collectionId: request.projectId, dataRelease: release };
      await withExpressionMarker(store, load, () => writeExpressionByGene(store, expression.records()));
    },
    mutations: async () => {
      const mutations: M.MutationRecord[] = [];
      for await (const mutation of gdc.mutations({ projectId: request.projectId, genes: request.genes })) mutations.push(mutation);
      await ensurePatients(mutations.map((m) => m.patientId));
      await store.upsertMutations(mutations);
    },
  };
  return {
    id: `gdc-${request.projectId}-${release.replace(/[^A-Za-z0-9.]+/g, "_").slice(0, 40)}`,
    name: `GDC ${request.projectId} (${release}): ${steps.join(", ")}`,
    items: steps,
    keyOf: (step) => step,
    handle: (step) => handlers[step](),
  };
}
