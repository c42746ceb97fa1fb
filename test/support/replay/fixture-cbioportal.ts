// The replay cohort in cBioPortal's shapes (reference §2): study, patients, samples, long-format
// clinical data, profiles, sample lists, RSEM values with cBioPortal's own z-scores, mutations, genes;
// with the expression truth (primary-tumour samples only).
import type { SeededRandom } from "../../../compute/seeded-random.js";
import type { ExpressionRecord } from "../../../graph-model/model/records.js";
import { FIXTURE_GENES } from "./fixture-genes.js";
import { cbioAttributeTruth, clinicalAttributeRows, extraPatientAttributes, extraSampleAttributes } from "./fixture-cbioportal-attributes.js";
import { cbioportalKey, round } from "./fixture-ids.js";
import type { CbioMolecularDatum, CbioportalFixture, FixturePatient } from "./genomic-fixture.js";

export function cbioportalFixture(projectId: string, studyId: string, patients: FixturePatient[], rng: SeededRandom) {
  const keys = (patientId: string, sampleId?: string) => ({
    ...(sampleId ? { uniqueSampleKey: cbioportalKey(sampleId, studyId), sampleId } : {}),
    uniquePatientKey: cbioportalKey(patientId, studyId), patientId, studyId,
  });
  const study = { studyId, name: `Replay ${projectId} (TCGA, PanCancer Atlas)`, cancerTypeId: projectId.slice(5).toLowerCase(), importDate: "2026-06-01 10:00:00", publicStudy: true };
  const sampleRows = patients.flatMap((p, i) => [
    { patientId: p.barcode, sampleId: `${p.barcode}-01`, sampleType: "PRIMARY_SOLID_TUMOR" },
    ...(i === 2 ? [{ patientId: p.barcode, sampleId: `${p.barcode}-02`, sampleType: "RECURRENT_SOLID_TUMOR" }] : []),
  ]);
  const samples = sampleRows.map((s) => ({ ...keys(s.patientId, s.sampleId), sampleType: s.sampleType }));
  const clinicalPatient = patients.flatMap((p, i) => Object.entries({ ...p.clinical.cbioAttributes, ...extraPatientAttributes(i) }).map(([attributeId, value]) => ({ ...keys(p.barcode), clinicalAttributeId: attributeId, value })));
  const clinicalSample = sampleRows.flatMap((s) => {
    const primary = s.sampleType === "PRIMARY_SOLID_TUMOR";
    const extra = extraSampleAttributes(patients.findIndex((p) => p.barcode === s.patientId), primary);
    return Object.entries({ SAMPLE_TYPE: primary ? "Primary" : "Recurrence", ...extra }).map(([attributeId, value]) => ({ ...keys(s.patientId, s.sampleId), clinicalAttributeId: attributeId, value }));
  });
  const mrnaId = `${studyId}_rna_seq_v2_mrna`;
  const zId = `${studyId}_rna_seq_v2_mrna_median_all_sample_Zscores`;
  const mutId = `${studyId}_mutations`;
  const profile = (molecularProfileId: string, molecularAlterationType: string, datatype: string, name: string) =>
    ({ molecularProfileId, molecularAlterationType, datatype, name, studyId, showProfileInAnalysisTab: true });
  const profiles = [
    profile(mutId, "MUTATION_EXTENDED", "MAF", "Mutations"),
    profile(mrnaId, "MRNA_EXPRESSION", "CONTINUOUS", "mRNA Expression, RSEM (Batch normalized from Illumina HiSeq_RNASeqV2)"),
    profile(zId, "MRNA_EXPRESSION", "Z-SCORE", "mRNA Expression z-scores relative to all samples (log RNA Seq V2 RSEM)"),
  ];
  const rnaSamples = sampleRows.filter((s) => s.patientId !== patients[6]?.barcode).map((s) => s.sampleId);
  const sampleListIds = new Map<string, string[]>([
    [`${studyId}_all`, sampleRows.map((s) => s.sampleId)],
    [`${studyId}_rna_seq_v2_mrna`, rnaSamples],
    [`${studyId}_sequenced`, patients.map((p) => `${p.barcode}-01`)],
  ]);
  const sampleLists = [...sampleListIds].map(([sampleListId, ids]) => ({ sampleListId, studyId, category: "other", name: sampleListId, sampleCount: ids.length }));
  const rsem: CbioMolecularDatum[] = [];
  for (const sampleId of rnaSamples)
    for (const gene of FIXTURE_GENES)
      rsem.push({ sampleId, patientId: sampleId.slice(0, 12), entrezGeneId: gene.entrezId, value: gene.silent ? 0 : round(Math.exp(rng.normal(5, 1.2)), 4) });
  const zScores = upstreamZScores(rsem);
  const expression: ExpressionRecord[] = rsem
    .filter((d) => d.sampleId.endsWith("-01"))
    .map((d) => ({
      patientId: d.patientId, geneSymbol: FIXTURE_GENES.find((g) => g.entrezId === d.entrezGeneId)!.symbol,
      value: Math.log2(d.value + 1), tpm: null,
      z: zScores.find((z) => z.sampleId === d.sampleId && z.entrezGeneId === d.entrezGeneId)?.value ?? null,
      source: "cBioPortal", dataRelease: study.importDate, sourceFile: mrnaId,
    }));
  const mutations = patients.flatMap((p) => p.mutations.map((m) => {
    const gene = FIXTURE_GENES.find((g) => g.symbol === m.mutation.gene)!;
    return {
      ...keys(p.barcode, `${p.barcode}-01`), molecularProfileId: mutId, entrezGeneId: gene.entrezId,
      proteinChange: m.mutation.cbioProteinChange, mutationType: m.mutation.variantClassification, variantType: "SNP",
      chr: m.mutation.chromosome.slice(3), startPosition: m.mutation.position, endPosition: m.mutation.position,
      referenceAllele: m.mutation.ref, variantAllele: m.mutation.alt, ncbiBuild: "GRCh37",
      tumorAltCount: m.tumorAltCount, tumorRefCount: m.tumorRefCount, mutationStatus: "Somatic", validationStatus: "Untested",
    };
  }));
  const genes = FIXTURE_GENES.map((g) => ({ entrezGeneId: g.entrezId, hugoGeneSymbol: g.symbol, type: "protein-coding", geneticEntityId: g.entrezId + 100000 }));
  const fixture: CbioportalFixture = {
    study, patients: patients.map((p) => keys(p.barcode)), samples,
    clinical: { PATIENT: clinicalPatient, SAMPLE: clinicalSample }, clinicalAttributes: clinicalAttributeRows(studyId), profiles, sampleLists, sampleListIds,
    molecularData: new Map([[mrnaId, rsem], [zId, zScores]]), mutations, genes,
  };
  return { fixture, expression, attributes: cbioAttributeTruth(patients, studyId, study.importDate) };
}

/** cBioPortal's own z-scores (log2 values vs all samples, 4 decimals); a constant gene has none. */
function upstreamZScores(rsem: CbioMolecularDatum[]): CbioMolecularDatum[] {
  const out: CbioMolecularDatum[] = [];
  for (const gene of FIXTURE_GENES) {
    const rows = rsem.filter((d) => d.entrezGeneId === gene.entrezId);
    const logs = rows.map((d) => Math.log2(d.value + 1));
    const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
    const sd = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / (logs.length - 1));
    if (sd === 0) continue;
    rows.forEach((d, i) => out.push({ ...d, value: round((logs[i]! - mean) / sd, 4) }));
  }
  return out;
}
