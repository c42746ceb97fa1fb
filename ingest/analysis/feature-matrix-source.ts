// Reads a feature matrix from the graph: the segmented lesions of a cohort (a patient filter, or the
// cohort and settings an analysis recorded) and their stored feature values for one settings hash.
// Only stored values: an export never starts a computation (run computeFeatures or an analysis first).
import { BadUserInputError, NotFoundError } from "../../compute/errors.js";
import type { FeatureMatrixInput } from "../../compute/export/feature-matrix.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import type { PatientFilter } from "../../graph-model/patient-filter.js";

export type FeatureMatrixQuery =
  | { analysisId: string }
  | { filter: PatientFilter; settingsHash: string; families?: string[] };

interface Resolved {
  filter: PatientFilter;
  settingsHash: string;
  families?: string[];
  selection: string;
}

async function resolve(store: GraphStore, query: FeatureMatrixQuery): Promise<Resolved> {
  if (!("analysisId" in query)) return { ...query, selection: `cohort ${JSON.stringify(query.filter)}${query.families ? `, families ${query.families.join(" ")}` : ""}` };
  const analysis = await store.analysisById(query.analysisId);
  if (!analysis) throw new NotFoundError("Analysis", query.analysisId);
  const params = (analysis.params ?? {}) as { cohort?: PatientFilter; settingsHash?: string; families?: string[] | "all" };
  if (!params.settingsHash) throw new BadUserInputError(`analysis '${analysis.id}' records no feature settings hash`);
  const families = Array.isArray(params.families) ? params.families : undefined;
  return { filter: params.cohort ?? {}, settingsHash: params.settingsHash, families, selection: `the cohort and features of analysis ${analysis.id}` };
}

export async function loadFeatureMatrix(store: GraphStore, query: FeatureMatrixQuery): Promise<FeatureMatrixInput> {
  const { filter, settingsHash, families, selection } = await resolve(store, query);
  const lesions = await store.lesionsOfPatients(filter);
  const features = await store.featuresOfLesions(lesions.map((l) => l.id), settingsHash);
  const wanted = families ? new Set(families.map((f) => f.toLowerCase())) : null;
  const settings = [...features.values()].flat().find((f) => f.feature.settings !== null)?.feature.settings ?? null;
  return {
    settingsHash,
    settings,
    selection,
    store: store.kind,
    lesions: lesions.map((lesion) => ({
      patientId: lesion.patientId,
      lesionId: lesion.id,
      features: (features.get(lesion.id) ?? [])
        .filter((f) => !wanted || wanted.has((f.feature.family ?? "").toLowerCase()))
        .map((f) => ({ key: f.feature.key, name: f.feature.name, family: f.feature.family, ibsiCode: f.feature.ibsiCode, value: f.value, imageSource: f.imageSource, computedAt: f.computedAt })),
    })),
  };
}
