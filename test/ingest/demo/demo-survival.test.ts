// The demo's planted hazard: overall survival time shrinks with the hidden hypoxia activity (the latent
// behind lesion heterogeneity and SUBTYPE), so a Cox fit of survival on the activity finds HR > 1.
import { describe, expect, it } from "vitest";
import { fitCox } from "../../../compute/models/survival/index.js";
import { matrix } from "../../../compute/stats/index.js";
import { demoCohort, demoHypoxiaActivity } from "../../../ingest/demo/demo-cohort.js";

describe("demo planted survival", () => {
  it("death hazard rises with the hidden hypoxia activity", () => {
    const { patients } = demoCohort({ patientsPerCollection: 100 });
    const X = matrix(patients.length, 1, Float64Array.from(patients, (p) => demoHypoxiaActivity(p.id)));
    const fit = fitCox(X, { time: patients.map((p) => p.overallSurvivalDays!), event: patients.map((p) => (p.overallSurvivalEvent ? 1 : 0)) });
    expect(fit.hazardRatios[0]).toBeGreaterThan(1.5);
    expect(fit.p[0]).toBeLessThan(0.001);
  });
});
