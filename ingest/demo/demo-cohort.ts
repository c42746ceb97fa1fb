// A small generated TCGA-like cohort for `npm start`: two collections, patients with clinical fields,
// imaging studies with acquisition parameters, segmented lesions, genes, gene sets and expression.
// Deterministic for a given seed. Barcodes use the fictional tissue-source site "DM".
import { SeededRandom } from "../../compute/seeded-random.js";
import type * as M from "../../graph-model/model/records.js";
import { DEMO_GENES, DEMO_PATHWAYS } from "./demo-genes.js";

export interface CohortRecords {
  collections: M.CollectionRecord[];
  patients: M.PatientRecord[];
  studies: M.StudyRecord[];
  series: M.SeriesRecord[];
  lesions: M.LesionRecord[];
  genes: M.GeneRecord[];
  pathways: M.PathwayRecord[];
  expression: M.ExpressionRecord[];
  mutations: M.MutationRecord[];
}

export interface DemoOptions {
  patientsPerCollection?: number;
  seed?: number;
}

const PROVENANCE = { source: "demo", dataRelease: "demo-1" } as const;

const COLLECTIONS: M.CollectionRecord[] = [
  { id: "TCGA-GBM", name: "TCGA Glioblastoma Multiforme", cancerType: "Glioblastoma multiforme", url: "https://portal.imaging.datacommons.cancer.gov/", ...PROVENANCE },
  { id: "TCGA-LUAD", name: "TCGA Lung Adenocarcinoma", cancerType: "Lung adenocarcinoma", url: "https://portal.imaging.datacommons.cancer.gov/", ...PROVENANCE },
];

function uid(root: string, ...parts: number[]): string {
  return `2.25.${root}.${parts.join(".")}`;
}

function imagingOf(collectionId: string, rng: SeededRandom): Omit<M.SeriesRecord, "uid" | "studyUid"> {
  if (collectionId === "TCGA-GBM")
    return {
      modality: "MR", description: "AX T1 POST GD", bodyPart: "BRAIN", rows: 256, columns: 256, sliceCount: 60,
      sliceThickness: rng.pick([3, 5]), pixelSpacing: [0.9375, 0.9375], manufacturer: rng.pick(["GE MEDICAL SYSTEMS", "SIEMENS"]),
      manufacturerModel: rng.pick(["Signa HDxt", "Avanto"]), magneticFieldStrength: rng.pick([1.5, 3]), sequenceName: "SE", contrastAgent: "Gadolinium",
      ...PROVENANCE,
    };
  return {
    modality: "CT", description: "CHEST W/O", bodyPart: "CHEST", rows: 512, columns: 512, sliceCount: 120,
    sliceThickness: rng.pick([1.25, 2.5]), pixelSpacing: [0.703125, 0.703125], convolutionKernel: rng.pick(["B30f", "STANDARD", "LUNG"]),
    manufacturer: rng.pick(["SIEMENS", "GE MEDICAL SYSTEMS", "TOSHIBA"]), manufacturerModel: rng.pick(["Sensation 16", "LightSpeed VCT"]), kvp: rng.pick([120, 140]),
    contrastAgent: null, ...PROVENANCE,
  };
}

export function demoCohort(options: DemoOptions = {}): CohortRecords {
  const rng = new SeededRandom(options.seed ?? 20261129);
  const perCollection = options.patientsPerCollection ?? 12;
  const records: CohortRecords = {
    collections: COLLECTIONS, patients: [], studies: [], series: [], lesions: [], genes: DEMO_GENES, pathways: DEMO_PATHWAYS, expression: [], mutations: [],
  };
  COLLECTIONS.forEach((collection, c) => {
    for (let n = 1; n <= perCollection; n++) {
      const id = `TCGA-DM-${String(c * 100 + n).padStart(4, "0")}`;
      const dead = rng.next() < 0.6;
      records.patients.push({
        id, collectionId: collection.id, projectId: collection.id, sex: rng.pick(["female", "male"]),
        ageAtDiagnosisYears: rng.integer(38, 84), vitalStatus: dead ? "Dead" : "Alive",
        stage: collection.id === "TCGA-LUAD" ? rng.pick(["Stage IA", "Stage IB", "Stage IIA", "Stage IIIA", "Stage IV"]) : null,
        primaryDiagnosis: collection.cancerType, overallSurvivalDays: demoSurvivalDays(id, rng.integer(60, 2400)), overallSurvivalEvent: dead, clinicalAttributes: demoClinicalAttributes(id), ...PROVENANCE,
      });
      const studyUid = uid("1", c, n);
      records.studies.push({ uid: studyUid, patientId: id, date: `20${rng.integer(0, 9).toString().padStart(2, "0")}-0${rng.integer(1, 9)}-1${rng.integer(0, 9)}`, description: "Pre-operative imaging", ...PROVENANCE });
      const seriesUid = uid("2", c, n);
      records.series.push({ uid: seriesUid, studyUid, ...imagingOf(collection.id, rng) });
      if (n % 5 !== 0) {
        const segUid = uid("3", c, n);
        records.lesions.push({
          id: `${segUid}:1`, seriesUid, label: "Tumour", segmentNumber: 1, segmentationType: n % 2 ? "SEG" : "RTSTRUCT",
          segmentationSeriesUid: segUid, segmentationSopInstanceUid: `${segUid}.1`, ...PROVENANCE,
        });
      }
    }
  });
  records.expression = demoExpression(records.patients, rng);
  records.mutations = demoMutations(records.patients, rng);
  return records;
}

/** Driver mutations at plausible frequencies: IDH1 R132H in glioma, EGFR L858R and KRAS G12C in lung, TP53 in both. */
function demoMutations(patients: M.PatientRecord[], rng: SeededRandom): M.MutationRecord[] {
  const drivers: Record<string, Array<[string, string, number]>> = {
    "TCGA-GBM": [["IDH1", "p.R132H", 0.3], ["TP53", "p.R273H", 0.35], ["PTEN", "p.R130Q", 0.3]],
    "TCGA-LUAD": [["EGFR", "p.L858R", 0.25], ["KRAS", "p.G12C", 0.3], ["TP53", "p.R158L", 0.45]],
  };
  return patients.flatMap((p) =>
    (drivers[p.collectionId] ?? [])
      .filter(([, , frequency]) => rng.next() < frequency)
      .map(([geneSymbol, proteinChange]) => ({
        patientId: p.id, geneSymbol, proteinChange, consequence: "missense_variant", vaf: Math.round(rng.next() * 60 + 10) / 100,
        sampleId: `${p.id}-01A`, source: "demo",
      })),
  );
}

/** The demo's hidden hypoxia activity of a patient (standard normal), deterministic in the barcode. */
/**
 * The demo's planted subtype: SUBTYPE "Hypoxic" when the hidden hypoxia activity (which also drives
 * lesion texture heterogeneity) is above DEMO_SUBTYPE_THRESHOLD, else "Normoxic". Derived from the
 * barcode alone (its own hash, not the cohort's random stream), so adding it changes no other demo value.
 * Overall survival follows the same activity (demoSurvivalDays): the planted hazard.
 */
export const DEMO_SUBTYPE_THRESHOLD = 0;
export function demoClinicalAttributes(patientId: string): Record<string, { value: string; source: string; dataRelease: string }> {
  const subtype = demoHypoxiaActivity(patientId) > DEMO_SUBTYPE_THRESHOLD ? "Hypoxic" : "Normoxic";
  return { SUBTYPE: { value: subtype, source: PROVENANCE.source, dataRelease: PROVENANCE.dataRelease } };
}

/** log hazard ratio of death per unit of hidden hypoxia activity in the demo. */
export const DEMO_SURVIVAL_LOG_HAZARD = 0.8;

/**
 * The planted hazard: the drawn follow-up time divided by exp(DEMO_SURVIVAL_LOG_HAZARD · activity)
 * (an accelerated-failure-time scaling, so hazard rises with activity). The random stream is
 * consumed as before, so no other demo value changes.
 */
export function demoSurvivalDays(patientId: string, drawnDays: number): number {
  return Math.max(30, Math.round(drawnDays * Math.exp(-DEMO_SURVIVAL_LOG_HAZARD * demoHypoxiaActivity(patientId))));
}

export function demoHypoxiaActivity(patientId: string): number {
  let seed = 2166136261;
  for (const char of patientId) seed = Math.imul(seed ^ char.charCodeAt(0), 16777619);
  return new SeededRandom(seed >>> 0).normal();
}

/** log2(TPM+1) per patient and gene, with per-gene z-scores; hypoxia genes follow the hidden activity. */
function demoExpression(patients: M.PatientRecord[], rng: SeededRandom): M.ExpressionRecord[] {
  const hypoxia = new Set(DEMO_PATHWAYS[0]!.geneSymbols);
  const activity = new Map(patients.map((p) => [p.id, demoHypoxiaActivity(p.id)]));
  const out: M.ExpressionRecord[] = [];
  for (const gene of DEMO_GENES) {
    const base = rng.normal(5, 1.5);
    const values = patients.map((p) => Math.max(0, base + (hypoxia.has(gene.symbol) ? 0.8 * activity.get(p.id)! : 0) + rng.normal(0, 0.6)));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1)) || 1;
    patients.forEach((p, i) => {
      const value = values[i]!;
      out.push({ patientId: p.id, geneSymbol: gene.symbol, value, tpm: 2 ** value - 1, z: (value - mean) / sd, ...PROVENANCE, sourceFile: null });
    });
  }
  return out;
}
