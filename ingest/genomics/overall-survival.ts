// Overall survival from GDC clinical fields (reference §1.5): event = demographic.vital_status ==
// "Dead"; time = days_to_death when dead, else the latest of diagnoses[].days_to_last_follow_up and
// follow_ups[].days_to_follow_up (DR42 moved follow-up to follow_ups[], DR43 moved it back, so both are read).
// Missing or malformed fields give null, never an error.

export interface GdcSurvivalFields {
  demographic?: { vital_status?: unknown; days_to_death?: unknown } | null;
  diagnoses?: ReadonlyArray<{ days_to_last_follow_up?: unknown; days_to_death?: unknown } | null> | null;
  follow_ups?: ReadonlyArray<{ days_to_follow_up?: unknown } | null> | null;
}

export interface OverallSurvival {
  vitalStatus: "Alive" | "Dead" | null;
  /** Days from diagnosis to death (event) or last contact (censored); null when unknown. */
  days: number | null;
  /** True = death observed; false = censored; null when the vital status is unknown. */
  event: boolean | null;
}

export function overallSurvival(fields: GdcSurvivalFields): OverallSurvival {
  const vitalStatus = vitalStatusOf(fields.demographic?.vital_status);
  if (vitalStatus === "Dead") return { vitalStatus, event: true, days: daysToDeath(fields) };
  if (vitalStatus === "Alive") return { vitalStatus, event: false, days: lastFollowUpDays(fields) };
  return { vitalStatus: null, event: null, days: null };
}

function vitalStatusOf(value: unknown): OverallSurvival["vitalStatus"] {
  if (typeof value !== "string") return null;
  const normalized = value.trim().toLowerCase();
  return normalized === "dead" ? "Dead" : normalized === "alive" ? "Alive" : null;
}

/** demographic.days_to_death; older dictionaries kept it on diagnoses[] (reference §1.5), read as a fallback. */
function daysToDeath(fields: GdcSurvivalFields): number | null {
  return nonNegativeDays(fields.demographic?.days_to_death) ?? maxDays((fields.diagnoses ?? []).map((d) => d?.days_to_death));
}

function lastFollowUpDays(fields: GdcSurvivalFields): number | null {
  return maxDays([
    ...(fields.diagnoses ?? []).map((diagnosis) => diagnosis?.days_to_last_follow_up),
    ...(fields.follow_ups ?? []).map((followUp) => followUp?.days_to_follow_up),
  ]);
}

function maxDays(values: unknown[]): number | null {
  const days = values.map(nonNegativeDays).filter((value): value is number => value !== null);
  return days.length > 0 ? Math.max(...days) : null;
}

function nonNegativeDays(value: unknown): number | null {
  const days = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof days === "number" && Number.isFinite(days) && days >= 0 ? days : null;
}
