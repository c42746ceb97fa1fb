import { describe, expect, it } from "vitest";
import { overallSurvival } from "../../../ingest/genomics/overall-survival.js";

describe("overall survival from GDC clinical fields", () => {
  it("uses days_to_death for a dead patient (event)", () => {
    expect(overallSurvival({ demographic: { vital_status: "Dead", days_to_death: 164 }, diagnoses: [{ days_to_last_follow_up: null }], follow_ups: [{ days_to_follow_up: 120 }] }))
      .toEqual({ vitalStatus: "Dead", days: 164, event: true });
  });

  it("censors a living patient at the latest follow-up across diagnoses[] and follow_ups[]", () => {
    const fields = { demographic: { vital_status: "Alive" }, diagnoses: [{ days_to_last_follow_up: 400 }, { days_to_last_follow_up: 380 }], follow_ups: [{ days_to_follow_up: 455 }, { days_to_follow_up: 12 }] };
    expect(overallSurvival(fields)).toEqual({ vitalStatus: "Alive", days: 455, event: false });
    expect(overallSurvival({ ...fields, follow_ups: [] })).toEqual({ vitalStatus: "Alive", days: 400, event: false });
  });

  it("falls back to diagnoses[].days_to_death when demographic lacks it (older dictionaries)", () => {
    expect(overallSurvival({ demographic: { vital_status: "Dead" }, diagnoses: [{ days_to_death: 300 }] })).toEqual({ vitalStatus: "Dead", days: 300, event: true });
  });

  it("gives nulls, never a crash, when fields are missing or malformed", () => {
    expect(overallSurvival({})).toEqual({ vitalStatus: null, days: null, event: null });
    expect(overallSurvival({ demographic: { vital_status: "Not Reported", days_to_death: 10 } })).toEqual({ vitalStatus: null, days: null, event: null });
    expect(overallSurvival({ demographic: { vital_status: "Dead" } })).toEqual({ vitalStatus: "Dead", days: null, event: true });
    expect(overallSurvival({ demographic: null, diagnoses: null, follow_ups: null })).toEqual({ vitalStatus: null, days: null, event: null });
    expect(overallSurvival({ demographic: { vital_status: "Alive" }, diagnoses: [null, { days_to_last_follow_up: "77" }], follow_ups: [{ days_to_follow_up: -5 }, { days_to_follow_up: "n/a" }] }))
      .toEqual({ vitalStatus: "Alive", days: 77, event: false });
    expect(overallSurvival({ demographic: { vital_status: "Alive" } })).toEqual({ vitalStatus: "Alive", days: null, event: false });
  });
});
