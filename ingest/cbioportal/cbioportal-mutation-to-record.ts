// A cBioPortal Mutation (projection=DETAILED, reference §2.7) → MutationRecord.
import { numberAt, objectAt, stringAt } from "../genomics/json-readers.js";
import type { MutationRecord } from "../genomics/mutation-record.js";
import { hgvsProteinChange } from "../genomics/protein-change.js";
import { patientBarcodeOf } from "../genomics/tcga-barcode.js";

/** `symbolOf` maps Entrez ids for answers without the gene object (projection other than DETAILED). */
export function mutationRecordOf(mutation: unknown, symbolOf: ReadonlyMap<number, string>): MutationRecord | null {
  const sampleId = stringAt(mutation, "sampleId");
  const patientId = stringAt(mutation, "patientId") ?? (sampleId ? sampleId.slice(0, 12) : null);
  const entrezId = numberAt(mutation, "entrezGeneId");
  const geneSymbol = stringAt(objectAt(mutation, "gene"), "hugoGeneSymbol") ?? (entrezId === null ? null : symbolOf.get(entrezId) ?? null);
  const proteinChange = hgvsProteinChange(stringAt(mutation, "proteinChange")) ?? genomicChangeOf(mutation);
  if (patientId === null || geneSymbol === null || proteinChange === null) return null;
  return {
    patientId: patientBarcodeOf(patientId),
    geneSymbol,
    proteinChange,
    consequence: stringAt(mutation, "mutationType"),
    vaf: vafOf(numberAt(mutation, "tumorAltCount"), numberAt(mutation, "tumorRefCount")),
    sampleId,
    source: "cBioPortal",
  };
}

function vafOf(alt: number | null, ref: number | null): number | null {
  if (alt === null || ref === null || alt < 0 || ref < 0 || alt + ref === 0) return null;
  return alt / (alt + ref);
}

/** PanCan coordinates are GRCh37 without a `chr` prefix (reference §2.7). */
function genomicChangeOf(mutation: unknown): string | null {
  const chr = stringAt(mutation, "chr");
  const start = numberAt(mutation, "startPosition");
  const ref = stringAt(mutation, "referenceAllele");
  const alt = stringAt(mutation, "variantAllele");
  return chr && start !== null && ref && alt ? `${chr}:g.${start}${ref}>${alt}` : null;
}
