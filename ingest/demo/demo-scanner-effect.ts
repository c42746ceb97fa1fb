// The demo's planted scanner effect (harmonisation, issue 13 part 5): each manufacturer adds its own
// intensity offset to every voxel of the series, the way vendors' calibrations differ. An additive offset
// moves only location features (mean, median, percentiles, energy); spread, entropy and texture under
// fixed-bin-number discretisation are unchanged, so the planted hypoxia → heterogeneity link is untouched.
import type * as M from "../../graph-model/model/records.js";

/** Offset (HU for CT, signal units for MR) per modality and manufacturer; 0 for any other. */
export const DEMO_SCANNER_OFFSET: Record<string, Record<string, number>> = {
  MR: { SIEMENS: 80 },
  CT: { TOSHIBA: 25, SIEMENS: -15 },
};

export function demoScannerOffset(series: Pick<M.SeriesRecord, "modality" | "manufacturer">): number {
  return DEMO_SCANNER_OFFSET[series.modality ?? "CT"]?.[series.manufacturer ?? ""] ?? 0;
}
