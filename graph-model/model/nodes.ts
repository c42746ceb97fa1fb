// Node labels, their natural keys and properties: the one declaration the Neo4j constraints, the
// Ladybug DDL and the record types are derived from.
import { prop, type PropertySpecs } from "./properties.js";

export interface NodeSpec<P extends PropertySpecs = PropertySpecs, Key extends keyof P & string = keyof P & string> {
  readonly label: string;
  readonly key: Key;
  readonly properties: P;
}

function node<P extends PropertySpecs, Key extends keyof P & string>(label: string, key: Key, properties: P): NodeSpec<P, Key> {
  return { label, key, properties };
}

const provenance = {
  source: prop.string("Where the record came from, e.g. 'IDC', 'GDC', 'cBioPortal', 'demo'"),
  dataRelease: prop.string("Release or version of the source the record was read from"),
} as const;

export const Collection = node("Collection", "id", {
  id: prop.string("Collection id as the archive names it, e.g. TCGA-GBM"),
  name: prop.string("Human-readable name"),
  cancerType: prop.string("Cancer type studied, e.g. Glioblastoma multiforme"),
  url: prop.string("Landing page of the collection"),
  ...provenance,
});

export const Patient = node("Patient", "id", {
  id: prop.string("TCGA case barcode (12 characters), equal to the DICOM PatientID, e.g. TCGA-02-0003"),
  projectId: prop.string("GDC project, e.g. TCGA-GBM"),
  sex: prop.string("Sex at birth as the source reports it"),
  ageAtDiagnosisYears: prop.float("Age at diagnosis in years"),
  vitalStatus: prop.string("Alive or Dead"),
  stage: prop.string("Pathological or clinical stage as reported"),
  primaryDiagnosis: prop.string("Primary diagnosis text"),
  overallSurvivalDays: prop.float("Days from diagnosis to death or last follow-up"),
  overallSurvivalEvent: prop.boolean("True when death was observed (event), false when censored"),
  clinicalAttributes: prop.json("Further clinical / molecular attributes the sources serve: name → { value, source, dataRelease } (model targets)"),
  ...provenance,
});

export const Study = node("Study", "uid", {
  uid: prop.string("StudyInstanceUID"),
  date: prop.string("StudyDate as YYYY-MM-DD"),
  description: prop.string("StudyDescription"),
  ...provenance,
});

export const Series = node("Series", "uid", {
  uid: prop.string("SeriesInstanceUID"),
  modality: prop.string("CT, MR, PT, …"),
  description: prop.string("SeriesDescription"),
  bodyPart: prop.string("BodyPartExamined"),
  frameOfReferenceUid: prop.string("FrameOfReferenceUID"),
  rows: prop.int("Rows of every slice"),
  columns: prop.int("Columns of every slice"),
  sliceCount: prop.int("Number of image slices"),
  sliceThickness: prop.float("SliceThickness, mm"),
  spacingBetweenSlices: prop.float("Centre-to-centre slice distance derived from positions, mm"),
  pixelSpacing: prop.floatList("PixelSpacing [row, column] spacing, mm"),
  convolutionKernel: prop.string("ConvolutionKernel (CT reconstruction kernel)"),
  manufacturer: prop.string("Manufacturer"),
  manufacturerModel: prop.string("ManufacturerModelName"),
  kvp: prop.float("KVP (CT tube voltage)"),
  magneticFieldStrength: prop.float("MagneticFieldStrength, T (MR)"),
  sequenceName: prop.string("SequenceName or ScanningSequence (MR)"),
  contrastAgent: prop.string("ContrastBolusAgent, empty when none"),
  retrieveUrl: prop.string("DICOMweb URL of the series (WADO-RS)"),
  ...provenance,
});

export const Lesion = node("Lesion", "id", {
  id: prop.string("Segmentation series UID + ':' + segment number or ROI number"),
  label: prop.string("Segment label or ROI name, e.g. 'Enhancing tumour'"),
  segmentNumber: prop.int("SEG SegmentNumber or RTSTRUCT ROINumber"),
  segmentationType: prop.string("SEG or RTSTRUCT"),
  segmentationSeriesUid: prop.string("SeriesInstanceUID of the SEG or RTSTRUCT"),
  segmentationSopInstanceUid: prop.string("SOPInstanceUID of the SEG or RTSTRUCT"),
  voxelCount: prop.int("Voxels of the mask on the image grid"),
  volumeMm3: prop.float("Mask volume, mm³ (voxel counting)"),
  ...provenance,
});

export const Feature = node("Feature", "key", {
  key: prop.string("Feature name + '@' + settings hash: one node per feature and setting"),
  name: prop.string("Feature name, e.g. glcm_joint_entropy_3D_merged"),
  family: prop.string("IBSI family, e.g. GLCM"),
  ibsiCode: prop.string("IBSI identifier, e.g. TU9B"),
  settingsHash: prop.string("Stable hash of the effective extraction settings"),
  settings: prop.json("Effective extraction settings (provenance)"),
  unit: prop.string("Unit of the value"),
});

export const Gene = node("Gene", "symbol", {
  symbol: prop.string("HGNC symbol, e.g. EGFR"),
  entrezId: prop.int("NCBI Entrez gene id"),
  ensemblId: prop.string("Ensembl gene id without version, e.g. ENSG00000146648"),
  name: prop.string("Full gene name"),
});

export const Pathway = node("Pathway", "id", {
  id: prop.string("Gene-set id, e.g. HALLMARK_HYPOXIA or R-HSA-1234567"),
  name: prop.string("Human-readable name"),
  url: prop.string("Where the gene set is described"),
  licence: prop.string("Licence of the gene-set collection"),
  ...provenance,
});

export const Cohort = node("Cohort", "id", {
  id: prop.string("Cohort id"),
  name: prop.string("Name given by the researcher"),
  filter: prop.json("The filter the cohort was built from"),
  createdAt: prop.string("ISO-8601 creation time"),
  description: prop.string("What the cohort is for, in the researcher's words"),
  patientCount: prop.int("Patients that matched the filter when the cohort was saved (its INCLUDES edges)"),
  platformVersion: prop.string("Version of the platform that saved it (provenance)"),
});

export const Analysis = node("Analysis", "id", {
  id: prop.string("Analysis id"),
  kind: prop.string("GENES, PATHWAYS or MUTATIONS association"),
  params: prop.json("Method, feature settings and targets"),
  dataVersion: prop.json("Data releases the analysis read"),
  createdAt: prop.string("ISO-8601 time the analysis finished"),
  cohortId: prop.string("The saved Cohort the analysis ran on (also an ON_COHORT edge); null for an inline filter"),
});

export const LoadMarker = node("LoadMarker", "id", {
  id: prop.string("What was loaded, e.g. 'demo', 'expression:GDC:TCGA-LUAD'"),
  status: prop.string("LOADING while the load runs, COMPLETE once its last write is done (written last); ROLLED_BACK: a start found it LOADING and removed its partial values"),
  version: prop.string("Version of what was loaded, e.g. the demo cohort's data release"),
  seed: prop.int("Seed of a generated cohort"),
  counts: prop.json("Records written, by kind"),
  startedAt: prop.string("ISO-8601 time the load began"),
  completedAt: prop.string("ISO-8601 time the load completed"),
  result: prop.json("A step's own result, written with its COMPLETE status (a distributed fit's cross-validation fold, read back by the task that assembles the fit)"),
});

export const Signature = node("Signature", "id", {
  id: prop.string("Signature id (digest of the question it answers)"),
  target: prop.string("Target attribute, with the class for one-vs-rest, e.g. SUBTYPE=LumA"),
  params: prop.json("Method, feature settings, folds, repeats, seed, l1Ratio, permutations, harmonisation"),
  result: prop.json("Out-of-fold AUC, 95% CI, permutation p, λ path, every outer fold (split, λ, coefficients), final refit intercept"),
  dataVersion: prop.json("Data releases the signature read (features, clinical attributes)"),
  createdAt: prop.string("ISO-8601 time the fit finished"),
  cohortId: prop.string("The saved Cohort it was fitted on; null for an inline filter"),
});

export const Harmonisation = node("Harmonisation", "id", {
  id: prop.string("Harmonisation id (digest of the question it answers; equals its job id)"),
  name: prop.string("Name given by the researcher"),
  cohortId: prop.string("The saved Cohort it was fitted on; null for an inline filter"),
  settingsHash: prop.string("Feature settings hash of the raw values it harmonised"),
  batchDefinition: prop.json("What a batch is: { by: MANUFACTURER | MANUFACTURER_MODEL | CONVOLUTION_KERNEL | SLICE_THICKNESS_BINS | COLLECTION, binEdges? }"),
  covariates: prop.json("Preserved biological covariates: [{ name, kind: CATEGORICAL | NUMERIC }]"),
  method: prop.json("{ parametric, meanOnly, text }: ComBat variant and the seed-free method text"),
  batches: prop.json("[{ batch, size }] in ComBat's (sorted) order"),
  estimates: prop.json("featureKeys, batches, gammaStar/deltaStar (batches × features, row-major), standMean, varPooled"),
  diagnostics: prop.json("Per feature: { featureKey, statisticBefore, pBefore, statisticAfter, pAfter } (Kruskal–Wallis over batches)"),
  values: prop.json("Harmonised values as one matrix: { lesionIds, patientIds, featureKeys, values (lesion-major) }"),
  params: prop.json("Cohort filter, settings, batch definition, covariates, method, dropped features/patients"),
  dataVersion: prop.json("Data releases read (series, clinical covariates) and the digest of the raw values"),
  createdAt: prop.string("ISO-8601 time the fit finished"),
});

export const SurvivalAnalysis = node("SurvivalAnalysis", "id", {
  id: prop.string("Survival analysis id (digest of the question it answers; equals its job id)"),
  kind: prop.string("KAPLAN_MEIER, UNIVARIATE_COX, PENALISED_COX or COMBINED"),
  endpoint: prop.string("OVERALL (Patient.overallSurvival*) or PROGRESSION_FREE (clinical attributes progressionFreeSurvival*)"),
  params: prop.json("Cohort, feature settings and hash, endpoint, grouping / model blocks, seed, folds, penalizers, method text, patients and their follow-up"),
  result: prop.json("Kind-specific: KM curves + numbers at risk + log-rank; Cox rows + PH tests; CV C-indices (Harrell, Uno), folds; combined-model table"),
  dataVersion: prop.json("Data releases read (survival and clinical sources), label and feature digests"),
  createdAt: prop.string("ISO-8601 time the analysis finished"),
  cohortId: prop.string("The saved Cohort it ran on; null for an inline filter"),
});

export const NODES = [Collection, Patient, Study, Series, Lesion, Feature, Gene, Pathway, Cohort, Analysis, Signature, Harmonisation, SurvivalAnalysis, LoadMarker] as const;
