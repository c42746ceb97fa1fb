// A cBioPortal study into the graph, as a resumable job of independent steps: PATIENT clinical data
// (OS), somatic mutations, and mRNA values with cBioPortal's z-scores for the asked genes. Like the GDC
// job, each step upserts the patient nodes it needs, so steps run in any order and re-runs change nothing.
import { BadUserInputError } from "../../compute/errors.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import type * as M from "../../graph-model/model/records.js";
import { writeExpressionByGene } from "../genomics/write-expression.js";
import { withExpressionMarker } from "../genomics/expression-load-marker.js";
import type { JobDefinition } from "../jobs/job.js";
import { writePatientsWithAttributes } from "../clinical/write-patients-with-attributes.js";
import { CbioportalSource } from "./cbioportal-source.js";
import { tcgaProjectOfPatients, type GdcProjectLookup } from "./cbioportal-study-project.js";

export type CbioportalStep = "patients" | "mutations" | "expression";
export const CBIOPORTAL_STEPS: readonly CbioportalStep[] = ["patients", "mutations", "expression"];

export interface CbioportalIngestRequest {
  studyId: string;
  /** Collection the patients belong to (default: the TCGA project of the study, e.g. TCGA-LUAD). */
  collectionId?: string;
  steps?: readonly CbioportalStep[];
  /** Genes for mutations (default all) and expression (required for the expression step). */
  genes?: readonly string[];
}

/** Checks the study exists (BAD_USER_INPUT with cBioPortal's message otherwise), then defines the job. */
export async function cbioportalIngestJob(store: GraphStore, sources: { cbioportal: CbioportalSource; gdc: GdcProjectLookup }, request: CbioportalIngestRequest): Promise<JobDefinition<CbioportalStep>> {
  const { cbioportal } = sources;
  const study = await cbioportal.study(request.studyId);
  // The project comes from the patients themselves (a GDC case lookup); a given collection skips it.
  const projectId = request.collectionId ? null : await tcgaProjectOfPatients(sources.gdc, request.studyId, await cbioportal.patientIds(request.studyId));
  const collectionId = request.collectionId ?? projectId!;
  const steps = [...new Set(request.steps?.length ? request.steps : CBIOPORTAL_STEPS)];
  if (steps.includes("expression") && !request.genes?.length)
    throw new BadUserInputError("the expression step needs the genes to read (cBioPortal serves expression gene by gene)");
  const release = typeof study.importDate === "string" ? study.importDate : "unknown";
  const collection: M.CollectionRecord = { id: collectionId };
  const ensurePatients = async (ids: Iterable<string>) => {
    await store.upsertCollections([collection]);
    await store.upsertPatients([...new Set(ids)].map((id) => ({ id, collectionId })));
  };
  const handlers: Record<CbioportalStep, () => Promise<void>> = {
    patients: async () => {
      const patients = await cbioportal.patients(request.studyId, { projectId, collectionId });
      await store.upsertCollections([collection]);
      await writePatientsWithAttributes(store, patients, CbioportalSource.attributeSource(request.studyId));
    },
    mutations: async () => {
      const mutations = await cbioportal.mutations({ studyId: request.studyId, genes: request.genes });
      await ensurePatients(mutations.map((m) => m.patientId));
      await store.upsertMutations(mutations);
    },
    expression: async () => {
      const expression = await cbioportal.expression({ studyId: request.studyId, genes: request.genes! });
      const records = [...expression.records].sort((a, b) => a.geneSymbol.localeCompare(b.geneSymbol));
      await ensurePatients(records.map((r) => r.patientId));
      const load = { source: "cBioPortal", project: request.studyId, collectionId, dataRelease: release };
      await withExpressionMarker(store, load, () => writeExpressionByGene(store, records));
    },
  };
  return {
    id: `cbioportal-${request.studyId}-${release}`.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 200),
    name: `cBioPortal ${request.studyId} (${release}): ${steps.join(", ")}`,
    items: steps,
    keyOf: (step) => step,
    handle: (step) => handlers[step](),
  };
}
