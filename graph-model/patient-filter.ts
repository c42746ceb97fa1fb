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
