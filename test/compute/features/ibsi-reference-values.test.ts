// Walks every row of the IBSI chapter-1 reference table (all families, every aggregation) and requires
// our value to match: within the tolerance, or at 3 significant figures when no tolerance is given.
import { afterAll, describe, expect, test } from "vitest";
import { computeFeatures } from "../../../compute/features/compute-features.js";
import type { FeatureSettings } from "../../../compute/features/settings.js";
import type { FeatureResult } from "../../../compute/features/types.js";
import { loadPhantom, loadReferenceValues, matchesReference, type ReferenceRow } from "./ibsi-data.js";

// The phantom as the IBSI manual processes it: no interpolation or re-segmentation, fixed bin size 1
// (grey levels unchanged), intensities used as they are for the IVH, δ = 1, NGLDM α = 0.
const PHANTOM_SETTINGS: FeatureSettings = {
  discretisation: { method: "fixedBinSize", binWidth: 1 },
  ivhDiscretisation: { method: "none" },
  glcmDistance: 1,
  ngtdmDistance: 1,
  ngldmDistance: 1,
  ngldmCoarseness: 0,
};

const rows = loadReferenceValues();
const { volume, mask } = loadPhantom();
const results = computeFeatures(volume, mask, PHANTOM_SETTINGS);

function findResult(row: ReferenceRow): FeatureResult | undefined {
  const setting = row.setting === "" ? null : row.setting;
  return results.find((r) => r.family === row.family && r.name === row.feature && r.aggregation === setting);
}

const outcomes: { row: ReferenceRow; ours: number | string; ok: boolean }[] = [];

describe("IBSI chapter 1 digital phantom: every reference value", () => {
  test("the reference table has 482 rows", () => {
    expect(rows).toHaveLength(482);
  });

  test.each(rows.map((row) => [`${row.family} / ${row.feature} / ${row.setting || "-"} (${row.ibsiCode})`, row] as const))("%s", (_label, row) => {
    const result = findResult(row);
    const ours = result === undefined ? "missing" : result.value ?? `undefined: ${result.undefinedReason}`;
    const ok = typeof ours === "number" && matchesReference(ours, row);
    outcomes.push({ row, ours, ok });
    expect(result, "feature not computed").toBeDefined();
    expect(result!.ibsiCode).toBe(row.ibsiCode);
    expect(typeof ours, String(ours)).toBe("number");
    expect(ok, `ours ${ours} vs reference ${row.value} ± ${row.tolerance ?? "3 s.f."}`).toBe(true);
  });

  afterAll(() => {
    const matched = outcomes.filter((o) => o.ok).length;
    const lines = outcomes.filter((o) => !o.ok).map((o) => `  ${o.row.family} / ${o.row.feature} / ${o.row.setting || "-"}: ours ${o.ours}, reference ${o.row.value} ± ${o.row.tolerance ?? "3 s.f."}`);
    console.log(`IBSI phantom: ${matched} of ${rows.length} reference values match${lines.length ? "\n" + lines.join("\n") : ""}`);
  });
});
