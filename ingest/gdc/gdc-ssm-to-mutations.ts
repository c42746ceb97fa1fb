// A GDC /ssm_occurrences hit → MutationRecords (reference §1.9). `ssm.consequence` lists one entry per
// transcript; one record is kept per gene, from that gene's canonical transcript (is_canonical). A
// gene with no canonical transcript in the list is skipped. /ssm_occurrences carries no read counts
// or sample barcode in the fields used here, so vaf and sampleId are null.
import type { MutationRecord } from "../genomics/mutation-record.js";
import { booleanAt, listAt, objectAt, stringAt } from "../genomics/json-readers.js";
import { hgvsProteinChange } from "../genomics/protein-change.js";
import { patientBarcodeOf } from "../genomics/tcga-barcode.js";

export const GDC_SSM_OCCURRENCE_FIELDS = [
  "ssm_occurrence_id", "case.case_id", "case.submitter_id", "case.project.project_id",
  "ssm.ssm_id", "ssm.genomic_dna_change",
  "ssm.consequence.transcript.gene.symbol", "ssm.consequence.transcript.aa_change",
  "ssm.consequence.transcript.consequence_type", "ssm.consequence.transcript.is_canonical",
] as const;

export function mutationsFromSsmOccurrence(hit: Record<string, unknown>, genes: ReadonlySet<string> | null): MutationRecord[] {
  const barcode = stringAt(objectAt(hit, "case"), "submitter_id");
  const ssm = objectAt(hit, "ssm");
  if (barcode === null || ssm === null) return [];
  const patientId = patientBarcodeOf(barcode);
  const genomicChange = stringAt(ssm, "genomic_dna_change");
  const records = new Map<string, MutationRecord>();
  for (const consequence of listAt(ssm, "consequence")) {
    const transcript = objectAt(consequence, "transcript");
    const geneSymbol = stringAt(objectAt(transcript, "gene"), "symbol");
    if (geneSymbol === null || booleanAt(transcript, "is_canonical") !== true || records.has(geneSymbol)) continue;
    if (genes && !genes.has(geneSymbol)) continue;
    const proteinChange = hgvsProteinChange(stringAt(transcript, "aa_change")) ?? genomicChange;
    if (proteinChange === null) continue;
    records.set(geneSymbol, { patientId, geneSymbol, proteinChange, consequence: stringAt(transcript, "consequence_type"), vaf: null, sampleId: null, source: "GDC" });
  }
  return [...records.values()];
}
