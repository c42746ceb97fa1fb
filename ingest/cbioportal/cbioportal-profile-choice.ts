// Which molecular profiles and sample lists of a study to read (reference §2.4): PanCan Atlas names
// expression `_rna_seq_v2_mrna` (RSEM) with z-scores `_rna_seq_v2_mrna_median_all_sample_Zscores`;
// GDC-harmonised studies `_mrna_seq_tpm` with `_zscores_ref_all_samples`.
import { BadUserInputError } from "../../compute/errors.js";

export interface CbioMolecularProfile {
  molecularProfileId: string;
  molecularAlterationType: string;
  datatype: string;
  name: string | null;
}

const EXPRESSION_SUFFIXES = ["_rna_seq_v2_mrna", "_mrna_seq_tpm"];
const ZSCORE_SUFFIXES = ["_rna_seq_v2_mrna_median_all_sample_Zscores", "_mrna_seq_tpm_zscores_ref_all_samples"];

export function expressionProfileOf(studyId: string, profiles: readonly CbioMolecularProfile[]): CbioMolecularProfile {
  const profile = bySuffix(profiles, EXPRESSION_SUFFIXES) ?? profiles.find((p) => p.molecularAlterationType === "MRNA_EXPRESSION" && p.datatype === "CONTINUOUS");
  if (!profile) throw new BadUserInputError(`cBioPortal study '${studyId}' has no mRNA expression profile`, { studyId });
  return profile;
}

export function zScoreProfileOf(profiles: readonly CbioMolecularProfile[]): CbioMolecularProfile | null {
  return bySuffix(profiles, ZSCORE_SUFFIXES) ?? profiles.find((p) => p.molecularAlterationType === "MRNA_EXPRESSION" && p.datatype === "Z-SCORE") ?? null;
}

export function mutationProfileOf(studyId: string, profiles: readonly CbioMolecularProfile[]): CbioMolecularProfile {
  const profile = profiles.find((p) => p.molecularAlterationType === "MUTATION_EXTENDED");
  if (!profile) throw new BadUserInputError(`cBioPortal study '${studyId}' has no mutation profile`, { studyId });
  return profile;
}

/** True when the profile's values are TPM (GDC-harmonised studies); PanCan RSEM values are not. */
export function isTpmProfile(profile: CbioMolecularProfile): boolean {
  return profile.molecularProfileId.endsWith("_mrna_seq_tpm");
}

/** The first of `<studyId>_<suffix>` lists that exists. */
export function sampleListOf(studyId: string, sampleListIds: readonly string[], suffixes: readonly string[]): string {
  for (const suffix of suffixes) if (sampleListIds.includes(`${studyId}_${suffix}`)) return `${studyId}_${suffix}`;
  throw new BadUserInputError(`cBioPortal study '${studyId}' has none of the sample lists ${suffixes.map((s) => `${studyId}_${s}`).join(", ")}`, { studyId });
}

function bySuffix(profiles: readonly CbioMolecularProfile[], suffixes: readonly string[]): CbioMolecularProfile | undefined {
  for (const suffix of suffixes) {
    const profile = profiles.find((p) => p.molecularProfileId.endsWith(suffix));
    if (profile) return profile;
  }
  return undefined;
}
