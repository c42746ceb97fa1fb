/** The expression value the graph stores: log2(TPM + 1). */
export function log2TpmPlusOne(tpm: number): number {
  return Math.log2(tpm + 1);
}
