// Which molecular profiles and sample lists of a study to read, chosen from the study's own profile
// list (/studies/{id}/molecular-profiles, reference §2.4) by molecularAlterationType and datatype —
// never from constructed ids. Expression: a CONTINUOUS MRNA_EXPRESSION profile, TPM before RSEM, never
// FPKM or read counts (they are not comparable to either). Z-scores: only a Z-SCORE profile computed
// from that same expression profile (its id extends the expression profile's id, as cBioPortal's
// `<profile>_Zscores`, `_median_all_sample_Zscores`, `_zscores_ref_all_samples` do), preferring the one
// relative to all samples over the diploid-reference one; otherwise none, so TPM is never paired with
// an FPKM- or RSEM-based z-score.
import { BadUserInputError } from "../../compute/errors.js";

export interface CbioMolecularProfile {
  molecularProfileId: string;
  molecularAlterationType: string;
  datatype: string;
  name: string | null;
}

type Normalisation = "TPM" | "RSEM" | "FPKM" | "COUNTS" | "OTHER";

/** What the profile's values are, from its id and name ("…_mrna_seq_tpm", "mRNA Expression, RSEM …"). */
function normalisationOf(profile: CbioMolecularProfile): Normalisation {
  const text = `${profile.molecularProfileId} ${profile.name ?? ""}`.toLowerCase();
  if (/fpkm/.test(text)) return "FPKM";
  if (/read_counts|read counts|raw counts/.test(text)) return "COUNTS";
  if (/\btpm\b|_tpm\b|_tpm_/.test(text)) return "TPM";
  if (/rsem|rna_seq_v2/.test(text)) return "RSEM";
  return "OTHER";
}

const PREFERENCE: readonly Normalisation[] = ["TPM", "RSEM", "OTHER"];

const isExpression = (p: CbioMolecularProfile) => p.molecularAlterationType === "MRNA_EXPRESSION" && p.datatype === "CONTINUOUS";
const isZScore = (p: CbioMolecularProfile) => p.molecularAlterationType === "MRNA_EXPRESSION" && p.datatype === "Z-SCORE";

export function expressionProfileOf(studyId: string, profiles: readonly CbioMolecularProfile[]): CbioMolecularProfile {
  const candidates = profiles.filter(isExpression);
  for (const normalisation of PREFERENCE) {
    const profile = candidates.find((p) => normalisationOf(p) === normalisation);
    if (profile) return profile;
  }
  const found = candidates.map((p) => p.molecularProfileId).join(", ");
  throw new BadUserInputError(`cBioPortal study '${studyId}' has no TPM or RSEM mRNA expression profile${found ? ` (it has ${found}; pass profileId to choose one)` : ""}`, { studyId });
}

/** The z-scores computed from `expression`, or null when the study has none of its own. */
export function zScoreProfileOf(profiles: readonly CbioMolecularProfile[], expression: CbioMolecularProfile): CbioMolecularProfile | null {
  const derived = profiles.filter((p) => isZScore(p) && p.molecularProfileId.startsWith(`${expression.molecularProfileId}_`));
  const allSamples = derived.find((p) => /all_sample|ref_all/i.test(p.molecularProfileId) || /all samples/i.test(p.name ?? ""));
  return allSamples ?? derived.find((p) => !/diploid|median_zscores$/i.test(p.molecularProfileId)) ?? null;
}

export function mutationProfileOf(studyId: string, profiles: readonly CbioMolecularProfile[]): CbioMolecularProfile {
  const profile = profiles.find((p) => p.molecularAlterationType === "MUTATION_EXTENDED");
  if (!profile) throw new BadUserInputError(`cBioPortal study '${studyId}' has no mutation profile`, { studyId });
  return profile;
}

/** True when the profile's values are TPM (GDC-harmonised studies); PanCan RSEM values are not. */
export function isTpmProfile(profile: CbioMolecularProfile): boolean {
  return normalisationOf(profile) === "TPM";
}

/** The first of `<studyId>_<suffix>` lists that exists. */
export function sampleListOf(studyId: string, sampleListIds: readonly string[], suffixes: readonly string[]): string {
  for (const suffix of suffixes) if (sampleListIds.includes(`${studyId}_${suffix}`)) return `${studyId}_${suffix}`;
  throw new BadUserInputError(`cBioPortal study '${studyId}' has none of the sample lists ${suffixes.map((s) => `${studyId}_${s}`).join(", ")}`, { studyId });
}
