// The demo's planted subtype: a SUBTYPE clinical attribute that follows the hidden hypoxia activity
// (the latent behind the demo's lesion heterogeneity), with source and release, both classes present.
import { describe, expect, it } from "vitest";
import { DEMO_SUBTYPE_THRESHOLD, demoCohort, demoHypoxiaActivity } from "../../../ingest/demo/demo-cohort.js";

describe("demo planted subtype", () => {
  it("labels every patient Hypoxic exactly when its hidden activity is above the threshold", () => {
    const { patients } = demoCohort();
    const labels = patients.map((p) => (p.clinicalAttributes as Record<string, { value: string; source: string; dataRelease: string }>).SUBTYPE!);
    patients.forEach((p, i) => expect(labels[i]!.value).toBe(demoHypoxiaActivity(p.id) > DEMO_SUBTYPE_THRESHOLD ? "Hypoxic" : "Normoxic"));
    expect(new Set(labels.map((l) => l.value))).toEqual(new Set(["Hypoxic", "Normoxic"]));
    expect(labels.every((l) => l.source === "demo" && l.dataRelease === "demo-1")).toBe(true);
  });
});
