// The patient count behind the scanning fields' cost: read at start, refreshed, and kept when a read fails.
import { describe, expect, it } from "vitest";
import { StorePatientCount } from "../../cli/store-patient-count.js";

describe("StorePatientCount", () => {
  it("reads the store's patient count at start and follows it on refresh", async () => {
    let patients = 1_234;
    const count = new StorePatientCount({ countPatients: async () => patients });
    expect(count.current).toBeUndefined();
    await count.start(3_600_000);
    expect(count.current).toBe(1_234);
    patients = 5_000;
    await count.refresh();
    expect(count.current).toBe(5_000);
    count.stop();
  });

  it("keeps the last count when the store cannot answer", async () => {
    let fail = false;
    const count = new StorePatientCount({ countPatients: async () => { if (fail) throw new Error("store unavailable"); return 42; } });
    await count.refresh();
    fail = true;
    await count.refresh();
    expect(count.current).toBe(42);
  });
});
