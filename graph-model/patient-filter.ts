// The filter researchers use to select patients. Every field narrows the result (AND); lists match
// any of their values (OR). Values reach Cypher only as parameters (see cypher/patient-filter.cypher.ts).

export interface PatientFilter {
  /** Patient barcodes, e.g. ["TCGA-02-0003"]. */
  ids?: string[];
  /** Collection ids, e.g. ["TCGA-GBM"]. */
  collectionIds?: string[];
  /** Patients with at least one series of one of these modalities. */
  modalities?: string[];
  /** True: at least one segmented lesion; false: none. */
  hasSegmentation?: boolean;
  sex?: string;
  vitalStatus?: string;
  minAgeYears?: number;
  maxAgeYears?: number;
  /** Clinical stage as reported, e.g. "Stage IIA" (case-insensitive, exact: list every substage wanted). */
  stages?: string[];
  /** Members of these saved cohorts, as saved (a later ingest does not change them). */
  cohortIds?: string[];
  // Acquisition: the slice-thickness range, kernels and manufacturers given must all hold on one series.
  /** At least one series at least this thick, mm. */
  minSliceThicknessMm?: number;
  /** At least one series at most this thick, mm. */
  maxSliceThicknessMm?: number;
  /** ConvolutionKernel of the series, e.g. "B30f" (case-insensitive, exact). */
  convolutionKernels?: string[];
  /** Manufacturer of the series, e.g. "SIEMENS" (case-insensitive, exact). */
  manufacturers?: string[];
  /** A recorded somatic mutation in every one of these genes (HGNC symbols). */
  mutatedGenes?: string[];
  /** No recorded mutation in any of these genes; only patients with genomic data count as wild type. */
  wildTypeGenes?: string[];
  /** Primary-tumour expression within bounds, every threshold holding. */
  expression?: ExpressionThreshold[];
}

/** log2(TPM+1) as stored, or its z-score across the ingested cohort. */
export type ExpressionMeasure = "log2TpmPlus1" | "zScore";

export interface ExpressionThreshold {
  gene: string;
  measure: ExpressionMeasure;
  min?: number;
  max?: number;
}

export interface PageRequest {
  /** How many to return. */
  first: number;
  /** Return items after this cursor (exclusive). */
  after?: string | null;
}

export interface Page<T> {
  items: T[];
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
}
