// Exports of a stored harmonisation: the per-feature batch-effect diagnostics (Kruskal–Wallis before and
// after) and the harmonised values (one row per patient's lesion, one column per feature), as Tables for
// the shared CSV/TSV writers. Read from the graph only; nothing is refitted.
import { NotFoundError } from "../../compute/errors.js";
import type { Table } from "../../compute/export/table.js";
import type { GraphStore } from "../../graph-model/graph-store.js";
import type * as M from "../../graph-model/model/records.js";
import type { HarmonisedValueMatrix } from "./harmonised-feature-values.js";

interface Diagnostic { featureKey: string; statisticBefore: number; pBefore: number; statisticAfter: number; pAfter: number }

async function load(store: GraphStore, id: string): Promise<M.Harmonisation> {
  const [harmonisation] = await store.harmonisationsByIds([id]);
  if (!harmonisation) throw new NotFoundError("Harmonisation", id);
  return harmonisation;
}

function comments(h: M.Harmonisation): string[] {
  const batches = (h.batches as Array<{ batch: string; size: number }>).map((b) => `${b.batch} (${b.size})`).join(", ");
  const covariates = (h.covariates as Array<{ name: string; kind: string }>).map((c) => `${c.name} ${c.kind}`).join(", ") || "none";
  const method = h.method as { parametric: boolean; meanOnly: boolean };
  return [
    `harmonisation ${h.id} '${h.name}'`, `ComBat ${method.parametric ? "parametric" : "non-parametric"}${method.meanOnly ? ", mean only" : ""}`,
    `batch ${JSON.stringify(h.batchDefinition)}: ${batches}`, `preserved covariates: ${covariates}`, `feature settings ${h.settingsHash}`,
    `raw values digest ${(h.dataVersion as { rawValuesDigest?: string }).rawValuesDigest}`, `created ${h.createdAt}`,
  ];
}

export async function harmonisationDiagnostics(store: GraphStore, id: string): Promise<Table> {
  const h = await load(store, id);
  const rows = (h.diagnostics as Diagnostic[]).map((d) => [d.featureKey.split("@")[0]!, d.featureKey, d.statisticBefore, d.pBefore, d.statisticAfter, d.pAfter]);
  return { comments: [...comments(h), "Kruskal–Wallis H across batches (tie-corrected), before and after ComBat"], columns: ["feature", "featureKey", "kwStatisticBefore", "kwPBefore", "kwStatisticAfter", "kwPAfter"], rows };
}

export async function harmonisedValues(store: GraphStore, id: string): Promise<Table> {
  const h = await load(store, id);
  const m = h.values as HarmonisedValueMatrix;
  const F = m.featureKeys.length;
  const rows = m.lesionIds.map((lesionId, i) => [m.patientIds[i]!, lesionId, ...m.values.slice(i * F, (i + 1) * F)]);
  return { comments: comments(h), columns: ["patientId", "lesionId", ...m.featureKeys.map((k) => k.split("@")[0]!)], rows };
}
