// A small synthetic TCGA-like cohort served by the replay server in GDC, cBioPortal and Reactome
// shapes, with the records a correct ingest must yield ("truth"), computed here from the generated
// values and never by the ingest code under test.
import { SeededRandom } from "../../../compute/seeded-random.js";
import type { ExpressionRecord, PatientRecord } from "../../../graph-model/model/records.js";
import type { MutationRecord } from "../../../ingest/genomics/mutation-record.js";
import { clinicalFor, SCENARIOS, type FixtureClinical } from "./fixture-clinical.js";
import { FIXTURE_GENES, type FixtureGene } from "./fixture-genes.js";
import { cbioportalKey, round, seededUuid } from "./fixture-ids.js";
import { drawMutations, genomicDnaChange, type PatientMutation } from "./fixture-mutations.js";
import { REACTOME_FIXTURE, type ReactomeFixture } from "./fixture-reactome.js";
import { drawLocusTpms, expectedTpmBySymbol, starCountsText } from "./fixture-star-counts.js";

export interface GenomicFixtureOptions {
  seed?: number;
  projectId?: string;
  studyId?: string;
  /** Patient barcodes; default TCGA-RG-A001 … (fictional tissue-source site RG). */
  patientIds?: string[];
  patientCount?: number;
}

export interface FixturePatient {
  barcode: string;
  caseId: string;
  clinical: FixtureClinical;
  mutations: PatientMutation[];
}

export interface GdcFixture {
  status: Record<string, unknown>;
  projects: Record<string, unknown>[];
  cases: Record<string, unknown>[];
  files: Record<string, unknown>[];
  ssmOccurrences: Record<string, unknown>[];
  fileBodies: Map<string, string>;
}

export interface CbioMolecularDatum {
  sampleId: string;
  patientId: string;
  entrezGeneId: number;
  value: number;
}

export interface CbioportalFixture {
  study: Record<string, unknown>;
  patients: Record<string, unknown>[];
  samples: Record<string, unknown>[];
  clinical: { PATIENT: Record<string, unknown>[]; SAMPLE: Record<string, unknown>[] };
  profiles: Record<string, unknown>[];
  sampleLists: Record<string, unknown>[];
  sampleListIds: Map<string, string[]>;
  molecularData: Map<string, CbioMolecularDatum[]>;
  mutations: Record<string, unknown>[];
  genes: Record<string, unknown>[];
}

export interface GenomicTruth {
  gdcPatients: PatientRecord[];
  cbioPatients: PatientRecord[];
  caseIdByBarcode: Map<string, string>;
  /** The primary-tumour STAR-Counts file an ingest must pick per patient (patients without RNA absent). */
  primaryTumourFileByPatient: Map<string, string>;
  gdcExpression: ExpressionRecord[];
  /** Genes whose z is undefined across the GDC cohort, with the reason. */
  gdcUndefinedZ: { geneSymbol: string; reason: string }[];
  gdcMutations: MutationRecord[];
  cbioExpression: ExpressionRecord[];
  cbioMutations: MutationRecord[];
}

export interface GenomicFixture {
  projectId: string;
  studyId: string;
  gdcDataRelease: string;
  genes: FixtureGene[];
  patients: FixturePatient[];
  gdc: GdcFixture;
  cbioportal: CbioportalFixture;
  reactome: ReactomeFixture;
  truth: GenomicTruth;
}

export function generateGenomicFixture(options: GenomicFixtureOptions = {}): GenomicFixture {
  const rng = new SeededRandom(options.seed ?? 20260629);
  const projectId = options.projectId ?? "TCGA-GBM";
  const studyId = options.studyId ?? `${projectId.slice(5).toLowerCase()}_tcga_pan_can_atlas_2018`;
  const count = options.patientIds?.length ?? options.patientCount ?? 8;
  const barcodes = options.patientIds ?? Array.from({ length: count }, (_, i) => `TCGA-RG-A${String(i + 1).padStart(3, "0")}`);
  const patients = barcodes.map((barcode, i) => ({
    barcode,
    caseId: seededUuid(rng),
    clinical: clinicalFor(SCENARIOS[i] ?? "random", rng),
    mutations: drawMutations(rng),
  }));
  const gdcDataRelease = "Data Release 45.0 - replay";
  const gdc = gdcFixture(projectId, gdcDataRelease, patients, rng);
  const cbioportal = cbioportalFixture(projectId, studyId, patients, rng);
  const truth: GenomicTruth = {
    gdcPatients: patients.map((p) => ({ id: p.barcode, collectionId: projectId, projectId, ...p.clinical.gdcTruth, source: "GDC", dataRelease: gdcDataRelease })),
    cbioPatients: patients.map((p) => ({ id: p.barcode, collectionId: projectId, projectId, ...p.clinical.cbioTruth, source: "cBioPortal", dataRelease: String(cbioportal.fixture.study.importDate) })),
    caseIdByBarcode: new Map(patients.map((p) => [p.barcode, p.caseId])),
    primaryTumourFileByPatient: gdc.primaryFiles,
    gdcExpression: gdc.expression,
    gdcUndefinedZ: gdc.undefinedZ,
    gdcMutations: patients.flatMap((p) => p.mutations.map(({ mutation }) => ({
      patientId: p.barcode, geneSymbol: mutation.gene,
      proteinChange: mutation.aaChange ? `p.${mutation.aaChange}` : genomicDnaChange(mutation),
      consequence: mutation.consequence, vaf: null, sampleId: null, source: "GDC" as const,
    }))),
    cbioExpression: cbioportal.expression,
    cbioMutations: patients.flatMap((p) => p.mutations.map((m) => ({
      patientId: p.barcode, geneSymbol: m.mutation.gene, proteinChange: `p.${m.mutation.cbioProteinChange}`,
      consequence: m.mutation.variantClassification, vaf: m.tumorAltCount / (m.tumorAltCount + m.tumorRefCount),
      sampleId: `${p.barcode}-01`, source: "cBioPortal" as const,
    }))),
  };
  return { projectId, studyId, gdcDataRelease, genes: FIXTURE_GENES, patients, gdc, cbioportal: cbioportal.fixture, reactome: REACTOME_FIXTURE, truth };
}

// ---- GDC ------------------------------------------------------------------------------------------

function gdcFixture(projectId: string, dataRelease: string, patients: FixturePatient[], rng: SeededRandom) {
  const cases = patients.map((p) => ({ id: p.caseId, case_id: p.caseId, submitter_id: p.barcode, project: { project_id: projectId }, ...p.clinical.gdcCase }));
  const files: Record<string, unknown>[] = [];
  const fileBodies = new Map<string, string>();
  const primaryFiles = new Map<string, string>();
  const tpmByPatient = new Map<string, Map<string, number>>();
  patients.forEach((p, i) => {
    if (i === 6) return; // no RNA-seq for this patient
    const samples: [string, string][] = [[`${p.barcode}-01A`, "Primary Tumor"]];
    if (i === 1) samples.push([`${p.barcode}-11A`, "Solid Tissue Normal"]);
    if (i === 7) samples.push([`${p.barcode}-01B`, "Primary Tumor"]);
    for (const [sampleBarcode, sampleType] of samples) {
      const fileId = seededUuid(rng);
      const loci = drawLocusTpms(FIXTURE_GENES, rng);
      fileBodies.set(fileId, starCountsText(loci, rng));
      files.push(starCountsFile(fileId, p, projectId, sampleBarcode, sampleType));
      if (sampleBarcode.endsWith("-01A")) {
        primaryFiles.set(p.barcode, fileId);
        tpmByPatient.set(p.barcode, expectedTpmBySymbol(loci));
      }
    }
    if (i === 0) files.push({ ...starCountsFile(seededUuid(rng), p, projectId, `${p.barcode}-01A`, "Primary Tumor"), data_type: "Splice Junction Quantification", file_name: "x.rna_seq.star_splice_junctions.tsv.gz" });
  });
  const ssmOccurrences = patients.flatMap((p) => p.mutations.map(({ mutation }) => ssmOccurrence(p, projectId, mutation, rng)));
  const { expression, undefinedZ } = expressionWithZ(tpmByPatient);
  return {
    status: { commit: "replay", data_release: dataRelease, status: "OK", tag: "replay", version: 1 },
    projects: [{ id: projectId, project_id: projectId, name: "Replay cohort", program: { name: "TCGA" } }],
    cases, files, ssmOccurrences, fileBodies, primaryFiles, expression, undefinedZ,
  };
}

function starCountsFile(fileId: string, p: FixturePatient, projectId: string, sampleBarcode: string, sampleType: string) {
  return {
    id: fileId, file_id: fileId, file_name: `${fileId}.rna_seq.augmented_star_gene_counts.tsv`, access: "open",
    data_category: "Transcriptome Profiling", data_type: "Gene Expression Quantification", data_format: "TSV",
    experimental_strategy: "RNA-Seq", analysis: { workflow_type: "STAR - Counts" },
    cases: [{ case_id: p.caseId, submitter_id: p.barcode, project: { project_id: projectId },
      samples: [{ submitter_id: sampleBarcode, sample_type: sampleType, tissue_type: sampleType === "Primary Tumor" ? "Tumor" : "Normal" }] }],
  };
}

function ssmOccurrence(p: FixturePatient, projectId: string, m: PatientMutation["mutation"], rng: SeededRandom) {
  const transcript = (aaChange: string | null, consequence: string, canonical: boolean) => ({
    transcript: { transcript_id: `ENST${rng.integer(10_000_000, 99_999_999)}`, aa_change: aaChange, consequence_type: consequence, is_canonical: canonical,
      annotation: { vep_impact: consequence === "missense_variant" ? "MODERATE" : "HIGH" }, gene: { symbol: m.gene, gene_id: FIXTURE_GENES.find((g) => g.symbol === m.gene)!.loci[0]!.ensemblId } },
  });
  const id = seededUuid(rng);
  return {
    id, ssm_occurrence_id: id,
    case: { case_id: p.caseId, submitter_id: p.barcode, project: { project_id: projectId } },
    ssm: {
      ssm_id: seededUuid(rng), genomic_dna_change: genomicDnaChange(m), chromosome: m.chromosome, start_position: m.position,
      reference_allele: m.ref, tumor_allele: m.alt, mutation_subtype: "Single base substitution",
      consequence: [transcript(m.otherTranscript.aaChange, m.otherTranscript.consequence, false), transcript(m.aaChange, m.consequence, true)],
    },
  };
}

function expressionWithZ(tpmByPatient: Map<string, Map<string, number>>) {
  const expression: ExpressionRecord[] = [];
  const undefinedZ: { geneSymbol: string; reason: string }[] = [];
  for (const gene of FIXTURE_GENES) {
    const rows = [...tpmByPatient].map(([patientId, tpms]) => ({ patientId, tpm: tpms.get(gene.symbol)! }));
    const values = rows.map((row) => Math.log2(row.tpm + 1));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
    const constant = values.every((v) => v === values[0]);
    if (constant) undefinedZ.push({ geneSymbol: gene.symbol, reason: "constant across the cohort" });
    rows.forEach((row, i) => expression.push({ patientId: row.patientId, geneSymbol: gene.symbol, tpm: row.tpm, value: values[i]!, z: constant ? null : (values[i]! - mean) / sd }));
  }
  return { expression, undefinedZ };
}

// ---- cBioPortal -----------------------------------------------------------------------------------

function cbioportalFixture(projectId: string, studyId: string, patients: FixturePatient[], rng: SeededRandom) {
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
  const clinicalPatient = patients.flatMap((p) => Object.entries(p.clinical.cbioAttributes).map(([attributeId, value]) => ({ ...keys(p.barcode), clinicalAttributeId: attributeId, value })));
  const clinicalSample = sampleRows.map((s) => ({ ...keys(s.patientId, s.sampleId), clinicalAttributeId: "SAMPLE_TYPE", value: s.sampleType === "PRIMARY_SOLID_TUMOR" ? "Primary" : "Recurrence" }));
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
    clinical: { PATIENT: clinicalPatient, SAMPLE: clinicalSample }, profiles, sampleLists, sampleListIds,
    molecularData: new Map([[mrnaId, rsem], [zId, zScores]]), mutations, genes,
  };
  return { fixture, expression };
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
