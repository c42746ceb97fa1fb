// Harmonised feature values in the shape of `store.featuresOfLesions` (lesion id → stored values), so
// an analysis that takes a harmonisationId reads them instead of the raw ones. Only the lesions and
// features the harmonisation covered come back; each value is its ComBat-adjusted one.
import { NotFoundError } from "../../compute/errors.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import type * as M from "../../graph-model/model/records.js";

export interface HarmonisedValueMatrix {
  lesionIds: string[];
  patientIds: string[];
  featureKeys: string[];
  /** Lesion-major: values[i · featureKeys.length + f]. */
  values: number[];
}

export interface HarmonisedFeatureValues {
  harmonisationId: string;
  name: string | null;
  settingsHash: string;
  values: Map<string, M.LesionFeature[]>;
}

export async function harmonisedFeatureValues(store: GraphStore, harmonisationId: string, lesionIds: readonly string[]): Promise<HarmonisedFeatureValues> {
  const [harmonisation] = await store.harmonisationsByIds([harmonisationId]);
  if (!harmonisation) throw new NotFoundError("Harmonisation", harmonisationId);
  const settingsHash = harmonisation.settingsHash!;
  const m = harmonisation.values as HarmonisedValueMatrix;
  const row = new Map(m.lesionIds.map((id, i) => [id, i]));
  const column = new Map(m.featureKeys.map((key, f) => [key, f]));
  const wanted = lesionIds.filter((id) => row.has(id));
  const raw = await store.featuresOfLesions(wanted, settingsHash);
  const values = new Map<string, M.LesionFeature[]>();
  for (const lesionId of wanted) {
    const i = row.get(lesionId)!;
    const list = (raw.get(lesionId) ?? []).filter((f) => column.has(f.feature.key)).map((f) => ({ ...f, value: m.values[i * m.featureKeys.length + column.get(f.feature.key)!]! }));
    values.set(lesionId, list);
  }
  return { harmonisationId, name: harmonisation.name, settingsHash, values };
}
