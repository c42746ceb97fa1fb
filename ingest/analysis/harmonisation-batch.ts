// A lesion's batch label from its acquisition (image series) or its patient's collection, per the
// batch definition the researcher chose. No value → null (the caller refuses or drops the patient).
import { BadUserInputError } from "../../compute/errors.js";
import type { LesionAcquisition } from "../../graph-model/graph-store.js";
import type { BatchDefinition } from "./harmonisation-request.js";

export function checkBatchDefinition(batch: BatchDefinition): void {
  if (batch.by !== "SLICE_THICKNESS_BINS") {
    if (batch.binEdges?.length) throw new BadUserInputError(`binEdges apply to SLICE_THICKNESS_BINS only, not ${batch.by}`);
    return;
  }
  const edges = batch.binEdges ?? [];
  if (!edges.length) throw new BadUserInputError("SLICE_THICKNESS_BINS needs binEdges (mm), e.g. [2.5, 4]");
  if (edges.some((e, i) => !Number.isFinite(e) || (i > 0 && e <= edges[i - 1]!))) throw new BadUserInputError(`binEdges must be finite and strictly ascending, got ${edges.join(", ")}`);
}

export function batchLabel(acquisition: LesionAcquisition | undefined, batch: BatchDefinition): string | null {
  if (!acquisition) return null;
  const s = acquisition.series;
  const text = (v: string | null) => (v === null || v.trim() === "" ? null : v.trim());
  switch (batch.by) {
    case "MANUFACTURER": return text(s.manufacturer);
    case "MANUFACTURER_MODEL": return text(s.manufacturerModel);
    case "CONVOLUTION_KERNEL": return text(s.convolutionKernel);
    case "COLLECTION": return text(acquisition.collectionId);
    case "SLICE_THICKNESS_BINS": return s.sliceThickness === null || !Number.isFinite(s.sliceThickness) ? null : thicknessBin(s.sliceThickness, batch.binEdges!);
  }
}

/** "<2.5mm", "2.5–4mm", "≥4mm" for edges [2.5, 4]. */
function thicknessBin(thickness: number, edges: number[]): string {
  const k = edges.findIndex((e) => thickness < e);
  if (k === 0) return `<${edges[0]}mm`;
  if (k === -1) return `≥${edges[edges.length - 1]}mm`;
  return `${edges[k - 1]}–${edges[k]}mm`;
}
