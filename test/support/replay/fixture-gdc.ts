// The replay cohort in GDC's shapes (reference §1): /cases hits, STAR-Counts /files hits and bodies,
// /ssm_occurrences hits; with the expression truth (primary-tumour file per patient, TPM, z).
import type { SeededRandom } from "../../../compute/seeded-random.js";
import type { ExpressionRecord } from "../../../graph-model/model/records.js";
import { withGdcAttributes } from "./fixture-gdc-attributes.js";
import { FIXTURE_GENES } from "./fixture-genes.js";
import { seededUuid } from "./fixture-ids.js";
import { genomicDnaChange, type PatientMutation } from "./fixture-mutations.js";
import { drawLocusTpms, expectedTpmBySymbol, starCountsText } from "./fixture-star-counts.js";
import type { FixturePatient } from "./genomic-fixture.js";

export function gdcFixture(projectId: string, dataRelease: string, patients: FixturePatient[], rng: SeededRandom) {
  const extended = patients.map((p, i) => withGdcAttributes(p.clinical.gdcCase, i, `GDC ${projectId}`, dataRelease));
  const attributes = new Map(patients.map((p, i) => [p.barcode, extended[i]!.truth]));
  const cases = patients.map((p, i) => ({ id: p.caseId, case_id: p.caseId, submitter_id: p.barcode, project: { project_id: projectId }, ...extended[i]!.gdcCase }));
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
      const loci = drawLocusTpms(FIXTURE_GENES, rng, p.expressionShift);
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
  // provenance a correct ingest records: GDC, the /status release and the file each value was read from
  const { expression, undefinedZ } = expressionWithZ(tpmByPatient, (patientId) => ({ source: "GDC", dataRelease, sourceFile: primaryFiles.get(patientId)! }));
  return {
    status: { commit: "replay", data_release: dataRelease, status: "OK", tag: "replay", version: 1 },
    projects: [{ id: projectId, project_id: projectId, name: "Replay cohort", program: { name: "TCGA" } }],
    cases, files, ssmOccurrences, fileBodies, primaryFiles, expression, undefinedZ, attributes,
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

function expressionWithZ(tpmByPatient: Map<string, Map<string, number>>, provenanceOf: (patientId: string) => { source: string; dataRelease: string; sourceFile: string }) {
  const expression: ExpressionRecord[] = [];
  const undefinedZ: { geneSymbol: string; reason: string }[] = [];
  for (const gene of FIXTURE_GENES) {
    const rows = [...tpmByPatient].map(([patientId, tpms]) => ({ patientId, tpm: tpms.get(gene.symbol)! }));
    const values = rows.map((row) => Math.log2(row.tpm + 1));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
    const constant = values.every((v) => v === values[0]);
    if (constant) undefinedZ.push({ geneSymbol: gene.symbol, reason: "constant across the cohort" });
    rows.forEach((row, i) => expression.push({ patientId: row.patientId, geneSymbol: gene.symbol, tpm: row.tpm, value: values[i]!, z: constant ? null : (values[i]! - mean) / sd, ...provenanceOf(row.patientId) }));
  }
  return { expression, undefinedZ };
}
