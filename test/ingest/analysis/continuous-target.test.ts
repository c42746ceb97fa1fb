// Dichotomising a numeric attribute: high = value > threshold, at the stated threshold or the median
// of the patients' values (even n: mean of the middle two); a non-numeric or unknown attribute is
// BAD_USER_INPUT.
import { describe, expect, it } from "vitest";
import type { GraphStore } from "../../../graph-model/graph-store.js";
import type * as M from "../../../graph-model/model/records.js";
import { dichotomisedTarget } from "../../../ingest/analysis/continuous-target.js";

const noStore = null as unknown as GraphStore; // numeric attributes are read from the patients alone
const patient = (id: string, value: unknown): M.Patient =>
  ({ id, clinicalAttributes: value === undefined ? {} : { TMB: { value, source: "cBioPortal s", dataRelease: "r" } } }) as unknown as M.Patient;

describe("dichotomisedTarget", () => {
  const patients = [patient("a", 1), patient("b", 4), patient("c", 2), patient("d", 10), patient("e", undefined)];

  it("splits at the cohort median, recorded with the rule", async () => {
    const target = await dichotomisedTarget(noStore, patients, "TMB", {});
    expect(target.dichotomy).toEqual({ rule: "high = value > threshold, low otherwise", threshold: 3, thresholdFrom: "cohort median", values: "TMB", high: 2, low: 2 });
    expect(Object.fromEntries(target.labels)).toEqual({ a: "low", b: "high", c: "low", d: "high" });
    expect(target.sources).toEqual(["cBioPortal s r"]);
  });

  it("splits at a stated threshold (a value equal to it is low)", async () => {
    const target = await dichotomisedTarget(noStore, patients, "TMB", { threshold: 4 });
    expect(target.dichotomy).toMatchObject({ threshold: 4, thresholdFrom: "stated", high: 1, low: 3 });
  });

  it("refuses a text attribute and an unknown one", async () => {
    await expect(dichotomisedTarget(noStore, [patient("a", "x"), patient("b", 2)], "TMB", {})).rejects.toMatchObject({ code: "BAD_USER_INPUT", message: expect.stringContaining("not numeric") });
    await expect(dichotomisedTarget(noStore, patients, "PAM50", {})).rejects.toMatchObject({ code: "BAD_USER_INPUT", message: expect.stringContaining("TMB") });
  });
});
