// GDC /cases clinical fields beyond the Patient's own, in GDC's shapes (reference §1.5; field names of
// the GDC data dictionary: diagnoses[].ajcc_pathologic_t/n/m, tumor_grade, morphology,
// days_to_recurrence, progression_or_recurrence; demographic.race / ethnicity;
// follow_ups[].molecular_tests[] {gene_symbol, test_result, molecular_analysis_method}). GDC sends
// numbers as numbers or as strings depending on the field's history, so days_to_recurrence comes both
// ways; "Not Reported" means missing. No random draws (values from the patient's index).
import type { TruthAttribute } from "./fixture-cbioportal-attributes.js";

type Json = Record<string, unknown>;

/** The case hit with the extra fields, and the attributes a correct ingest keeps. */
export function withGdcAttributes(gdcCase: Json, i: number, source: string, dataRelease: string): { gdcCase: Json; truth: Record<string, TruthAttribute> } {
  const truth: Record<string, TruthAttribute> = {};
  const keep = (name: string, value: string | number) => (truth[name] = { value, source, dataRelease });
  const diagnoses = Array.isArray(gdcCase.diagnoses) ? (gdcCase.diagnoses as Json[]) : [];
  // The primary diagnosis is the earliest by age_at_diagnosis, else the first (gdc-primary-diagnosis rule).
  const dated = diagnoses.map((d, k) => [k, d.age_at_diagnosis] as const).filter(([, a]) => typeof a === "number") as [number, number][];
  const primary = dated.length ? dated.reduce((a, b) => (b[1] < a[1] ? b : a))[0] : 0;
  const extended = diagnoses.map((d, k) => {
    if (k !== primary) return { ...d, morphology: "8000/3", ajcc_pathologic_t: "T4" };
    const extra: Json = { morphology: "9440/3", ajcc_pathologic_t: i % 2 ? "T2a" : "Not Reported", progression_or_recurrence: i % 2 ? "yes" : "no" };
    if (i % 2) extra.days_to_recurrence = i === 1 ? "412" : 200 + i; // a string on one case, numbers on others
    return { ...d, ...extra };
  });
  if (diagnoses.length) {
    keep("morphology", "9440/3");
    keep("progression_or_recurrence", i % 2 ? "yes" : "no");
    if (i % 2) {
      keep("ajcc_pathologic_t", "T2a");
      keep("days_to_recurrence", i === 1 ? 412 : 200 + i);
    }
  }
  const out: Json = { ...gdcCase, diagnoses: extended };
  if (gdcCase.demographic) {
    out.demographic = { ...(gdcCase.demographic as Json), race: i % 3 ? "white" : "not reported", ethnicity: "not hispanic or latino" };
    if (i % 3) keep("race", "white");
    keep("ethnicity", "not hispanic or latino");
  }
  if (i === 0 || i === 1) {
    const tests = i === 0
      ? [{ gene_symbol: "IDH1", test_result: "Negative", molecular_analysis_method: "IHC" }, { gene_symbol: "MGMT", test_result: "Positive", molecular_analysis_method: "Methylation Array" }]
      : [{ gene_symbol: "IDH1", test_result: "Not Reported", molecular_analysis_method: "Unknown" }];
    out.follow_ups = [...((gdcCase.follow_ups as Json[] | undefined) ?? []), { days_to_follow_up: null, molecular_tests: tests }];
    if (i === 0) {
      keep("molecular_test.IDH1", "Negative");
      keep("molecular_test.MGMT", "Positive");
    }
  }
  return { gdcCase: out, truth };
}
