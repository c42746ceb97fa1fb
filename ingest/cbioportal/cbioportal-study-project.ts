// The TCGA project of a cBioPortal study's patients, asked of the GDC (/cases by submitter_id), never
// guessed from the study's id: GDC-based studies are named by OncoTree codes (`ccrcc`, `hgsoc`,
// `soft_tissue`) that are not project names. A study whose patients span several projects, or that the
// GDC does not know, needs its collection given by the caller.
import { BadUserInputError } from "../../compute/errors.js";

/** What the lookup needs of the GDC: patient barcode → project id, for the barcodes it knows. */
export interface GdcProjectLookup {
  projectsOfBarcodes(barcodes: readonly string[]): Promise<Map<string, string>>;
}

/** Barcodes asked about: enough to see a mixed study, few enough for one request. */
const SAMPLED_PATIENTS = 200;

export async function tcgaProjectOfPatients(gdc: GdcProjectLookup, studyId: string, patientIds: readonly string[]): Promise<string> {
  const sample = [...new Set(patientIds)].sort().slice(0, SAMPLED_PATIENTS);
  const projects = await gdc.projectsOfBarcodes(sample);
  const counts = new Map<string, number>();
  for (const project of projects.values()) counts.set(project, (counts.get(project) ?? 0) + 1);
  if (counts.size === 1) return [...counts.keys()][0]!;
  const found = [...counts].sort((a, b) => b[1] - a[1]).map(([project, n]) => `${project} (${n})`).join(", ");
  throw new BadUserInputError(
    counts.size === 0
      ? `the GDC knows none of cBioPortal study '${studyId}''s ${sample.length} patients as TCGA cases: give the collection its patients belong to (collection)`
      : `cBioPortal study '${studyId}''s patients belong to several GDC projects (${found}): ingest it once per collection, giving the collection`,
    { studyId, projects: Object.fromEntries(counts) },
  );
}
