// One somatic mutation of one gene in one patient's tumour: the store's MutationRecord
// (graph-model/model/records.ts), whose key on HAS_MUTATION is the protein change.
import type { MutationRecord as StoreMutationRecord } from "../../graph-model/model/records.js";

export type MutationSource = "GDC" | "cBioPortal";

/** proteinChange is `p.`-prefixed HGVS (`p.L858R`); a variant without one (splice, intronic) carries
 * its genomic change instead (`chr12:g.25245350C>T`) so that the relationship key is never empty. */
export type MutationRecord = StoreMutationRecord & { source: MutationSource };
