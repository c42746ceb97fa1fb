// A small synthetic TCGA-like cohort served by the replay server in GDC, cBioPortal and Reactome
// shapes, with the records a correct ingest must yield ("truth"), computed here from the generated
// values and never by the ingest code under test.
import { SeededRandom } from "../../../compute/seeded-random.js";
import type { ExpressionRecord, PatientRecord } from "../../../graph-model/model/records.js";
import type { MutationRecord } from "../../../ingest/genomics/mutation-record.js";
import { cbioportalFixture } from "./fixture-cbioportal.js";
import type { TruthAttribute } from "./fixture-cbioportal-attributes.js";
import { clinicalFor, SCENARIOS, type FixtureClinical } from "./fixture-clinical.js";
import { gdcFixture } from "./fixture-gdc.js";
import { FIXTURE_GENES, type FixtureGene } from "./fixture-genes.js";
import { seededUuid } from "./fixture-ids.js";
import { drawMutations, genomicDnaChange, type PatientMutation } from "./fixture-mutations.js";
import { REACTOME_FIXTURE, type ReactomeFixture } from "./fixture-reactome.js";

export interface GenomicFixtureOptions {
  seed?: number;
  projectId?: string;
  studyId?: string;
  /** Patient barcodes; default TCGA-RG-A001 … (fictional tissue-source site RG). */
  patientIds?: string[];
  patientCount?: number;
  /** A planted association: per patient, the mutations to carry and an ln-TPM shift per gene (GDC files). */
  plant?: (barcode: string, rng: SeededRandom) => { mutations: PatientMutation[]; expressionShift: (symbol: string) => number };
}

export interface FixturePatient {
  barcode: string;
  caseId: string;
  clinical: FixtureClinical;
  mutations: PatientMutation[];
  /** ln-TPM shift of a gene in this patient's STAR-Counts files (a planted association; 0 otherwise). */
  expressionShift?: (symbol: string) => number;
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
  /** GET /studies/{id}/clinical-attributes rows. */
  clinicalAttributes: Record<string, unknown>[];
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
  /** Patient barcode → the clinicalAttributes a cBioPortal ingest stores. */
  cbioAttributes: Map<string, Record<string, TruthAttribute>>;
  /** Patient barcode → the clinicalAttributes a GDC ingest stores. */
  gdcAttributes: Map<string, Record<string, TruthAttribute>>;
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
  const patients: FixturePatient[] = barcodes.map((barcode, i) => {
    const caseId = seededUuid(rng);
    const clinical = clinicalFor(SCENARIOS[i] ?? "random", rng);
    return { barcode, caseId, clinical, ...(options.plant ? options.plant(barcode, rng) : { mutations: drawMutations(rng) }) };
  });
  const gdcDataRelease = "Data Release 45.0 - replay";
  const gdc = gdcFixture(projectId, gdcDataRelease, patients, rng);
  const cbioportal = cbioportalFixture(projectId, studyId, patients, rng);
  const truth: GenomicTruth = {
    gdcPatients: patients.map((p) => ({ id: p.barcode, collectionId: projectId, projectId, ...p.clinical.gdcTruth, source: "GDC", dataRelease: gdcDataRelease, clinicalAttributes: gdc.attributes.get(p.barcode) ?? {} })),
    cbioPatients: patients.map((p) => ({ id: p.barcode, collectionId: projectId, projectId, ...p.clinical.cbioTruth, source: "cBioPortal", dataRelease: String(cbioportal.fixture.study.importDate), clinicalAttributes: cbioportal.attributes.get(p.barcode) ?? {} })),
    cbioAttributes: cbioportal.attributes,
    gdcAttributes: gdc.attributes,
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
