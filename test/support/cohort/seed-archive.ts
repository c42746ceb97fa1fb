// Puts the synthetic cohort where the sources read it: a DICOMweb server (STOW-RS) or a folder.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { stowInstances } from "../dicomweb-stow.js";
import type { SyntheticCohort } from "./synthetic-cohort.js";

const FILES_PER_REQUEST = 40;

/** STOWs every file of the cohort; throws when the server reports a failed instance. */
export async function seedDicomWeb(dicomwebUrl: string, cohort: Pick<SyntheticCohort, "files">): Promise<void> {
  for (let start = 0; start < cohort.files.length; start += FILES_PER_REQUEST) {
    const batch = cohort.files.slice(start, start + FILES_PER_REQUEST);
    const response = await stowInstances(dicomwebUrl, batch.map((file) => file.bytes));
    const failed = response["00081198"]?.Value; // FailedSOPSequence: present without Value when nothing failed
    if (Array.isArray(failed) && failed.length > 0) throw new Error(`STOW-RS refused ${failed.length} instances: ${JSON.stringify(failed)}`);
  }
}

/** Writes the cohort as patient/study/series/instance.dcm files under `root`, as TCIA/IDC downloaders lay it out. */
export async function writeCohortFolder(root: string, cohort: SyntheticCohort): Promise<void> {
  for (const file of cohort.files) {
    const path = join(root, file.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.bytes);
  }
}
